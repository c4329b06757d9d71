// Vitest global setup for the integration tests: migrate and seed once per
// run, into templates each test file clones (PGlite: a dumped data directory;
// PostgreSQL: CREATE DATABASE … TEMPLATE). Cloning takes about a second;
// migrating and seeding afresh took about eight per test file.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { TestProject } from "vitest/node";
import { loadGeometryEngine } from "@/lib/geo/engine";
import { bumpDataVersion } from "@/lib/server/cache";
import { type Db, openDb } from "@/lib/server/prisma";
import { readGovernorates } from "@/prisma/governorates";
import { seedReference } from "@/prisma/seed";
import { seedDemo } from "@/prisma/seed-demo";
import { deployMigrations } from "@/scripts/migrations";

/** "reference": governorates, authorities, the national baseline; "demo": the demo accounts and field data too. */
export type TemplateData = "reference" | "demo";

declare module "vitest" {
  export interface ProvidedContext {
    /** Migrated PGlite data directories, dumped as tarballs: with the reference data only, and with the demo data too. */
    pgliteTemplates: Record<TemplateData, string>;
    /** Names of the same two databases on TEST_DATABASE_URL's server; empty without one. */
    postgresTemplates: Record<TemplateData, string> | Record<string, never>;
  }
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function seedReferenceData(db: Db): Promise<void> {
  await seedReference(db);
  await bumpDataVersion(db);
}

async function seedDemoData(db: Db): Promise<void> {
  await seedDemo(db, readGovernorates());
  await bumpDataVersion(db);
}

async function pgliteTemplates(dir: string): Promise<Record<TemplateData, string>> {
  const client = await PGlite.create();
  await deployMigrations(new PrismaPGlite(client));
  const opened = await openDb({ pgliteClient: client });
  const files = { reference: path.join(dir, "reference.tar"), demo: path.join(dir, "demo.tar") };
  const dump = async (data: TemplateData) =>
    fs.writeFileSync(files[data], Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  await seedReferenceData(opened.db);
  await dump("reference");
  await seedDemoData(opened.db);
  await dump("demo");
  await opened.close();
  await client.close();
  return files;
}

async function withPostgres(name: string, work: (db: Db) => Promise<void>): Promise<void> {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const opened = await openDb({ databaseUrl: url.toString() });
  try {
    await work(opened.db);
  } finally {
    await opened.close();
  }
}

async function postgresTemplates(prefix: string): Promise<Record<TemplateData, string>> {
  const names = { reference: `${prefix}_reference`, demo: `${prefix}_demo` };
  await adminQuery(`CREATE DATABASE ${names.reference}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${names.reference}`;
  await deployMigrations(new PrismaPg({ connectionString: url.toString() }));
  await withPostgres(names.reference, seedReferenceData);
  await adminQuery(`CREATE DATABASE ${names.demo} TEMPLATE ${names.reference}`);
  await withPostgres(names.demo, seedDemoData);
  return names;
}

export default async function setup(project: TestProject) {
  await loadGeometryEngine();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mine-action-templates-"));
  const prefix = `test_template_${randomBytes(6).toString("hex")}`;
  const [pglite, postgres] = await Promise.all([
    pgliteTemplates(dir),
    process.env.TEST_DATABASE_URL ? postgresTemplates(prefix) : {},
  ]);
  project.provide("pgliteTemplates", pglite);
  project.provide("postgresTemplates", postgres);
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const name of Object.values(postgres)) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}
