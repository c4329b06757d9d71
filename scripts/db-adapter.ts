// Opens the database for scripts the same way the app chooses it:
// PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite
// directory (PGLITE_DIR, default ./data/pglite), locked to this process.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { acquirePgliteLock, pgliteDir } from "@/lib/server/pglite-lock";
import type { DbTarget } from "@/lib/server/prisma";

export type ScriptDatabase = {
  /** For the schema engine. */
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** For a Prisma client on the same database (and, for PGlite, the same connection). */
  target: DbTarget;
  label: string;
  close: () => Promise<void>;
};

export async function openScriptDatabase(): Promise<ScriptDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { host, pathname } = new URL(url);
    return {
      factory: new PrismaPg({ connectionString: url }),
      target: { databaseUrl: url },
      label: `PostgreSQL ${host}${pathname}`,
      close: async () => {},
    };
  }
  const dir = pgliteDir();
  const release = acquirePgliteLock(dir, "a database script");
  const client = await PGlite.create(dir);
  return {
    factory: new PrismaPGlite(client),
    target: { pgliteClient: client },
    label: `embedded PGlite (${dir})`,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** An empty in-memory PostgreSQL (PGlite), e.g. to replay migrations and diff them against the schema. */
export async function openScratchDatabase(): Promise<ScriptDatabase> {
  const client = await PGlite.create();
  return {
    factory: new PrismaPGlite(client),
    target: { pgliteClient: client },
    label: "in-memory PGlite",
    close: () => client.close(),
  };
}
