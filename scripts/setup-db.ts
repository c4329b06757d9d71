// Runs before the server starts (npm's prestart): creates the database if
// needed, applies pending migrations, and seeds. Reference data always; demo
// accounts and data unless NODE_ENV=production (SEED_DEMO=1 forces them,
// SEED_DEMO=0 skips them).
import { serverEnv } from "@/lib/server/env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/demo-data";
import { demoSeedWanted, seed } from "@/prisma/seed";
import { runScript, withMigratedDatabase } from "./run-script";

async function main() {
  serverEnv(); // the server's own check, so a bad configuration stops `npm start` before it serves
  await withMigratedDatabase(async (db, { label, applied }) => {
    if (applied.length) console.log(`Database ${label}: applied ${applied.join(", ")}`);
    const demo = demoSeedWanted(process.env);
    await seed(db, { demo });
    console.log(`Database ${label} is ready${demo ? " (with demo data)" : ""}.`);
    if (demo) {
      console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(20)} ${a.role.toLowerCase()}, ${a.organisation}`);
    }
  });
}

runScript(main);
