import type { Db } from "@/lib/server/prisma";

export function findUserForSignIn(db: Db, email: string) {
  return db.user.findFirst({
    where: { email, disabledAt: null },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      organisationId: true,
      passwordHash: true,
      locale: true,
      numerals: true,
      isDemo: true,
    },
  });
}

/** A signed-in account's current role, organisation and session version, or null once it is disabled. */
export function activeAccount(db: Db, id: string) {
  return db.user.findFirst({
    where: { id, disabledAt: null },
    select: { role: true, organisationId: true, sessionVersion: true, mustChangePassword: true },
  });
}

/** The session version of an account about to sign in, read before its password is checked (lib/server/auth.ts). */
export async function sessionVersionForSignIn(db: Db, email: string): Promise<number | null> {
  return (await db.user.findUnique({ where: { email }, select: { sessionVersion: true } }))?.sessionVersion ?? null;
}

export function listUsers(db: Db) {
  return db.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isDemo: true,
      disabledAt: true,
      organisation: { select: { name: true } },
    },
  });
}

/** The sign-in page lists the demo accounts only where they exist. */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
  return (await db.user.count({ where: { isDemo: true, disabledAt: null } })) > 0;
}

/** An enabled account's password hash, for its holder to prove they know the password before changing it. */
export function activeAccountPassword(db: Db, id: string) {
  return db.user.findFirst({ where: { id, disabledAt: null }, select: { passwordHash: true } });
}
