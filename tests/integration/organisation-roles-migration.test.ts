import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/scripts/migrations";

const MIGRATION = "organisation_roles_accreditation";

/** The migration SQL files in order, split at the one under test. */
function migrations() {
  const names = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((d) => /^\d/.test(d))
    .sort();
  const at = names.findIndex((n) => n.endsWith(MIGRATION));
  const sql = (n: string) => fs.readFileSync(path.join(MIGRATIONS_DIR, n, "migration.sql"), "utf8");
  return { before: names.slice(0, at).map(sql), it: sql(names[at]!) };
}

describe("the migration to organisation roles and accreditation", () => {
  it("carries every organisation's type into its roles, every task's work from its reports, and marks own-authority reviews", async () => {
    const client = await PGlite.create();
    try {
      const { before, it: migration } = migrations();
      for (const sql of before) await client.exec(sql);
      const p = JSON.stringify({
        type: "Polygon",
        coordinates: [
          [
            [44, 36],
            [44.01, 36],
            [44.01, 36.01],
            [44, 36],
          ],
        ],
      });
      await client.exec(`
        INSERT INTO "Organisation" (id, name, type) VALUES
          ('auth', 'Authority', 'AUTHORITY'), ('ngo', 'An NGO', 'PARTNER'), ('donor', 'A donor', 'DONOR');
        INSERT INTO "User" (id, email, name, "passwordHash", role, "organisationId") VALUES
          ('officer', 'o@x.test', 'Officer', 'x', 'AUTHORITY', 'auth'),
          ('field', 'f@x.test', 'Field', 'x', 'PARTNER', 'ngo');
        INSERT INTO "Governorate" (pcode, "nameEn", "nameAr", "nameCkb", region, boundary, "areaM2", source)
          VALUES ('IQG99', 'Test', 'Test', 'Test', 'KURDISTAN', '${p}', 1, 'test');
        INSERT INTO "HazardArea" (id, code, name, kind, "landUse", "priorityRank", "governoratePcode", "authorityId",
          geometry, "areaM2") VALUES ('ha', 'CHA-1', 'Area', 'CHA', 'AGRICULTURE', 1, 'IQG99', 'auth', '${p}', 100);
        INSERT INTO "Task" (id, code, title, "authorityId", priority, "partnerId") VALUES
          ('surveyed', 'T-1', 'Surveyed', 'auth', 1, 'ngo'), ('quiet', 'T-2', 'No report yet', 'auth', 1, 'ngo'),
          ('own', 'T-3', 'Own teams', 'auth', 1, 'auth');
        INSERT INTO "LandReleaseReport" (id, "taskId", "hazardAreaId", "partnerId", method, "periodStart", "periodEnd",
          "submittedGeometry", "submittedAreaM2", "outsideHazardM2", "alreadyReleasedM2", "countedAreaM2", status,
          "reviewedById") VALUES
          ('r1', 'surveyed', 'ha', 'ngo', 'CANCELLED', '2025-01-01', '2025-01-31', '${p}', 1, 0, 0, 1, 'APPROVED', 'officer'),
          ('r2', 'surveyed', 'ha', 'ngo', 'REDUCED', '2025-02-01', '2025-02-28', '${p}', 1, 0, 0, 1, 'SUBMITTED', NULL),
          ('r3', 'own', 'ha', 'auth', 'CLEARED', '2025-03-01', '2025-03-31', '${p}', 1, 0, 0, 1, 'APPROVED', 'officer');
      `);
      await client.exec(migration);
      const organisations = await client.query<{ id: string; roles: string; operatorKind: string | null }>(
        `SELECT id, roles::text AS roles, "operatorKind" FROM "Organisation" ORDER BY id`,
      );
      expect(organisations.rows).toEqual([
        { id: "auth", roles: "{AUTHORITY}", operatorKind: null },
        { id: "donor", roles: "{DONOR}", operatorKind: null },
        { id: "ngo", roles: "{OPERATOR}", operatorKind: "NGO" },
      ]);
      const tasks = await client.query<{ id: string; scopes: string }>(
        `SELECT id, (SELECT array_agg(s ORDER BY s) FROM unnest("workScopes") s)::text AS scopes
         FROM "Task" ORDER BY id`,
      );
      expect(tasks.rows).toEqual([
        { id: "own", scopes: "{CLEARANCE}" },
        { id: "quiet", scopes: "{CLEARANCE}" },
        { id: "surveyed", scopes: "{NTS,TS}" },
      ]);
      const reports = await client.query<{ id: string; reviewedByOwnAuthority: boolean }>(
        `SELECT id, "reviewedByOwnAuthority" FROM "LandReleaseReport" ORDER BY id`,
      );
      expect(reports.rows).toEqual([
        { id: "r1", reviewedByOwnAuthority: false },
        { id: "r2", reviewedByOwnAuthority: false },
        { id: "r3", reviewedByOwnAuthority: true },
      ]);
    } finally {
      await client.close();
    }
  });
});
