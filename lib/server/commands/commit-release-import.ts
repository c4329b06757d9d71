// Committing a file of past releases, a batch per transaction: each row
// becomes an approved land-release report marked as imported (no task: the
// work was done before the register), accounted as an approval is, against
// its area's released land as it stands then, oldest release first, so each
// m² counts once, on the day it was first released. Its areas' released land
// and totals grow by exactly what the reports count; an area released to the
// last m² closes.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { StoredRelease } from "@/lib/domain/release-import";
import type { Areal } from "@/lib/geo/boolean";
import { bumpDataVersion } from "@/lib/server/cache";
import { runInWorker } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { asAreal, lockHazardArea } from "@/lib/server/queries/land-release";
import { settleReleasedArea } from "./hazard-area-change-record";

type Tx = Prisma.TransactionClient;
const ROWS_PER_BATCH = 200;
const BATCH_BUDGET_MS = 60_000;

/** One batch of pending releases in one transaction; 0 when none was left (then `finish` marks the import committed). */
export function releaseBatch(db: Db, actor: Actor, id: string, finish: (tx: Tx) => Promise<void>): Promise<number> {
  return db.$transaction(
    async (tx) => {
      // The import's row locked first: a second process resuming it waits here, then finds these rows done.
      const [held] = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text FROM "RegisterImport" WHERE id = ${id} FOR UPDATE`;
      if (held?.status !== "COMMITTING") return 0;
      const rows = await tx.registerImportRow.findMany({
        where: { importId: id, status: "PENDING" },
        orderBy: [{ commitOrder: "asc" }, { row: "asc" }],
        take: ROWS_PER_BATCH,
        select: { id: true, row: true, value: true, geometry: true },
      });
      if (!rows.length) {
        await finish(tx);
        return 0;
      }
      const values = rows.map((r) => r.value as unknown as StoredRelease);
      // Locked in one order, as every approval locks its area: concurrent approvals wait, none counts a m² twice.
      const areaIds = [...new Set(values.map((v) => v.hazardAreaId))].sort();
      for (const areaId of areaIds) await lockHazardArea(tx, areaId);
      const areas = new Map(
        (
          await tx.hazardArea.findMany({
            where: { id: { in: areaIds } },
            select: {
              id: true,
              code: true,
              status: true,
              areaM2: true,
              releasedM2: true,
              geometry: true,
              releasedGeometry: true,
              authorityId: true,
            },
          })
        ).map((a) => [a.id, a]),
      );
      // An area split or merged since the preview holds its land no more: its releases are skipped, said why.
      const living = (k: number) => {
        const status = areas.get(values[k]!.hazardAreaId)?.status;
        return status !== undefined && status !== "SUPERSEDED" && status !== "WITHDRAWN";
      };
      const groups = new Map<string, number[]>();
      rows.forEach((_, k) => {
        if (living(k))
          (
            groups.get(values[k]!.hazardAreaId) ?? groups.set(values[k]!.hazardAreaId, []).get(values[k]!.hazardAreaId)!
          ).push(k);
      });
      const groupList = [...groups.entries()];
      const accounted = await runInWorker(
        "accountImportedReleases",
        [
          groupList.map(([areaId, ks]) => ({
            hazard: asAreal(areas.get(areaId)!.geometry)!,
            released: asAreal(areas.get(areaId)!.releasedGeometry),
            rows: ks.map((k) => ({ row: rows[k]!.row, geometry: JSON.parse(rows[k]!.geometry) as Areal })),
          })),
        ],
        BATCH_BUDGET_MS,
      );
      const now = new Date();
      const reports: Prisma.LandReleaseReportCreateManyInput[] = [];
      const outcomes: { id: string; status: "CREATED" | "SKIPPED"; outcome: object }[] = [];
      for (const [g, [areaId, ks]] of groupList.entries()) {
        const area = areas.get(areaId)!;
        const { accounts, releasedAfter } = accounted[g]!;
        let counted = 0;
        for (const [j, k] of ks.entries()) {
          const account = accounts[j]!;
          const v = values[k]!;
          const reportId = randomUUID();
          reports.push({
            id: reportId,
            hazardAreaId: areaId,
            partnerId: v.operatorId,
            method: v.method,
            periodStart: new Date(v.periodStart),
            periodEnd: new Date(v.periodEnd),
            submittedGeometry: JSON.parse(rows[k]!.geometry),
            submittedAreaM2: account.submittedAreaM2,
            outsideHazardM2: account.outsideHazardM2,
            alreadyReleasedM2: account.alreadyReleasedM2,
            countedAreaM2: account.countedAreaM2,
            countedGeometry: account.counted ? toJson(account.counted) : Prisma.DbNull,
            clearanceDepthCm: v.clearanceDepthCm,
            status: "APPROVED",
            submittedById: actor.id,
            submittedAt: now,
            reviewedById: actor.id,
            reviewedAt: now,
            // Approved in the authority's own records: by its own authority when its national teams did the work.
            reviewedByOwnAuthority: v.operatorId === area.authorityId,
            importId: id,
            sourceReference: v.sourceReference,
          });
          outcomes.push({
            id: rows[k]!.id,
            status: "CREATED",
            outcome: { reportId, countedAreaM2: account.countedAreaM2 },
          });
          counted += account.countedAreaM2;
        }
        // The total is the sum of counted areas, as an approval keeps it.
        const releasedM2 = area.releasedM2 + counted;
        await tx.hazardArea.update({
          where: { id: areaId },
          data: { releasedM2, ...(releasedAfter ? { releasedGeometry: toJson(releasedAfter) } : {}) },
        });
        await settleReleasedArea({ tx, actor }, area, releasedM2, { import: id });
      }
      rows.forEach((r, k) => {
        if (!living(k))
          outcomes.push({ id: r.id, status: "SKIPPED", outcome: { areaRetired: values[k]!.hazardAreaCode } });
      });
      await tx.landReleaseReport.createMany({ data: reports });
      await tx.$executeRaw`
  UPDATE "RegisterImportRow" r
  SET status = v.status::"RegisterImportRowStatus", outcome = v.outcome::jsonb
  FROM unnest(${outcomes.map((o) => o.id)}::text[], ${outcomes.map((o) => o.status)}::text[],
              ${outcomes.map((o) => JSON.stringify(o.outcome))}::text[]) AS v(id, status, outcome)
  WHERE r.id = v.id`;
      await recordAuditEvent(tx, {
        actorUserId: actor.id,
        action: "registerImport.batch",
        entityType: "RegisterImport",
        entityId: id,
        after: {
          kind: "releases",
          rows: rows.map((r) => r.row),
          reports: reports.length,
          countedM2: reports.reduce((s, r) => s + r.countedAreaM2, 0),
          skipped: outcomes.filter((o) => o.status === "SKIPPED").length,
        },
      });
      await bumpDataVersion(tx);
      return rows.length;
    },
    { timeout: BATCH_BUDGET_MS * 2, maxWait: BATCH_BUDGET_MS },
  );
}
