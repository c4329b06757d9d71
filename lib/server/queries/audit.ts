import type { Prisma } from "@/generated/prisma/client";
import { bumpRecordsVersion } from "@/lib/server/cache";
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

/** Events that change nothing a page shows: signing in and reading out. */
function changesNothingShown(action: string): boolean {
  return action.startsWith("auth.") || action === "export";
}

/**
 * Appends to the audit trail (inside the caller's transaction when given one).
 * Every audited change also moves the records version, so no cached page
 * outlives a change it may show, whichever command made it.
 */
export async function recordAuditEvent(db: Db | Prisma.TransactionClient, event: AuditInput) {
  const row = await db.auditEvent.create({ data: event });
  if (!changesNothingShown(event.action)) await bumpRecordsVersion(db);
  return row;
}
