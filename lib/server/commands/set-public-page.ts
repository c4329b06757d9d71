import { ZPublicPage } from "../../schemas/public-page";
import { bumpDataVersion } from "../cache";
import { CommandError, parseOrRefuse } from "../command-error";
import { refusal } from "../../i18n/refusals";
import { can, type Actor } from "../permissions";
import type { Db } from "../prisma";
import { recordAuditEvent } from "../queries/audit";
import { PUBLIC_PAGE, publicPageEnabled } from "../queries/settings";

/** An authority (or administrator) publishes or withdraws the public progress page; the change is audited. */
export async function setPublicPage(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "publicPage:manage")) throw new CommandError("forbidden", refusal("onlyAuthorityPublishes"));
  const setting = parseOrRefuse(ZPublicPage, body, "publicPageMalformed");
  const before = await publicPageEnabled(db);
  return db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: PUBLIC_PAGE }, update: { value: setting, updatedById: actor.id }, create: { key: PUBLIC_PAGE, value: setting, updatedById: actor.id } });
    await recordAuditEvent(tx, { actorUserId: actor.id, action: "setting.publicPage", entityType: "Setting", entityId: PUBLIC_PAGE, before: { enabled: before }, after: setting });
    await bumpDataVersion(tx);
    return setting;
  });
}
