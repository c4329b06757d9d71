// Registering a previewed import's rows, a batch per transaction, each with
// its audit event, against the register as it stands then: a row that shares
// land with it (found at preview, or registered since) is skipped or trimmed
// to its unregistered part as the authority decided, never counted twice.
// Resumable: the rows left are those still pending, whoever ran the batches
// before, and a batch takes the register's lock, so a process that restarts
// or a second one cannot register a row twice.
import { bbox } from "@turf/turf";
import type { Prisma } from "@/generated/prisma/client";
import { planCommitBatch, type RowPlan } from "@/lib/domain/import-commit-plan";
import type { CommittedShape, ImportDecision, RowOverlaps } from "@/lib/domain/import-geometry";
import type { RegisterRow } from "@/lib/domain/register-import";
import type { Areal } from "@/lib/geo/boolean";
import { refusal } from "@/lib/i18n/refusals";
import { ZImportCommit } from "@/lib/schemas/register-import";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { runInWorker } from "@/lib/server/geometry-pool";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { refreshRegisterStatistics } from "@/lib/server/queries/hazard-areas";
import {
  commitCandidates,
  earlierImportRows,
  importProgress,
  registeredAreasById,
} from "@/lib/server/queries/register-imports";
import { registerImportScope } from "@/lib/server/scopes";
import { releaseBatch } from "./commit-release-import";
import { lockRegister } from "./hazard-area-change-record";
import { type GrownArea, growMergedAreas } from "./import-merges";

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
  if (!can(actor, "register:import") || !actor.organisationId)
    throw new CommandError("forbidden", refusal("onlyAuthorityImports"));
  const found = await db.registerImport.findFirst({ where: { id, ...registerImportScope(actor) } });
  if (!found) throw new CommandError("not_found", refusal("importNotFound"));
  return found;
}

