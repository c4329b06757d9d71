// Databases for integration tests: always an in-memory PGlite, and a throwaway
// database on the PostgreSQL server at TEST_DATABASE_URL when set. Seeded ones
// are clones of the run's template (tests/helpers/database-template.ts).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, inject } from "vitest";
import { type OpenDb, openDb } from "@/lib/server/prisma";
import { deployMigrations } from "@/scripts/migrations";
import type { TemplateData } from "./database-template";

/** `url` is set for PostgreSQL, so a test can open a second client: a second app instance. */
export type TestDatabase = OpenDb & { kind: string; url?: string };

export const DATABASE_KINDS: readonly string[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];

async function createPostgres(template?: string): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (!template) await deployMigrations(new PrismaPg({ connectionString: url.toString() }));
  const opened = await openDb({ databaseUrl: url.toString() });
  return {
    kind: "postgresql",
    url: url.toString(),
    db: opened.db,
    close: async () => {
      await opened.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

async function createPglite(template?: string): Promise<TestDatabase> {
  const client = template
    ? await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(template)]) })
    : await PGlite.create();
  if (!template) await deployMigrations(new PrismaPGlite(client));
  const opened = await openDb({ pgliteClient: client });
  return {
    kind: "pglite",
    db: opened.db,
    close: async () => {
      await opened.close();
      await client.close();
    },
  };
}

/** A fresh database of that kind with every migration applied and no data. */
export function createTestDatabase(kind: string): Promise<TestDatabase> {
  return kind === "postgresql" ? createPostgres() : createPglite();
}

function useTemplate(kind: string, data: TemplateData): () => TestDatabase {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t =
      kind === "postgresql"
        ? await createPostgres(inject("postgresTemplates")[data])
        : await createPglite(inject("pgliteTemplates")[data]);
  });
  afterAll(() => t?.close());
  return () => t!;
}

/** Within a describe block: a database of that kind, migrated and seeded with demo data (a clone of the run's template), closed afterwards. */
export const useSeededDatabase = (kind: string) => useTemplate(kind, "demo");

/**
 * Within a describe block: a database of that kind with the reference data
 * only (governorates, authorities, the national baseline); the test makes
 * what else it relies on with tests/factories.ts.
 */
export const useReferenceDatabase = (kind: string) => useTemplate(kind, "reference");
