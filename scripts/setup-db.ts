// Runs before the server starts (npm's prestart): creates the database if
// needed, applies pending migrations, and seeds. Reference data always; demo
// accounts and data unless NODE_ENV=production (SEED_DEMO=1 forces them,
// SEED_DEMO=0 skips them).
import { serverEnv } from "../lib/server/env";
import { openDb } from "../lib/server/prisma";
import { demoSeedWanted, seed } from "../prisma/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/demo-data";
import { openScriptDatabase } from "./db-adapter";
import { deployMigrations } from "./migrations";

async function main() {
  serverEnv(); // the server's own check, so a bad configuration stops `npm start` before it serves
  const database = await openScriptDatabase();
  try {
    const applied = await deployMigrations(database.factory);
    if (applied.length) console.log(`Database ${database.label}: applied ${applied.join(", ")}`);
    const { db, close } = await openDb(database.target);
    try {
      const demo = demoSeedWanted(process.env);
      await seed(db, { demo });
      console.log(`Database ${database.label} is ready${demo ? " (with demo data)" : ""}.`);
      if (demo) {
        console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
        for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(20)} ${a.role.toLowerCase()}, ${a.organisation}`);
      }
    } finally {
      await close();
    }
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
