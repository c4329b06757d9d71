// Loads Prisma's WASM schema engine and connects it to a driver adapter, so
// migrations run without the native engine binary the Prisma CLI downloads
// (unreachable on air-gapped machines, in CI here, and in many field offices).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

let loaded: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

/** The package's entry imports the .wasm as an ES module, which Node 20 cannot; instantiate it by hand. */
function loadWasm() {
  loaded ??= (async () => {
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = await import(pathToFileURL(bgPath).href);
    const bytes = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg as typeof import("@prisma/schema-engine-wasm");
  })();
  return loaded;
}

export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schemaFile: string,
): Promise<SchemaEngine> {
  const wasm = await loadWasm();
  const schema = await readFile(schemaFile, "utf8");
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message);
  };
  return wasm.SchemaEngine.new(
    { datamodels: [[schemaFile, schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

/** Reads prisma/migrations the way the Prisma CLI does (same layout, same lock file). */
export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const { readdir } = await import("node:fs/promises");
  const lockPath = "migration_lock.toml";
  const lockContent = await readFile(path.join(migrationsDir, lockPath), "utf8").catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((e) => e.isDirectory())
      .map(async (e) => ({
        path: e.name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(migrationsDir, e.name, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (err: Error) => ({ tag: "error" as const, value: err.message }),
          ),
        },
      })),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}
