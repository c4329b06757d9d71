// Quality management's reads (IMAS 07.40 monitoring, 09.20 inspection): a
// task's visits and inspections, and what recording one needs.
import type { Prisma } from "@/generated/prisma/client";
import type { SampledRelease } from "@/lib/domain/reopening";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { taskScope } from "@/lib/server/scopes";
import { asAreal } from "./land-release";

type Tx = Prisma.TransactionClient;

/** The caller's task (an authority's: in its region) with what a QA record checks against, or null. */
export function taskForQuality(db: Db | Tx, actor: Actor, taskId: string) {
  return db.task.findFirst({
    where: { id: taskId, ...taskScope(actor) },
    select: {
      id: true,
      code: true,
      status: true,
      partnerId: true,
      hazardAreas: { select: { hazardArea: { select: { id: true, code: true, geometry: true } } } },
    },
  });
}

/** A non-conformity the caller may close (an authority's: on a task in its region), with its visit's date. */
export function nonConformityForClosure(db: Db, actor: Actor, id: string) {
  return db.nonConformity.findFirst({
    where: { id, visit: { task: taskScope(actor) } },
    select: { id: true, closedOn: true, visit: { select: { id: true, visitedOn: true, taskId: true } } },
  });
}

/** Whether the task released land by clearance: an item found in a sample of it fails the inspection. */
export async function taskHasClearance(db: Db, taskId: string): Promise<boolean> {
  const found = await db.landReleaseReport.findFirst({
    where: { taskId, status: "APPROVED", kind: "RELEASE", method: "CLEARED" },
    select: { id: true },
  });
  return !!found;
}

/** The task's approved releases with the land each counted and what earlier inspections already took back from it. */
export async function releasesToSample(tx: Tx, taskId: string): Promise<(SampledRelease & ReleaseFacts)[]> {
  const releases = await tx.landReleaseReport.findMany({
    where: { taskId, status: "APPROVED", kind: "RELEASE" },
    select: {
      id: true,
      hazardAreaId: true,
      partnerId: true,
      method: true,
      clearanceDepthCm: true,
      countedGeometry: true,
      reopenings: { where: { status: "APPROVED" }, select: { countedGeometry: true } },
    },
    orderBy: { id: "asc" },
  });
  return releases.map((r) => ({
    id: r.id,
    hazardAreaId: r.hazardAreaId,
    partnerId: r.partnerId,
    method: r.method,
    clearanceDepthCm: r.clearanceDepthCm,
    counted: asAreal(r.countedGeometry),
    reopened: r.reopenings.flatMap((o) => asAreal(o.countedGeometry) ?? []),
  }));
}
type ReleaseFacts = {
  partnerId: string;
  method: "CANCELLED" | "REDUCED" | "CLEARED";
  clearanceDepthCm: number | null;
};

/** A task's quality management as its page shows it: visits with their non-conformities, and inspections. */
export async function taskQuality(db: Db, actor: Actor, taskId: string) {
  const task = await db.task.findFirst({ where: { id: taskId, ...taskScope(actor) }, select: { id: true } });
  if (!task || actor.role === "DONOR") return null;
  const [visits, inspections] = await Promise.all([
    db.monitoringVisit.findMany({
      where: { taskId },
      orderBy: [{ visitedOn: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        team: true,
        visitedOn: true,
        inspector: true,
        findings: true,
        operator: { select: { name: true } },
        nonConformities: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            description: true,
            severity: true,
            correctiveAction: true,
            deadline: true,
            closedOn: true,
            closureNote: true,
          },
        },
      },
    }),
    db.inspection.findMany({
      where: { taskId },
      orderBy: [{ inspectedOn: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        inspectedOn: true,
        inspector: true,
        sampledGeometry: true,
        sampledAreaM2: true,
        itemsFound: true,
        result: true,
        findings: true,
        reopenedM2: true,
        reopenings: { select: { id: true, countedGeometry: true, countedAreaM2: true, reopensId: true } },
      },
    }),
  ]);
  return { visits, inspections };
}
export type TaskQuality = NonNullable<Awaited<ReturnType<typeof taskQuality>>>;

/**
 * Whether a failed inspection reopened land in the hazardous area. A
 * correction rebuilds the area's released land from its reports' polygons,
 * which still cover the reopened land, so corrections there are refused.
 */
export async function hasReopenedLand(db: Db | Tx, hazardAreaId: string): Promise<boolean> {
  const found = await db.landReleaseReport.findFirst({
    where: { hazardAreaId, kind: "REOPENING", status: "APPROVED" },
    select: { id: true },
  });
  return !!found;
}
