// A holder changes their own password, proving they know the current one (a
// session left open on a shared device is not enough). Every session of the
// account ends, this one too, and its API tokens are revoked: whoever knew
// the old password or held a token made under it is out.

import { refusal } from "@/lib/i18n/refusals";
import { ZOwnPasswordChange } from "@/lib/schemas/account";
import { CommandError, fieldIssue, parseOrRefuse } from "@/lib/server/command-error";
import { hashPassword, verifyPassword } from "@/lib/server/password";
import type { Actor } from "@/lib/server/permissions";
import { can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { activeAccountPassword } from "@/lib/server/queries/users";
import { endSessionsForChange } from "./end-sessions";

export async function changeOwnPassword(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "password:change")) throw new CommandError("forbidden", refusal("sessionEnded"));
  const input = parseOrRefuse(ZOwnPasswordChange, body, "passwordChangeMalformed");
  if (input.confirmPassword !== input.newPassword) {
    throw new CommandError("invalid_request", refusal("passwordsDiffer"), [
      fieldIssue(["confirmPassword"], "passwordsDiffer"),
    ]);
  }
  const account = await activeAccountPassword(db, actor.id);
  if (!account) throw new CommandError("not_found", refusal("noSuchUser"));
  if (!(await verifyPassword(input.currentPassword, account.passwordHash))) {
    throw new CommandError("forbidden", refusal("currentPasswordWrong"), [
      fieldIssue(["currentPassword"], "currentPasswordWrong"),
    ]);
  }
  if (input.newPassword.normalize("NFKC") === input.currentPassword.normalize("NFKC")) {
    throw new CommandError("invalid_request", refusal("newPasswordSameAsCurrent"), [
      fieldIssue(["newPassword"], "newPasswordSameAsCurrent"),
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // Only over the hash that was checked: two changes at once cannot both pass with the same current password.
    const changed = await tx.user.updateMany({
      where: { id: actor.id, passwordHash: account.passwordHash, disabledAt: null },
      data: { passwordHash, mustChangePassword: false },
    });
    if (changed.count !== 1) throw new CommandError("conflict", refusal("passwordChangedMeanwhile"));
    await endSessionsForChange(tx, actor.id, actor.id, "user.changePassword");
    return { id: actor.id };
  });
}
