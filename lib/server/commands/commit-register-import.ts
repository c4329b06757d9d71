// Registering a previewed import's rows, a batch per transaction, each with
// its audit event, against the register as it stands then: a row that shares
// land with it (found at preview, or registered since) is skipped or trimmed
// to its unregistered part as the authority decided, never counted twice.
// Resumable: the rows left are those still pending, whoever ran the batches
// before, and a batch takes the register's lock, so a process that restarts
// or a second one cannot register a row twice.
import { bbox } from "@turf/turf";
import type { CommittedShape } from "@/lib/domain/import-geometry";
import type { RegisterRow } from "@/lib/domain/register-import";
import type { Areal } from "@/lib/geo/boolean";
import { refusal } from "@/lib/i18n/refusals";
import { ZImportCommit } from "@/lib/schemas/register-import";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { runInWorker } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { hazardAreasInBoxes, refreshRegisterStatistics } from "@/lib/server/queries/hazard-areas";
import { importProgress } from "@/lib/server/queries/register-imports";
import { lockRegister } from "./hazard-area-change-record";

/**
 * Rows per transaction: its geometry is one worker job, and the register's
 * lock is held for one batch only (about half a second for 200 ordinary areas).
 */
export const ROWS_PER_BATCH = 200;
const BATCH_BUDGET_MS = 60_000;
/** How long the request waits for a small import to finish before answering 202 with its progress. */
const ANSWER_WITHIN_MS = 4_000;

/** Imports being committed by this process, so a second request resumes nothing twice here. */
const running = ((globalThis as { __registerImportsRunning?: Map<string, Promise<void>> }).__registerImportsRunning ??=
  new Map());

/** The import, if it is the caller's authority's; else not found (another authority's import is not there for it). */
export async function ownImport(db: Db, actor: Actor, id: string) {
  if (!can(actor, "hazardArea:write") || !actor.organisationId)
    throw new CommandError("forbidden", refusal("onlyAuthorityImports"));
  const found = await db.registerImport.findFirst({ where: { id, authorityId: actor.organisationId } });
  if (!found) throw new CommandError("not_found", refusal("importNotFound"));
  return found;
}

export async function commitRegisterImport(db: Db, actor: Actor, id: string, body: unknown) {
  const found = await ownImport(db, actor, id);
  const { overlaps } = parseOrRefuse(ZImportCommit, body ?? {}, "importCommitMalformed");
  if (found.status === "COMMITTED") throw new CommandError("conflict", refusal("importAlreadyCommitted"));
  if (found.status === "WITHDRAWN") throw new CommandError("conflict", refusal("importWithdrawnAlready"));
  const decision = (overlaps ?? found.overlapDecision) as "skip" | "remainder" | null;
  if (found.overlappingCount > 0 && !decision)
    throw new CommandError("precondition_failed", refusal("importDecideOverlaps", { count: found.overlappingCount }));
  if (found.status === "PREVIEWED")
    await db.registerImport.updateMany({
      where: { id, status: "PREVIEWED" },
      data: { status: "COMMITTING", overlapDecision: decision ?? "skip" },
    });
  const run =
    running.get(id) ??
    running
      .set(
        id,
        registerPending(db, actor, id, decision ?? "skip")
          .catch((err: unknown) => {
            // Left committing, its pending rows still pending: committing again resumes it (GET says it is not running).
            console.error(`register import ${id} stopped:`, err);
            throw err;
          })
          .finally(() => running.delete(id)),
      )
      .get(id)!;
  // A small import is answered when done; a large one goes on after the answer, its progress read with GET.
  const finished = await Promise.race([
    run.then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), ANSWER_WITHIN_MS).unref()),
  ]);
  return { finished, progress: await importProgress(db, id) };
}

/** Registers the pending rows batch by batch until none is left, then marks the import committed. */
async function registerPending(db: Db, actor: Actor, id: string, decision: "skip" | "remainder"): Promise<void> {
  for (;;) {
    const left = await registerBatch(db, actor, id, decision).catch(async (err: unknown) => {
      // Other users' geometry comes first: when the workers are busy, the import waits its turn.
      if (err instanceof CommandError && err.code === "unavailable") {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return -1;
      }
      throw err;
    });
    if (!left) return refreshRegisterStatistics(db);
  }
}

