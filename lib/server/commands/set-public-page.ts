import { refusal } from "@/lib/i18n/refusals";
import { ZPublicPage } from "@/lib/schemas/public-page";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { PUBLIC_PAGE, publicPageEnabled } from "@/lib/server/queries/settings";

/** An authority (or administrator) publishes or withdraws the public progress page; the change is audited. */
export async function setPublicPage(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "publicPage:manage")) throw new CommandError("forbidden", refusal("onlyAuthorityPublishes"));
  const setting = parseOrRefuse(ZPublicPage, body, "publicPageMalformed");
  const before = await publicPageEnabled(db);
  return db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: PUBLIC_PAGE },
      update: { value: setting, updatedById: actor.id },
      create: { key: PUBLIC_PAGE, value: setting, updatedById: actor.id },
    });
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "setting.publicPage",
      entityType: "Setting",
      entityId: PUBLIC_PAGE,
      before: { enabled: before },
      after: setting,
    });
    await bumpDataVersion(tx);
    return setting;
  });
}
