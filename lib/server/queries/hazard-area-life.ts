// What a change to a hazardous area reads inside its transaction: the area
// locked against approvals, the land released in it report by report, and
// what would stop a split or merge. And the history an area's page shows.
import type { Prisma } from "@/generated/prisma/client";
import type { ReleaseShare } from "@/lib/domain/register-changes";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { hazardAreaScope } from "@/lib/server/scopes";
import { asAreal } from "./land-release";

type Tx = Prisma.TransactionClient;

/** Tasks still under way: an area on one is not split or merged under the partner working it. */
/** A task whose land may still change: at work, or completed and awaiting its post-clearance inspection and handover
 * (a failed inspection reopens land in its areas, which must still be the areas it was ordered on). */
export const OPEN_TASK_STATUSES = ["PLANNED", "ASSIGNED", "IN_PROGRESS", "COMPLETED"] as const;

const LIVING_AREA = {
  id: true,
  code: true,
  name: true,
  kind: true,
  contamination: true,
  landUse: true,
  priorityRank: true,
  governoratePcode: true,
  authorityId: true,
  geometry: true,
  areaM2: true,
  releasedGeometry: true,
  releasedM2: true,
  status: true,
  newlyFound: true,
  needsInvestigation: true,
  informationDate: true,
  sourceReference: true,
} as const satisfies Prisma.HazardAreaSelect;

export type LivingArea = Prisma.HazardAreaGetPayload<{ select: typeof LIVING_AREA }>;

/**
 * The caller's areas with these ids or codes, locked in id order (so two
 * changes never wait on each other) against approvals, which lock the row too.
 */
export async function lockAreas(
  tx: Tx,
  actor: Actor,
  where: { ids?: string[]; codes?: string[] },
): Promise<LivingArea[]> {
  const found = await tx.hazardArea.findMany({
    where: {
      ...hazardAreaScope(actor),
      OR: [...(where.ids ? [{ id: { in: where.ids } }] : []), ...(where.codes ? [{ code: { in: where.codes } }] : [])],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const { id } of found) await tx.$queryRaw`SELECT id FROM "HazardArea" WHERE id = ${id} FOR UPDATE`;
  return tx.hazardArea.findMany({ where: { id: { in: found.map((f) => f.id) } }, select: LIVING_AREA });
}

/** The land released in an area, report by report: its own approved reports and what it carries on from areas before it. */
export async function releaseSharesOf(tx: Tx, areaId: string) {
  const [own, inherited] = await Promise.all([
    tx.landReleaseReport.findMany({
      where: { hazardAreaId: areaId, status: "APPROVED" },
      select: { id: true, countedAreaM2: true, countedGeometry: true },
    }),
    tx.inheritedRelease.findMany({
      where: { hazardAreaId: areaId },
      select: { reportId: true, m2: true, report: { select: { countedGeometry: true } } },
    }),
  ]);
  // The m² each report released here (a reopening's below zero), and its counted land, which a split cuts by the parts.
  return [
    ...own.map((r): ReleaseShare => ({ reportId: r.id, counted: asAreal(r.countedGeometry), m2: r.countedAreaM2 })),
    ...inherited.map(
      (r): ReleaseShare => ({ reportId: r.reportId, counted: asAreal(r.report.countedGeometry), m2: r.m2 }),
    ),
  ].filter((s) => s.m2 !== 0);
}

/** What stops an area being split or merged: a report awaiting review, an open task. */
export async function splitOrMergeBlockers(tx: Tx, areaIds: string[]) {
  const [pending, task] = await Promise.all([
    tx.landReleaseReport.findFirst({
      where: { hazardAreaId: { in: areaIds }, status: "SUBMITTED" },
      select: { hazardArea: { select: { code: true } } },
    }),
    tx.taskHazardArea.findFirst({
      where: { hazardAreaId: { in: areaIds }, task: { status: { in: [...OPEN_TASK_STATUSES] } } },
      select: { hazardArea: { select: { code: true } }, task: { select: { code: true } } },
    }),
  ]);
  return {
    pending: pending?.hazardArea.code,
    openTask: task ? { area: task.hazardArea.code, task: task.task.code } : undefined,
  };
}

/** An area's history, newest first, with the codes of the areas each change names. */
export async function hazardAreaHistory(db: Db, areaId: string) {
  const changes = await db.hazardAreaChange.findMany({
    where: { hazardAreaId: areaId },
    orderBy: { at: "desc" },
    select: {
      id: true,
      kind: true,
      effectiveDate: true,
      evidence: true,
      before: true,
      after: true,
      relatedAreaIds: true,
      byId: true,
      at: true,
    },
  });
  const ids = [...new Set(changes.flatMap((c) => [...c.relatedAreaIds, ...(c.byId ? [c.byId] : [])]))];
  const [areas, users] = await Promise.all([
    db.hazardArea.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } }),
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  ]);
  const code = new Map(areas.map((a) => [a.id, a.code]));
  const name = new Map(users.map((u) => [u.id, u.name]));
  return changes.map((c) => ({
    ...c,
    related: c.relatedAreaIds.map((id) => ({ id, code: code.get(id) ?? id })),
    by: c.byId ? (name.get(c.byId) ?? null) : null,
  }));
}
