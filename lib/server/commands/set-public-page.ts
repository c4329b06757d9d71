import { z } from "zod";
import { bumpDataVersion } from "../cache";
import { CommandError } from "../command-error";
import { can, type Actor } from "../permissions";
import type { Db } from "../prisma";
import { recordAuditEvent } from "../queries/audit";
import { PUBLIC_PAGE, publicPageEnabled } from "../queries/settings";

export const ZPublicPage = z.object({ enabled: z.boolean() });

/** An authority (or administrator) publishes or withdraws the public progress page; the change is audited. */
export async function setPublicPage(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "publicPage:manage")) throw new CommandError("forbidden", "Only an authority or an administrator publishes the public page.");
  const parsed = ZPublicPage.safeParse(body);
  if (!parsed.success) throw new CommandError("invalid_request", "Say whether the public page is on: { \"enabled\": true | false }.", parsed.error.issues);
  const before = await publicPageEnabled(db);
  return db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: PUBLIC_PAGE }, update: { value: parsed.data, updatedById: actor.id }, create: { key: PUBLIC_PAGE, value: parsed.data, updatedById: actor.id } });
    await recordAuditEvent(tx, { actorUserId: actor.id, action: "setting.publicPage", entityType: "Setting", entityId: PUBLIC_PAGE, before: { enabled: before }, after: parsed.data });
    await bumpDataVersion(tx);
    return parsed.data;
  });
}
