// `npm run db:backup -- [file]` and `npm run db:restore -- <file>` for the
// embedded database in PGLITE_DIR (default ./data/pglite). Stop the server first.
import path from "node:path";
import { pgliteDir } from "@/lib/server/pglite-lock";
import { backupEmbeddedDatabase, restoreEmbeddedDatabase, type TableCounts } from "./embedded-backup";
import { runScript } from "./run-script";

function describe(counts: TableCounts): string {
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  const main = ["HazardArea", "Task", "LandReleaseReport", "Grant", "AuditEvent"]
    .filter((t) => t in counts)
    .map((t) => `${t} ${counts[t]}`);
  return `${Object.keys(counts).length} tables, ${rows} rows (${main.join(", ")})`;
}

async function main() {
  const [command, fileArg] = process.argv.slice(2);
  if (process.env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is set: this command backs up the embedded database only. For a PostgreSQL server use its own tools, " +
        'e.g. pg_dump --format=custom --file=backup.dump "$DATABASE_URL" and pg_restore --clean --dbname="$DATABASE_URL" backup.dump.',
    );
  }
  const dir = pgliteDir();
  if (command === "backup") {
    const file = path.resolve(
      fileArg ?? `backups/mine-action-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`,
    );
    const { bytes, counts } = await backupEmbeddedDatabase(dir, file);
    console.log(`Backed up ${dir} to ${file} (${(bytes / 1e6).toFixed(1)} MB): ${describe(counts)}.`);
  } else if (command === "restore") {
    if (!fileArg) throw new Error("Name the backup to restore: npm run db:restore -- backups/<file>.tar.gz");
    const { counts, movedAside } = await restoreEmbeddedDatabase(path.resolve(fileArg), dir);
    if (movedAside) console.log(`The database that was in ${dir} is kept at ${movedAside}.`);
    console.log(`Restored ${fileArg} into ${dir}: ${describe(counts)}. "npm start" applies any newer migrations.`);
  } else {
    throw new Error("Usage: tsx scripts/backup.ts backup [file] | restore <file>");
  }
}

runScript(main);
