// What the database scripts (setup-db, add-user, generate, backup) share: the
// configured database brought up to date and closed after, and how a script
// ends (the WASM engine leaves a timer running for ~10 s after it is freed,
// so a script exits when done).
import { type Db, openDb } from "@/lib/server/prisma";
import { openScriptDatabase } from "./db-adapter";
import { deployMigrations } from "./migrations";

/**
 * Opens the configured database, applies pending migrations (`applied` names
 * them) and gives `use` a Prisma client on it; closes both after, whatever happens.
 */
export async function withMigratedDatabase<T>(
  use: (db: Db, database: { label: string; applied: string[] }) => Promise<T>,
): Promise<T> {
  const database = await openScriptDatabase();
  try {
    const applied = await deployMigrations(database.factory);
    const { db, close } = await openDb(database.target);
    try {
      return await use(db, { label: database.label, applied });
    } finally {
      await close();
    }
  } finally {
    await database.close();
  }
}

/** Runs a script's `main` and exits: 0 when it is done, 1 with `describe`'s account of what went wrong. */
export function runScript(
  main: () => Promise<void>,
  describe: (err: unknown) => unknown = (err) => (err instanceof Error ? err.message : err),
): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(describe(err));
      process.exit(1);
    },
  );
}
