// Builds a Prisma client on the database this process was configured for:
// PostgreSQL through @prisma/adapter-pg when a URL is given, otherwise the
// embedded PGlite directory, locked to this process (see pglite-lock.ts).
// No 'server-only' here: scripts and tests build clients too.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { acquirePgliteLock, pgliteDir } from "./pglite-lock";

export type Db = PrismaClient;

export type DbTarget = { databaseUrl: string } | { pgliteDir: string; holder: string } | { pgliteClient: PGlite };

export function dbTargetFromEnv(holder: string): DbTarget {
  const url = process.env.DATABASE_URL;
  return url ? { databaseUrl: url } : { pgliteDir: pgliteDir(), holder };
}

export type OpenDb = { db: Db; close: () => Promise<void> };

export async function openDb(target: DbTarget): Promise<OpenDb> {
  if ("databaseUrl" in target) {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.databaseUrl }) });
    return { db, close: () => db.$disconnect() };
  }
  if ("pgliteClient" in target) {
    const db = new PrismaClient({ adapter: new PrismaPGlite(target.pgliteClient) });
    return { db, close: () => db.$disconnect() };
  }
  const release = acquirePgliteLock(target.pgliteDir, target.holder);
  try {
    const client = await PGlite.create(target.pgliteDir);
    const db = new PrismaClient({ adapter: new PrismaPGlite(client) });
    return {
      db,
      close: async () => {
        await db.$disconnect();
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
