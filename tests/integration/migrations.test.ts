import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { describe, expect, it } from "vitest";
import { openDb } from "@/lib/server/prisma";
import { deployMigrations, pendingSchemaSql } from "@/scripts/migrations";
import { createTestDatabase, DATABASE_KINDS } from "@/tests/helpers/databases";

describe("migrations", () => {
  it("produce exactly prisma/schema.prisma (no drift)", async () => {
    expect(await pendingSchemaSql()).toBe("");
  });

  it.each(DATABASE_KINDS)("apply to an empty %s database and record themselves like prisma migrate", async (kind) => {
    const t = await createTestDatabase(kind);
    try {
      const rows = await t.db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
        SELECT migration_name, finished_at FROM _prisma_migrations`;
      const onDisk = fs
        .readdirSync("prisma/migrations")
        .filter((d) => fs.statSync(path.join("prisma/migrations", d)).isDirectory());
      expect(rows.map((r) => r.migration_name).sort()).toEqual(onDisk.sort());
      expect(rows.every((r) => r.finished_at)).toBe(true);
    } finally {
      await t.close();
    }
  });

  it("keep the embedded database's data across a restart", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pglite-restart-")), "db");
    const client = await PGlite.create(dir);
    await deployMigrations(new PrismaPGlite(client));
    await client.close();

    const first = await openDb({ pgliteDir: dir, holder: "test" });
    await first.db.organisation.create({
      data: { name: "Restart test partner", roles: ["OPERATOR"], operatorKind: "NGO" },
    });
    await first.close();

    const second = await openDb({ pgliteDir: dir, holder: "test" });
    expect(await second.db.organisation.count({ where: { name: "Restart test partner" } })).toBe(1);
    await second.close();
  });
});
