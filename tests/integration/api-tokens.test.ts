import { describe, expect, it } from "vitest";
import { hashApiToken } from "@/lib/server/api-tokens";
import { issueApiToken as createApiToken } from "@/lib/server/commands/issue-api-token";
import { revokeApiToken } from "@/lib/server/commands/revoke-api-token";
import { userForTokenHash } from "@/lib/server/queries/api-tokens";
import { actorFor } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

describe.each(DATABASE_KINDS)("personal API tokens on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const actor = (email: string) => actorFor(t().db, email);

  it("stores only a hash, authenticates its owner until revoked, and audits both", async () => {
    const partner = await actor("partner@demo.test");
    const created = await createApiToken(t().db, partner, "Head-office GIS sync");
    expect(created.token).toMatch(/^mat_[A-Za-z0-9_-]{43}$/);
    const stored = await t().db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(stored.tokenHash).toBe(hashApiToken(created.token));

    expect((await userForTokenHash(t().db, hashApiToken(created.token)))?.id).toBe(partner.id);
    expect(await userForTokenHash(t().db, hashApiToken(`${created.token}x`))).toBeNull();

    await revokeApiToken(t().db, partner, created.id);
    expect(await userForTokenHash(t().db, hashApiToken(created.token))).toBeNull();
    const actions = (await t().db.auditEvent.findMany({ where: { entityId: created.id } })).map((e) => e.action).sort();
    expect(actions).toEqual(["apiToken.create", "apiToken.revoke"]);
  });

  it("lets nobody revoke another user's token", async () => {
    const partner = await actor("partner@demo.test");
    const created = await createApiToken(t().db, partner, "Field tablet");
    await expect(revokeApiToken(t().db, await actor("admin@demo.test"), created.id)).rejects.toThrow(/No such token/);
    expect((await userForTokenHash(t().db, hashApiToken(created.token)))?.id).toBe(partner.id);
  });
});
