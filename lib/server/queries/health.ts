import type { Db } from "@/lib/server/prisma";

/** Throws unless the database answers a query now (GET /api/health). */
export async function checkDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
