// Migrations without the Prisma CLI's native engine (which must be downloaded,
// and cannot be on air-gapped machines):
//   tsx scripts/migrate.ts deploy         apply pending prisma/migrations
//   tsx scripts/migrate.ts create <name>  write a migration for the schema's changes
//   tsx scripts/migrate.ts check          fail when schema.prisma and the migrations disagree
// Same layout and _prisma_migrations table as `prisma migrate`, so the CLI works too where it can run.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { openScriptDatabase } from "./db-adapter";
import { deployMigrations, MIGRATIONS_DIR, pendingSchemaSql } from "./migrations";

async function deploy() {
  const db = await openScriptDatabase();
  try {
    const names = await deployMigrations(db.factory);
    console.log(
      names.length
        ? `Applied ${names.length} migration(s) to ${db.label}: ${names.join(", ")}`
        : `${db.label} is up to date.`,
    );
  } finally {
    await db.close();
  }
}

async function create(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name))
    throw new Error("Usage: migrate create <name> (lower-case letters, digits, _)");
  const sql = await pendingSchemaSql();
  if (!sql) return console.log("schema.prisma matches the migrations: nothing to create.");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
}

async function check() {
  const sql = await pendingSchemaSql();
  if (!sql) return console.log("No drift: the migrations produce exactly prisma/schema.prisma.");
  console.error(
    "Drift: prisma/schema.prisma has changes that no migration makes. Run `npm run db:migrate:create -- <name>`.\n",
  );
  console.error(sql);
  process.exitCode = 1;
}

const [command, arg] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = { deploy, check, create: () => create(arg) };
const run = command ? commands[command] : undefined;
if (!run) {
  console.error("Usage: tsx scripts/migrate.ts deploy | check | create <name>");
  process.exit(2);
}
// The WASM engine leaves a timer running for ~10 s after it is freed: exit when done.
run().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
