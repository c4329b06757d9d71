import { refusal } from "@/lib/i18n/refusals";
import { ZPasswordSet } from "@/lib/schemas/account";
import { CommandError, fieldIssue, parseOrRefuse } from "@/lib/server/command-error";
import { hashPassword } from "@/lib/server/password";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { endSessionsForChange } from "./end-sessions";

/**
 * An administrator sets a new password for an account whose holder forgot
 * theirs: every session of the account ends and its API tokens are revoked
 * (whoever knew the old password is out), and the holder must choose their
 * own at the next sign-in, so the administrator does not keep knowing it.
 */
export async function setAccountPassword(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "user:manage")) throw new CommandError("forbidden", refusal("onlyAdminManagesUsers"));
  const input = parseOrRefuse(ZPasswordSet, body, "userMalformed");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true } });
    if (!user) throw new CommandError("not_found", refusal("noSuchUser"), [fieldIssue(["userId"], "noSuchUser")]);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true } });
    await endSessionsForChange(tx, actor.id, user.id, "user.setPassword");
    return user;
  });
}
