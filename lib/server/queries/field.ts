// Read-side queries for hazardous areas and tasks, scoped to the caller's
// organisation in the where clause: a partner sees its own tasks, an
// authority the work in its governorates, an admin everything.
import type { Prisma } from "../../../generated/prisma/client";
import type { Actor } from "../permissions";
import type { Db } from "../prisma";

export function taskScope(actor: Actor): Prisma.TaskWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "AUTHORITY":
      return { authorityId: actor.organisationId };
    case "PARTNER":
      return { partnerId: actor.organisationId };
    case "DONOR":
      return { grants: { some: { grant: { donorId: actor.organisationId } } } };
  }
}

export function hazardAreaScope(actor: Actor): Prisma.HazardAreaWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "AUTHORITY":
      return { authorityId: actor.organisationId };
    default:
      return { tasks: { some: { task: taskScope(actor) } } };
  }
}

export function listHazardAreas(db: Db, actor: Actor) {
  return db.hazardArea.findMany({
    where: hazardAreaScope(actor),
    orderBy: [{ priorityRank: "asc" }, { code: "asc" }],
    select: {
      id: true, code: true, name: true, kind: true, landUse: true, priorityRank: true, areaM2: true, releasedM2: true,
      governorate: { select: { nameEn: true, region: true } },
    },
  });
}

export function listTasks(db: Db, actor: Actor) {
  return db.task.findMany({
    where: taskScope(actor),
    orderBy: [{ priority: "asc" }, { code: "asc" }],
    select: {
      id: true, code: true, title: true, status: true, priority: true,
      partner: { select: { name: true } },
      authority: { select: { shortName: true } },
      hazardAreas: { select: { hazardArea: { select: { code: true, areaM2: true, releasedM2: true } } } },
    },
  });
}

/**
 * One task with its hazardous areas and reports. A partner sees its own
 * reports in every status; nobody else's unapproved ones reach it, since a
 * partner only sees its own tasks.
 */
export async function getTask(db: Db, actor: Actor, id: string) {
  const task = await db.task.findFirst({
    where: { id, ...taskScope(actor) },
    select: {
      id: true, code: true, title: true, status: true, priority: true, plannedStart: true, plannedEnd: true,
      authority: { select: { id: true, name: true } },
      partner: { select: { id: true, name: true } },
      hazardAreas: { select: { hazardArea: { select: { id: true, code: true, name: true, kind: true, governoratePcode: true, areaM2: true, releasedM2: true, geometry: true } } } },
      reports: {
        where: actor.role === "DONOR" ? { status: "APPROVED" } : {},
        orderBy: { submittedAt: "asc" },
        select: { id: true, hazardAreaId: true, method: true, status: true, periodStart: true, periodEnd: true, submittedAreaM2: true, outsideHazardM2: true, alreadyReleasedM2: true, countedAreaM2: true },
      },
      statusChanges: { orderBy: { at: "asc" }, select: { fromStatus: true, toStatus: true, at: true } },
    },
  });
  if (!task) return null;
  return {
    ...task,
    status: task.status.toLowerCase(),
    hazardAreas: task.hazardAreas.map((h) => h.hazardArea),
    reports: task.reports.map((r) => ({ ...r, method: r.method.toLowerCase(), status: r.status.toLowerCase() })),
  };
}
