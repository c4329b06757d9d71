// Backup and restore of the embedded database (PGlite). A backup is PGlite's
// own dump of its data directory (a gzipped tarball of the PostgreSQL files,
// with a checkpoint first), so a restore is the same database, byte for byte:
// no logical re-import that could round money or coordinates differently.
// PostgreSQL servers have pg_dump and pg_restore for this (README).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquirePgliteLock } from "@/lib/server/pglite-lock";

export type TableCounts = Record<string, number>;

/** Rows per table of the app's schema: printed by both commands, so an operator sees what was saved and what came back. */
export async function tableCounts(client: PGlite): Promise<TableCounts> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: TableCounts = {};
  for (const { table_name } of rows) {
    const { rows: n } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table_name.replace(/"/g, '""')}"`,
    );
    counts[table_name] = n[0]!.n;
  }
  return counts;
}

function isGzip(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(2);
    fs.readSync(fd, head, 0, 2, 0);
    return head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a backup of the database in `dir` to `file`. The server must be stopped: the directory's lock says if it is not. */
export async function backupEmbeddedDatabase(
  dir: string,
  file: string,
): Promise<{ bytes: number; counts: TableCounts }> {
  if (!fs.existsSync(path.join(dir, "PG_VERSION")))
    throw new Error(`There is no embedded database at ${dir} to back up.`);
  if (fs.existsSync(file))
    throw new Error(`${file} already exists; choose a new file name, a backup never overwrites another.`);
  const release = acquirePgliteLock(dir, "a backup");
  try {
    const client = await PGlite.create(dir);
    try {
      const counts = await tableCounts(client);
      const dump = await client.dumpDataDir("gzip");
      const bytes = Buffer.from(await dump.arrayBuffer());
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      // Written beside its final name and renamed, so a crash never leaves a truncated file that looks like a backup.
      fs.writeFileSync(`${file}.partial`, bytes, { flag: "wx" });
      fs.renameSync(`${file}.partial`, file);
      return { bytes: bytes.length, counts };
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores `file` into `dir`. A database already in `dir` is not erased: it is
 * moved aside to `<dir>.before-restore-<time>` and its path returned.
 */
export async function restoreEmbeddedDatabase(
  file: string,
  dir: string,
  now = new Date(),
): Promise<{ counts: TableCounts; movedAside?: string }> {
  if (!fs.existsSync(file)) throw new Error(`No backup file at ${file}.`);
  if (!isGzip(file))
    throw new Error(`${file} is not a backup made by "npm run db:backup" (expected a gzipped tarball).`);
  const release = acquirePgliteLock(dir, "a restore");
  try {
    let movedAside: string | undefined;
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
      movedAside = `${dir}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(dir, movedAside);
    }
    try {
      const loadDataDir = new Blob([fs.readFileSync(file)]);
      const client = await PGlite.create(dir, { loadDataDir });
      try {
        return { counts: await tableCounts(client), movedAside };
      } finally {
        await client.close();
      }
    } catch (err) {
      // A backup that does not load leaves things as they were.
      fs.rmSync(dir, { recursive: true, force: true });
      if (movedAside) fs.renameSync(movedAside, dir);
      throw new Error(
        `Could not restore ${file}: ${err instanceof Error ? err.message : String(err)}. The database in ${dir} is unchanged.`,
      );
    }
  } finally {
    release();
  }
}