/** One batch of pending rows in one transaction; 0 when none was left (the import is then committed). */
function registerBatch(db: Db, actor: Actor, id: string, decision: "skip" | "remainder"): Promise<number> {
  return db.$transaction(
    async (tx) => {
      // The register's lock, as single registration takes it: no area registered meanwhile escapes the check.
      await lockRegister(tx);
      const rows = await tx.registerImportRow.findMany({
        where: { importId: id, status: "PENDING" },
        orderBy: { row: "asc" },
        take: ROWS_PER_BATCH,
        select: {
          id: true,
          row: true,
          value: true,
          geometry: true,
          areaM2: true,
          governoratePcode: true,
          overlaps: true,
        },
      });
      if (!rows.length) {
        const done = await tx.registerImport.update({
          where: { id },
          data: { status: "COMMITTED", committedAt: new Date() },
          select: { authorityId: true },
        });
        const counts = await importProgress(tx as unknown as Db, id);
        await recordAuditEvent(tx, {
          actorUserId: actor.id,
          action: "registerImport.commit",
          entityType: "RegisterImport",
          entityId: id,
          after: { authorityId: done.authorityId, created: counts.created, skipped: counts.skipped },
        });
        return 0;
      }
      const geometries = rows.map((r) => JSON.parse(r.geometry) as Areal);
      const registered = await hazardAreasInBoxes(
        tx,
        rows.map((r, k) => ({ key: r.row, box: bbox(geometries[k]!) })),
      );
      // A batch no registered area comes near, none of whose rows shared land with an earlier row at preview,
      // is registered as checked then; any other goes whole to GEOS (its rows count as registered for those after them).
      const items = rows.map((r, k) => {
        const v = r.value as unknown as RegisterRow;
        return {
          row: r.row,
          code: v.code,
          name: v.name,
          geometry: geometries[k]!,
          registered: registered.get(r.row) ?? [],
          decision,
        };
      });
      const nearOthers =
        items.some((i) => i.registered.length) ||
        rows.some((r) => (r.overlaps as unknown as { rows: unknown[] }).rows.length > 0);
      const shapes: CommittedShape[] = nearOthers
        ? await runInWorker("commitShapes", [items], BATCH_BUDGET_MS)
        : items.map((i, k) => ({
            row: i.row,
            result: "create",
            geometry: i.geometry,
            areaM2: rows[k]!.areaM2,
            trimmedM2: 0,
          }));
      // One insert for the batch's new areas and one update for its rows: a row at a time was most of the commit's time.
      const creating = shapes.flatMap((shape, i) => (shape.result === "create" ? [{ shape, row: rows[i]! }] : []));
      const areas = await tx.hazardArea.createManyAndReturn({
        data: creating.map(({ shape, row }) => {
          const v = row.value as unknown as RegisterRow;
          return {
            code: v.code,
            name: v.name,
            kind: v.kind,
            contamination: v.contamination,
            landUse: v.landUse,
            priorityRank: v.priorityRank,
            governoratePcode: row.governoratePcode,
            authorityId: actor.organisationId!,
            geometry: toJson(shape.geometry),
            areaM2: shape.areaM2,
            informationDate: v.informationDate ? new Date(`${v.informationDate}T00:00:00Z`) : null,
            sourceReference: v.sourceReference,
            importId: id,
            createdById: actor.id,
          };
        }),
        select: { id: true, code: true },
      });
      const areaOf = new Map(areas.map((a) => [a.code, a.id]));
      const outcomes = shapes.map((shape, i) => {
        const r = rows[i]!;
        const code = (r.value as unknown as RegisterRow).code;
        return shape.result === "create"
          ? { id: r.id, status: "CREATED", hazardAreaId: areaOf.get(code)!, outcome: { trimmedM2: shape.trimmedM2 } }
          : { id: r.id, status: "SKIPPED", hazardAreaId: null, outcome: { overlaps: shape.overlaps } };
      });
      await tx.$executeRaw`
  UPDATE "RegisterImportRow" r
  SET status = v.status::"RegisterImportRowStatus", "hazardAreaId" = v.area, outcome = v.outcome::jsonb
  FROM unnest(${outcomes.map((o) => o.id)}::text[], ${outcomes.map((o) => o.status)}::text[],
              ${outcomes.map((o) => o.hazardAreaId)}::text[], ${outcomes.map((o) => JSON.stringify(o.outcome))}::text[])
    AS v(id, status, area, outcome)
  WHERE r.id = v.id`;
      const created = creating.map(({ row }) => (row.value as unknown as RegisterRow).code);
      const skipped = outcomes.flatMap((o, i) => (o.status === "SKIPPED" ? [rows[i]!.row] : []));
      await recordAuditEvent(tx, {
        actorUserId: actor.id,
        action: "registerImport.batch",
        entityType: "RegisterImport",
        entityId: id,
        after: { rows: [rows[0]!.row, rows.at(-1)!.row], created, skipped, decision },
      });
      await bumpDataVersion(tx);
      return rows.length;
    },
    { timeout: BATCH_BUDGET_MS * 2, maxWait: BATCH_BUDGET_MS },
  );
}
