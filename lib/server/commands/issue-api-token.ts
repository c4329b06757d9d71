import { refusal } from "@/lib/i18n/refusals";
import { ZTokenName, ZTokenScope } from "@/lib/schemas/api-token";
import { generateApiToken } from "@/lib/server/api-tokens";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Issues a personal API token; the token itself is returned once and never stored. */
export async function issueApiToken(db: Db, actor: Actor, name: unknown, scope: unknown = {}, now = new Date()) {
  if (!can(actor, "apiToken:manage")) throw new CommandError("forbidden", refusal("mayNotCreateTokens"));
  const tokenName = parseOrRefuse(ZTokenName, name, "tokenNameInvalid");
  const { expiresInDays, readOnly } = parseOrRefuse(ZTokenScope, scope, "tokenScopeInvalid");
  const expiresAt = expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * DAY_MS);
  const { token, hash, prefix } = generateApiToken();
  return db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: actor.id, name: tokenName, tokenHash: hash, prefix, expiresAt, readOnly },
      select: { id: true, name: true, prefix: true, expiresAt: true, readOnly: true },
    });
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "apiToken.create",
      entityType: "ApiToken",
      entityId: created.id,
      after: { name: created.name, prefix, expiresAt: expiresAt?.toISOString() ?? null, readOnly },
    });
    return { ...created, token };
  });
}
