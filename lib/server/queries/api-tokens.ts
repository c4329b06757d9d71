import type { Db } from "../prisma";

/** The active user behind an unrevoked token hash; records its use. */
export async function userForTokenHash(db: Db, tokenHash: string) {
  const token = await db.apiToken.findFirst({
    where: { tokenHash, revokedAt: null, user: { disabledAt: null } },
    select: { id: true, user: { select: { id: true, email: true, name: true, role: true, organisationId: true } } },
  });
  if (!token) return null;
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  return token.user;
}

export function listApiTokens(db: Db, userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
