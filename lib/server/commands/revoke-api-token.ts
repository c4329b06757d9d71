import { refusal } from "@/lib/i18n/refusals";
import { CommandError } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";

/** Revokes one of the caller's own tokens; a revoked token stays listed, marked. */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string) {
  if (!can(actor, "apiToken:manage")) throw new CommandError("forbidden", refusal("mayNotManageTokens"));
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, userId: actor.id },
      select: { id: true, revokedAt: true },
    });
    if (!token) throw new CommandError("not_found", refusal("noSuchToken"));
    if (token.revokedAt) return token;
    const revoked = await tx.apiToken.update({
      where: { id: token.id },
      data: { revokedAt: new Date() },
      select: { id: true, revokedAt: true },
    });
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "apiToken.revoke",
      entityType: "ApiToken",
      entityId: token.id,
    });
    return revoked;
  });
}
