import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/server/prisma";

export function listRecentAuditEvents(db: Db, take = 100) {
  return db.auditEvent.findMany({
    orderBy: { id: "desc" },
    take,
    select: { id: true, at: true, action: true, entityType: true, entityId: true, actor: { select: { email: true } } },
  });
}

export type AuditInput = {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Appends to the audit trail (inside the caller's transaction when given one). */
export function recordAuditEvent(db: Db | Prisma.TransactionClient, event: AuditInput) {
  return db.auditEvent.create({ data: event });
}
