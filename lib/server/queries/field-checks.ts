// What the field commands (task orders, status changes, completion,
// handover, hazard-area registration) read before their one transaction:
// the caller's own task or hazardous areas, in the shape each check needs.
import { IN_REGISTER } from "@/lib/domain/hazard-area-status";
import type { Db } from "@/lib/server/prisma";

/** A task of the caller's side: an authority's own order, or a partner's assignment. */
export function taskForTransition(db: Db, taskId: string, owner: { authorityId: string } | { partnerId: string }) {
  return db.task.findFirst({
    where: { id: taskId, ...owner },
    select: { id: true, status: true, partnerId: true, authorityId: true, workScopes: true },
  });
}

/** The partner's own task, with its hazardous areas' area and released m² and the count of reports awaiting review. */
export function taskForCompletion(db: Db, partnerId: string, taskId: string) {
  return db.task.findFirst({
    where: { id: taskId, partnerId },
    select: {
      id: true,
      status: true,
      partnerId: true,
      hazardAreas: { select: { hazardArea: { select: { areaM2: true, releasedM2: true } } } },
      _count: { select: { reports: { where: { status: "SUBMITTED" } } } },
    },
  });
}

/** The authority's own task, with its current (newest) completion report. */
export function taskForHandover(db: Db, authorityId: string, taskId: string) {
  return db.task.findFirst({
    where: { id: taskId, authorityId },
    select: {
      id: true,
      status: true,
      partnerId: true,
      completions: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { id: true, completedOn: true, createdAt: true },
      },
    },
  });
}

/** Those of the hazardous areas named that the authority registered and its register still holds (not split, merged or withdrawn). */
export function hazardAreasOfAuthority(db: Db, authorityId: string, ids: string[]) {
  return db.hazardArea.findMany({
    where: { id: { in: ids }, authorityId, status: { in: [...IN_REGISTER] } },
    select: { id: true },
  });
}

/** Whether a hazardous area already has the code (codes are unique across the country). */
export async function hazardAreaCodeTaken(db: Db, code: string): Promise<boolean> {
  return (await db.hazardArea.findUnique({ where: { code }, select: { id: true } })) !== null;
}
