// Apply and diff prisma/migrations with Prisma's WASM schema engine.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { openScratchDatabase } from "./db-adapter";
import { openSchemaEngine, readMigrations } from "./schema-engine";

const root = path.resolve(import.meta.dirname, "..");
export const SCHEMA_FILE = path.join(root, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(root, "prisma/migrations");
const NO_FILTER = { externalTables: [], externalEnums: [] };

/**
 * The factory, keeping each connection the schema engine opens through it so
 * they can be closed: the engine never closes them, and a connection left open
 * keeps PostgreSQL from copying the database (CREATE DATABASE … TEMPLATE).
 */
function closable(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: { dispose(): Promise<void> }[] = [];
  const keep = async <T extends { dispose(): Promise<void> }>(adapter: Promise<T>) => {
    opened.push(await adapter);
    return opened.at(-1) as T;
  };
  const wrapped: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => keep(factory.connect()),
    connectToShadowDb: () => keep(factory.connectToShadowDb()),
  };
  return { factory: wrapped, close: () => Promise.all(opened.map((a) => a.dispose())) };
}

/** Applies pending migrations; returns the names applied (none when up to date). */
export async function deployMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const connections = closable(factory);
  const engine = await openSchemaEngine(connections.factory, SCHEMA_FILE);
  try {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrations(MIGRATIONS_DIR),
      filters: NO_FILTER,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
    await connections.close();
  }
}

/** SQL that takes the migrations' end state to schema.prisma; "" when they agree (no drift). */
export async function pendingSchemaSql(): Promise<string> {
  const scratch = await openScratchDatabase();
  const engine = await openSchemaEngine(scratch.factory, SCHEMA_FILE);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...(await readMigrations(MIGRATIONS_DIR)) },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_FILE, content: await readFile(SCHEMA_FILE, "utf8") }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const sql = result.stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  } finally {
    engine.free();
    await scratch.close();
  }
}
