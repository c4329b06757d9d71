// Part of every use case that changes how an account signs in or what it may
// do (a password set or changed, a disable, an enable, a role change): inside
// that use case's transaction, every session of the account ends at its next
// request and every API token it holds is revoked, each revocation audited.
import type { Prisma } from "@/generated/prisma/client";
import { type AuditInput, recordAuditEvent } from "@/lib/server/queries/audit";

/** `because` is the audit action of the change that ended them, kept on each token's revocation. */
export async function endSessionsAndTokens(
  tx: Prisma.TransactionClient,
  actorUserId: string | null,
  userId: string,
  because: string,
  now = new Date(),
) {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  const live = await tx.apiToken.findMany({ where: { userId, revokedAt: null }, select: { id: true } });
  if (!live.length) return;
  await tx.apiToken.updateMany({ where: { id: { in: live.map((t) => t.id) } }, data: { revokedAt: now } });
  for (const token of live) {
    await recordAuditEvent(tx, {
      actorUserId,
      action: "apiToken.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      after: { because },
    });
  }
}

/**
 * An account's change `action` (a password set or changed, a disable, an
 * enable): its sessions end and its tokens are revoked, then the change is
 * audited on the account, after the revocations it caused.
 */
export async function endSessionsForChange(
  tx: Prisma.TransactionClient,
  actorUserId: string,
  userId: string,
  action: string,
  change: Pick<AuditInput, "before" | "after"> = {},
) {
  await endSessionsAndTokens(tx, actorUserId, userId, action);
  await recordAuditEvent(tx, { actorUserId, action, entityType: "User", entityId: userId, ...change });
}
