import { CommandError } from "@/lib/server/command-error";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { rejection } from "@/tests/helpers/rejection";

/** The acting user behind a (demo) account, as the server sees a signed-in caller. */
export async function actorFor(db: Db, email: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, role: u.role, organisationId: u.organisationId };
}

/** The CommandError a use case refused with; fails the test if it did not refuse. */
export const refusal = (p: Promise<unknown>): Promise<CommandError> =>
  rejection(p, CommandError, "expected the use case to refuse with a CommandError");
