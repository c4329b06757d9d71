import "server-only";
import { serverEnv } from "./env";
import { pgliteDir } from "./pglite-lock";
import { type Db, openDb } from "./prisma";

// One client per server process. PGlite is opened lazily, on the first query
// rather than at import, so `next build` never touches the database.
const g = globalThis as typeof globalThis & { __mineActionDb?: Promise<Db> };

export function getDb(): Promise<Db> {
  g.__mineActionDb ??= (async () => {
    const { databaseUrl } = serverEnv();
    const target = databaseUrl ? { databaseUrl } : { pgliteDir: pgliteDir(), holder: "the app server" };
    return (await openDb(target)).db;
  })().catch((err: unknown) => {
    // Not kept: the next request tries again, so the server recovers when the database does.
    g.__mineActionDb = undefined;
    throw err;
  });
  return g.__mineActionDb;
}
