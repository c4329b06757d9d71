import { z } from "zod";
import { generateApiToken } from "../api-tokens";
import { CommandError, parseOrRefuse } from "../command-error";
import { refusal } from "../../i18n/refusals";
import { can, type Actor } from "../permissions";
import type { Db } from "../prisma";
import { recordAuditEvent } from "../queries/audit";

const ZTokenName = z.string().trim().min(2, "Name the token after the system that will use it.").max(80);

/** Creates a personal API token; the token itself is returned once and never stored. */
export async function createApiToken(db: Db, actor: Actor, name: unknown) {
  if (!can(actor, "apiToken:manage")) throw new CommandError("forbidden", refusal("mayNotCreateTokens"));
  const tokenName = parseOrRefuse(ZTokenName, name, "tokenNameInvalid");
  const { token, hash, prefix } = generateApiToken();
  return db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { userId: actor.id, name: tokenName, tokenHash: hash, prefix }, select: { id: true, name: true, prefix: true } });
    await recordAuditEvent(tx, { actorUserId: actor.id, action: "apiToken.create", entityType: "ApiToken", entityId: created.id, after: { name: created.name, prefix } });
    return { ...created, token };
  });
}

/** Revokes one of the caller's own tokens; a revoked token stays listed, marked. */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string) {
  if (!can(actor, "apiToken:manage")) throw new CommandError("forbidden", refusal("mayNotManageTokens"));
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.id }, select: { id: true, revokedAt: true } });
    if (!token) throw new CommandError("not_found", refusal("noSuchToken"));
    if (token.revokedAt) return token;
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() }, select: { id: true, revokedAt: true } });
    await recordAuditEvent(tx, { actorUserId: actor.id, action: "apiToken.revoke", entityType: "ApiToken", entityId: token.id });
    return revoked;
  });
}