export async function commitRegisterImport(db: Db, actor: Actor, id: string, body: unknown) {
  const found = await ownImport(db, actor, id);
  const { overlaps } = parseOrRefuse(ZImportCommit, body ?? {}, "importCommitMalformed");
  if (found.status === "COMMITTED") throw new CommandError("conflict", refusal("importAlreadyCommitted"));
  if (found.status === "WITHDRAWN") throw new CommandError("conflict", refusal("importWithdrawnAlready"));
  const decision = (overlaps ?? found.overlapDecision) as ImportDecision | null;
  if (found.overlappingCount > 0 && !decision)
    throw new CommandError("precondition_failed", refusal("importDecideOverlaps", { count: found.overlappingCount }));
  if (found.status === "PREVIEWED") {
    const moved = await db.registerImport.updateMany({
      where: { id, status: "PREVIEWED" },
      data: { status: "COMMITTING", overlapDecision: decision ?? "skip" },
    });
    // Discarded at the same moment: it is not committed.
    if (!moved.count && (await db.registerImport.findUnique({ where: { id } }))?.status === "WITHDRAWN")
      throw new CommandError("conflict", refusal("importWithdrawnAlready"));
  }
  const run =
    running.get(id) ??
    running
      .set(
        id,
        registerPending(db, actor, found, decision ?? "skip")
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
async function registerPending(db: Db, actor: Actor, found: CommittingImport, decision: ImportDecision): Promise<void> {
  const { id } = found;
  for (;;) {
    const batch =
      found.kind === "RELEASES"
        ? releaseBatch(db, actor, id, (tx) => finishImport(tx, actor, id))
        : registerBatch(db, actor, found, decision);
    const left = await batch.catch(async (err: unknown) => {
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

/** The import committed, once no row is left pending, with the audit event that says what it made. */
async function finishImport(tx: Prisma.TransactionClient, actor: Actor, id: string) {
  const done = await tx.registerImport.update({
    where: { id },
    data: { status: "COMMITTED", committedAt: new Date() },
    select: { authorityId: true, kind: true },
  });
  const counts = await importProgress(tx as unknown as Db, id);
  await recordAuditEvent(tx, {
    actorUserId: actor.id,
    action: "registerImport.commit",
    entityType: "RegisterImport",
    entityId: id,
    after: { authorityId: done.authorityId, kind: done.kind, created: counts.created, skipped: counts.skipped },
  });
}

/** One batch of pending rows in one transaction; 0 when none was left (the import is then committed). */
type CommittingImport = { id: string; kind: "HAZARD_AREAS" | "RELEASES"; fileName: string; registerAsOf: Date | null };

function registerBatch(db: Db, actor: Actor, found: CommittingImport, decision: ImportDecision): Promise<number> {
  const { id, fileName, registerAsOf } = found;
  return db.$transaction(
    async (tx) => {
      // The register's lock, as single registration takes it: no area registered meanwhile escapes the check.
      await lockRegister(tx);
      // Withdrawn meanwhile (it was claimed before its commit began): nothing more is registered.
      const now = await tx.registerImport.findUnique({ where: { id }, select: { status: true } });
      if (now?.status !== "COMMITTING") return 0;
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
        await finishImport(tx, actor, id);
        return 0;
      }
      const geometries = rows.map((r) => JSON.parse(r.geometry) as Areal);
      const values = rows.map((r) => r.value as unknown as RegisterRow);
      const previewed = rows.map((r) => r.overlaps as unknown as Omit<RowOverlaps, "row">);
      const candidates = await commitCandidates(
        tx,
        id,
        registerAsOf,
        rows.map((r, k) => ({ key: r.row, box: bbox(geometries[k]!) })),
      );
      const earlier = await earlierImportRows(tx, id, [
        ...new Set(previewed.flatMap((o) => o.rows.map((e) => e.row)).filter((row) => row < rows[0]!.row)),
      ]);
      const plans = planCommitBatch(
        rows.map((r, k) => ({ row: r.row, code: values[k]!.code, name: values[k]!.name, ...previewed[k]! })),
        candidates,
        earlier,
        decision,
      );
      // Each row's area belongs to the authority of its governorate (an admin's file may span both regions).
      const authorityOf = new Map(
        (await tx.governorate.findMany({ select: { pcode: true, authorityId: true } })).map((g) => [
          g.pcode,
          g.authorityId,
        ]),
      );
      const shapes = await measureAgain(tx, plans, rows, values, geometries, decision, (row) =>
        authorityOf.get(row.governoratePcode),
      );
      // The last boundary each area a row merged into grows to in this batch.
      const grownTo = new Map<string, GrownArea>();
      shapes.forEach((shape, i) => {
        if (shape.result !== "merge") return;
        const rowsBefore = grownTo.get(shape.into)?.rows ?? [];
        grownTo.set(shape.into, {
          code: shape.into,
          geometry: shape.geometry,
          areaM2: shape.areaM2,
          rows: [...rowsBefore, rows[i]!.row],
        });
      });
      // A code another writer registered since the preview: that row is skipped rather than every attempt at its
      // batch failing on the unique code, which left the import committing for good.
      const taken = new Set(
        (
          await tx.hazardArea.findMany({
            where: { code: { in: shapes.flatMap((s, i) => (s.result === "create" ? [values[i]!.code] : [])) } },
            select: { code: true },
          })
        ).map((a) => a.code),
      );
      // One insert for the batch's new areas and one update for its rows: a row at a time was most of the commit's time.
      const creating = shapes.flatMap((shape, i) =>
        shape.result === "create" && !taken.has(values[i]!.code)
          ? [{ shape: { ...shape, ...grownTo.get(values[i]!.code) }, row: rows[i]!, whole: geometries[i] }]
          : [],
      );
      const batchCodes = new Set(creating.map((c) => (c.row.value as unknown as RegisterRow).code));
      const areas = await insertImportedAreas(
        tx,
        actor,
        id,
        creating.map(({ shape, row, whole }) => ({
          value: row.value as unknown as RegisterRow,
          governoratePcode: row.governoratePcode,
          authorityId: authorityOf.get(row.governoratePcode)!,
          // A row registered whole keeps the text it was stored as: not parsed and written out again.
          geometry: shape.geometry === whole ? row.geometry : JSON.stringify(shape.geometry),
          box: bbox(shape.geometry),
          areaM2: shape.areaM2,
        })),
      );
      const areaOf = new Map(areas.map((a) => [a.code, a.id]));
      const held = await growMergedAreas(
        tx,
        actor,
        id,
        fileName,
        [...grownTo.values()].filter((g) => !batchCodes.has(g.code) && !taken.has(g.code)),
      );
      for (const [code, area] of held) areaOf.set(code, area.id);
      const outcomes = shapes.map((shape, i) => {
        const r = rows[i]!;
        const code = (r.value as unknown as RegisterRow).code;
        if (shape.result === "create" && taken.has(code))
          return { id: r.id, status: "SKIPPED", hazardAreaId: null, outcome: { overlaps: [], codeTaken: code } };
        if (shape.result === "merge")
          return areaOf.has(shape.into)
            ? {
                id: r.id,
                status: "MERGED",
                hazardAreaId: areaOf.get(shape.into)!,
                outcome: {
                  mergedInto: shape.into,
                  addedM2: shape.addedM2,
                  // Land added to an area this import made is in the import's own area; to another, it is not.
                  intoImport: batchCodes.has(shape.into) || !!held.get(shape.into)?.own,
                },
              }
            : {
                id: r.id,
                status: "SKIPPED",
                hazardAreaId: null,
                outcome: { overlaps: shape.overlaps, codeTaken: shape.into },
              };
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

type PendingRow = { row: number; geometry: string; areaM2: number; governoratePcode: string };

/**
 * Each row's shape as the plan says: registered whole, skipped as the preview
 * measured it, or measured again by GEOS (one worker job for the batch's
 * measured rows, in row order) against the areas and earlier rows named.
 */
async function measureAgain(
  tx: Prisma.TransactionClient,
  plans: readonly RowPlan[],
  rows: readonly PendingRow[],
  values: readonly RegisterRow[],
  geometries: readonly Areal[],
  decision: ImportDecision,
  authorityOf: (row: PendingRow) => string | null | undefined,
): Promise<CommittedShape[]> {
  const index = new Map(rows.map((r, k) => [r.row, k]));
  const measuring = plans.flatMap((p) => (p.plan === "measure" ? [p] : []));
  const areas = await registeredAreasById(
    tx,
    measuring.flatMap((p) => p.areaIds),
  );
  const measured = measuring.length
    ? await runInWorker(
        "commitShapes",
        [
          measuring.map((p) => {
            const k = index.get(p.row)!;
            return {
              row: p.row,
              code: values[k]!.code,
              name: values[k]!.name,
              geometry: geometries[k]!,
              registered: [
                ...p.areaIds.flatMap((areaId) => {
                  const area = areas.get(areaId);
                  return area ? [area] : [];
                }),
                ...p.batchRows.map((row) => {
                  const j = index.get(row)!;
                  return {
                    code: values[j]!.code,
                    name: values[j]!.name,
                    geometry: geometries[j]!,
                    authorityId: authorityOf(rows[j]!),
                  };
                }),
              ],
              decision,
              // A row's land merges only into an area of its governorate's authority.
              authorityId: authorityOf(rows[k]!),
            };
          }),
        ],
        BATCH_BUDGET_MS,
      )
    : [];
  const byRow = new Map(measured.map((m) => [m.row, m]));
  return plans.map((p, k): CommittedShape => {
    if (p.plan === "skip") return { row: p.row, result: "skip", overlaps: p.overlaps };
    if (p.plan === "create")
      return { row: p.row, result: "create", geometry: geometries[k]!, areaM2: rows[k]!.areaM2, trimmedM2: 0 };
    return byRow.get(p.row)!;
  });
}

/**
 * The batch's new areas in one insert, each with the box its polygon was
 * measured to (the trigger on the table would otherwise walk the JSON again
 * for it) and its polygon as JSON text (Prisma walked every position of 200
 * polygons to send them, a tenth of the commit's time).
 */
async function insertImportedAreas(
  tx: Prisma.TransactionClient,
  actor: Actor,
  importId: string,
  areas: readonly {
    value: RegisterRow;
    governoratePcode: string;
    authorityId: string;
    geometry: string;
    box: number[];
    areaM2: number;
  }[],
): Promise<{ id: string; code: string }[]> {
  if (!areas.length) return [];
  const column = <T>(f: (a: (typeof areas)[number]) => T) => areas.map(f);
  return tx.$queryRaw<{ id: string; code: string }[]>`
    INSERT INTO "HazardArea" ("id", "code", "name", "kind", "contamination", "landUse", "priorityRank",
      "governoratePcode", "authorityId", "geometry", "areaM2", "informationDate", "sourceReference", "importId",
      "createdById", "createdAt", "bbox")
    SELECT gen_random_uuid()::text, v.code, v.name, v.kind::"HazardKind", v.contamination::"ContaminationType"[],
      v.land::"LandUse", v.priority, v.pcode, v.authority, v.geometry::jsonb, v.area, v.informed::date,
      v.source, ${importId}, ${actor.id}, (${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC')::timestamp(3), box(point(v.w, v.s), point(v.e, v.n))
    FROM unnest(${column((a) => a.value.code)}::text[], ${column((a) => a.value.name)}::text[],
                ${column((a) => a.value.kind)}::text[], ${column((a) => `{${a.value.contamination.join(",")}}`)}::text[],
                ${column((a) => a.value.landUse)}::text[], ${column((a) => a.value.priorityRank)}::int[],
                ${column((a) => a.governoratePcode)}::text[], ${column((a) => a.authorityId)}::text[],
                ${column((a) => a.geometry)}::text[],
                ${column((a) => a.areaM2)}::float8[], ${column((a) => a.value.informationDate ?? null)}::text[],
                ${column((a) => a.value.sourceReference ?? null)}::text[],
                ${column((a) => a.box[0]!)}::float8[], ${column((a) => a.box[1]!)}::float8[],
                ${column((a) => a.box[2]!)}::float8[], ${column((a) => a.box[3]!)}::float8[])
      AS v(code, name, kind, contamination, land, priority, pcode, authority, geometry, area, informed, source, w, s, e, n)
    RETURNING "id", "code"`;
}
