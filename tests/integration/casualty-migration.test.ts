// The migration that turned an accident's eight killed/injured × women/men/girls/boys columns into casualty groups
// carries every figure exactly: a database with accidents recorded the old way is migrated step by step, as a
// deployed one would be, and the groups add up to what the columns said.

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "@/tests/helpers/databases";

const DIR = "prisma/migrations";
const CREATED = "20261126152140_risk_education_and_casualties";
const TARGET = "20261206202922_casualty_groups_and_victim_assistance";
const MIGRATIONS = fs
  .readdirSync(DIR)
  .filter((d) => fs.statSync(path.join(DIR, d)).isDirectory())
  .sort();
const sqlOf = (name: string) => fs.readFileSync(path.join(DIR, name, "migration.sql"), "utf8");

type Sql = { exec: (sql: string) => Promise<void>; rows: <T>(sql: string) => Promise<T[]>; close: () => Promise<void> };

async function open(kind: string): Promise<Sql> {
  if (kind === "pglite") {
    const db = await PGlite.create();
    return {
      exec: async (sql) => void (await db.exec(sql)),
      rows: async <T>(sql: string) => (await db.query<T>(sql)).rows,
      close: () => db.close(),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `test_migrate_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  return {
    exec: async (sql) => void (await db.query(sql)),
    rows: async <T>(sql: string) => (await db.query(sql)).rows as T[],
    close: async () => {
      await db.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

// Two accidents as the old form recorded them: [id, device, killed w/m/g/b, injured w/m/g/b].
const OLD = [
  ["acc-old-1", "IED", [0, 2, 0, 1], [1, 3, 2, 0]],
  ["acc-old-2", "UXO", [0, 0, 0, 0], [0, 0, 0, 4]],
] as const;

describe.each(DATABASE_KINDS)("the casualty groups migration on %s", (kind) => {
  it("carries every old accident's killed and injured women, men, girls and boys exactly, status unknown", async () => {
    const db = await open(kind);
    try {
      for (const name of MIGRATIONS.filter((m) => m <= CREATED)) await db.exec(sqlOf(name));
      await db.exec(`
        INSERT INTO "Organisation" (id, name, type) VALUES ('org-dma', 'Directorate of Mine Action', 'AUTHORITY');
        INSERT INTO "Governorate" (pcode, "nameEn", "nameAr", "nameCkb", region, "authorityId", boundary, "areaM2", source)
        VALUES ('IQG15', 'Ninewa', 'نينوى', 'نەینەوا', 'FEDERAL', 'org-dma', '{}', 1, 'test');
        ${OLD.map(
          ([id, device, k, i]) => `INSERT INTO "CasualtyIncident" (id, "authorityId", "governoratePcode", "occurredOn",
            place, "deviceCategory", "killedWomen", "killedMen", "killedGirls", "killedBoys",
            "injuredWomen", "injuredMen", "injuredGirls", "injuredBoys", "recordedById")
          VALUES ('${id}', 'org-dma', 'IQG15', '2024-05-01', 'Sinjar', '${device}', ${[...k, ...i].join(", ")}, 'u');`,
        ).join("\n")}`);
      for (const name of MIGRATIONS.filter((m) => m > CREATED && m <= TARGET)) await db.exec(sqlOf(name));

      const groups = await db.rows<{
        id: string;
        outcome: string;
        sex: string;
        age: string;
        status: string;
        n: number;
      }>(
        `SELECT "incidentId" AS id, outcome::text, sex::text, age::text, status::text, count AS n
         FROM "CasualtyCount" ORDER BY 1, 2, 3, 4`,
      );
      const cell = (id: string, outcome: string, sex: string, age: string) =>
        groups
          .filter((g) => g.id === id && g.outcome === outcome && g.sex === sex && g.age === age)
          .reduce((n, g) => n + g.n, 0);
      for (const [id, , killed, injured] of OLD)
        for (const [outcome, people] of [
          ["KILLED", killed],
          ["INJURED", injured],
        ] as const)
          expect([
            cell(id, outcome, "FEMALE", "ADULT"),
            cell(id, outcome, "MALE", "ADULT"),
            cell(id, outcome, "FEMALE", "CHILD"),
            cell(id, outcome, "MALE", "CHILD"),
          ]).toEqual([...people]);
      // A group of nobody is no row; the old records did not say civilian or not.
      expect(groups.every((g) => g.n > 0 && g.status === "UNKNOWN")).toBe(true);
      expect(groups.reduce((n, g) => n + g.n, 0)).toBe(13);
      const devices = await db.rows<{ id: string; d: string }>(
        `SELECT id, "deviceCategories"::text AS d FROM "CasualtyIncident" ORDER BY id`,
      );
      expect(devices).toEqual([
        { id: "acc-old-1", d: "{IED}" },
        { id: "acc-old-2", d: "{UXO}" },
      ]);
    } finally {
      await db.close();
    }
  });
});
