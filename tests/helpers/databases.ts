// Fresh, migrated databases for integration tests: always an in-memory PGlite,
// and a throwaway database on the PostgreSQL server at TEST_DATABASE_URL when set.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openDb, type OpenDb } from "@/lib/server/prisma";
import { deployMigrations } from "@/scripts/migrations";
import { seed } from "@/prisma/seed";

/** `url` is set for PostgreSQL, so a test can open a second client: a second app instance. */
export type TestDatabase = OpenDb & { kind: string; url?: string };

export const DATABASE_KINDS: readonly string[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];

async function createPostgres(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await deployMigrations(new PrismaPg({ connectionString: url.toString() }));
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

async function createPglite(): Promise<TestDatabase> {
  const client = await PGlite.create();
  await deployMigrations(new PrismaPGlite(client));
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

export function createTestDatabase(kind: string): Promise<TestDatabase> {
  return kind === "postgresql" ? createPostgres() : createPglite();
}

/** Within a describe block: a fresh database of that kind, migrated and seeded with demo data, closed afterwards. */
export function useSeededDatabase(kind: string): () => TestDatabase {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await seed(t.db, { demo: true });
  });
  afterAll(() => t?.close());
  return () => t!;
}
