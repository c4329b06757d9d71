import type { Db } from "@/lib/server/prisma";

/**
 * The active account behind an unrevoked, unexpired token hash, with the
 * token's scope; records its use.
 */
export async function userForTokenHash(db: Db, tokenHash: string, now = new Date()) {
  const token = await db.apiToken.findFirst({
    where: {
      tokenHash,
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      user: { disabledAt: null },
    },
    select: {
      id: true,
      readOnly: true,
      user: {
        select: { id: true, email: true, name: true, role: true, organisationId: true, mustChangePassword: true },
      },
    },
  });
  if (!token) return null;
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  return { ...token.user, tokenReadOnly: token.readOnly };
}

export function listApiTokens(db: Db, userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      expiresAt: true,
      readOnly: true,
    },
  });
}
