import type { Prisma } from "../../../generated/prisma/client";
import type { Areal } from "../../geo/boolean";
import type { Actor } from "../permissions";
import type { Db } from "../prisma";
import { taskScope } from "./field";

type Tx = Prisma.TransactionClient;

/** The caller's task with its hazardous areas, or null when it is not theirs to see. */
export function findTaskForReport(db: Db, actor: Actor, taskId: string) {
  return db.task.findFirst({
    where: { id: taskId, ...taskScope(actor) },
    select: {
      id: true,
      status: true,
      partnerId: true,
      hazardAreas: { select: { hazardArea: { select: { id: true, code: true, geometry: true, releasedGeometry: true } } } },
    },
  });
}

/**
 * Locks a hazardous area's row until the transaction ends, so approvals in
 * the same area run one after another and each sees the land the previous
 * one released.
 */
export async function lockHazardArea(tx: Tx, hazardAreaId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "HazardArea" WHERE id = ${hazardAreaId} FOR UPDATE`;
}

/** A submitted report in the caller's governorates (an authority's), with its hazardous area's state. */
export function findReportForReview(tx: Tx, actor: Actor, reportId: string) {
  return tx.landReleaseReport.findFirst({
    where: { id: reportId, ...(actor.role === "ADMIN" ? {} : { hazardArea: { authorityId: actor.organisationId } }) },
    select: {
      id: true,
      status: true,
      method: true,
      hazardAreaId: true,
      submittedGeometry: true,
      hazardArea: { select: { code: true, geometry: true, releasedGeometry: true, releasedM2: true } },
    },
  });
}

export const asAreal = (json: Prisma.JsonValue | null): Areal | null => (json ? (json as unknown as Areal) : null);
