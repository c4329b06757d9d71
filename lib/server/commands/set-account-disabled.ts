import { refusal } from "@/lib/i18n/refusals";
import { CommandError } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { endSessionsForChange } from "./end-sessions";

/**
 * Disables an account (its sessions end and its API tokens are revoked at
 * once) or enables it again, which starts no old session or token again. An administrator cannot disable their own account, and
 * these changes take turns, each by an administrator still enabled, so two
 * administrators disabling each other at once cannot leave none to undo it.
 */
export async function setAccountDisabled(db: Db, actor: Actor, userId: string, disabled: boolean) {
  if (!can(actor, "user:manage")) throw new CommandError("forbidden", refusal("onlyAdminManagesUsers"));
  if (disabled && userId === actor.id) throw new CommandError("conflict", refusal("cannotDisableSelf"));
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('user.setDisabled'))`;
    if (
      !(await tx.user.findFirst({ where: { id: actor.id, role: "ADMIN", disabledAt: null }, select: { id: true } }))
    ) {
      throw new CommandError("forbidden", refusal("onlyAdminManagesUsers"));
    }
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, disabledAt: true } });
    if (!user) throw new CommandError("not_found", refusal("noSuchUser"));
    if (Boolean(user.disabledAt) === disabled) return user;
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { disabledAt: disabled ? new Date() : null },
      select: { id: true, disabledAt: true },
    });
    await endSessionsForChange(tx, actor.id, user.id, disabled ? "user.disable" : "user.enable", {
      before: { disabledAt: user.disabledAt?.toISOString() ?? null },
      after: { disabledAt: updated.disabledAt?.toISOString() ?? null },
    });
    return updated;
  });
}
