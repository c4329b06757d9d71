// The embedded database's backup and restore commands, run as an operator
// runs them: every table comes back with every row, byte for byte.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachFile } from "@/lib/server/commands/attach-file";
import { acquirePgliteLock } from "@/lib/server/pglite-lock";
import { openDb } from "@/lib/server/prisma";
import { seed } from "@/prisma/seed";
import { deployMigrations } from "@/scripts/migrations";
import { actorFor } from "@/tests/helpers/actors";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
let work: string;

/** Each table's rows, in a stable order, hashed: equal fingerprints mean the same data. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const client = await PGlite.create(dir);
  try {
    const { rows: tables } = await client.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const { rows } = await client.query<{ n: number; h: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x`,
      );
      out[t] = `${rows[0]!.n}:${rows[0]!.h}`;
    }
    return out;
  } finally {
    await client.close();
  }
}

function command(args: string[], env: Record<string, string>) {
  const e: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete e.DATABASE_URL;
  return run(path.join(root, "node_modules/.bin/tsx"), ["scripts/backup.ts", ...args], { cwd: root, env: e }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, out: err.stdout + err.stderr }),
  );
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "mine-action-backup-"));
  const client = await PGlite.create(path.join(work, "live"));
  await deployMigrations(new PrismaPGlite(client));
  const { db, close } = await openDb({ pgliteClient: client });
  await seed(db, { demo: true });
  await close();
  await client.close();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("backup and restore of the embedded database", () => {
  it("restores every row of every table, and keeps the database it replaced", async () => {
    const live = path.join(work, "live");
    const before = await fingerprint(live);
    expect(Number(before.LandReleaseReport!.split(":")[0])).toBeGreaterThan(0);

    const backup = await command(["backup", path.join(work, "b.tar.gz")], { PGLITE_DIR: live });
    expect(backup.out).toMatch(/Backed up .* \d+ tables, \d+ rows/);
    expect(backup.code).toBe(0);

    // Into an empty place, as on a new machine.
    const fresh = path.join(work, "fresh");
    expect((await command(["restore", path.join(work, "b.tar.gz")], { PGLITE_DIR: fresh })).code).toBe(0);
    expect(await fingerprint(fresh)).toEqual(before);

    // Over a database that has moved on: it comes back as backed up, and the newer one is kept aside, not erased.
    const later = await PGlite.create(live);
    await later.query(
      `INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('after-backup', 'Test', 'x')`,
    );
    await later.close();
    const changed = await fingerprint(live);
    expect(changed).not.toEqual(before);
    const restored = await command(["restore", path.join(work, "b.tar.gz")], { PGLITE_DIR: live });
    expect(restored.code).toBe(0);
    const aside = /kept at (\S+)\./.exec(restored.out)![1]!;
    expect(await fingerprint(live)).toEqual(before);
    expect(await fingerprint(aside)).toEqual(changed);
  });

  it("refuses while the server holds the database, and never overwrites a backup", async () => {
    const live = path.join(work, "live");
    const release = acquirePgliteLock(live, "the app server");
    try {
      const res = await command(["backup", path.join(work, "while-open.tar.gz")], { PGLITE_DIR: live });
      expect(res.code).toBe(1);
      expect(res.out).toMatch(/open in another process \(the app server, pid \d+\)\. Stop it first/);
      expect(fs.existsSync(path.join(work, "while-open.tar.gz"))).toBe(false);
    } finally {
      release();
    }
    fs.writeFileSync(path.join(work, "taken.tar.gz"), "someone's file");
    const res = await command(["backup", path.join(work, "taken.tar.gz")], { PGLITE_DIR: live });
    expect(res.out).toMatch(/already exists/);
    expect(fs.readFileSync(path.join(work, "taken.tar.gz"), "utf8")).toBe("someone's file");
  });

  it("a file that is not a backup changes nothing", async () => {
    const live = path.join(work, "live");
    const before = await fingerprint(live);
    fs.writeFileSync(path.join(work, "notes.txt"), "not a backup");
    const notGzip = await command(["restore", path.join(work, "notes.txt")], { PGLITE_DIR: live });
    expect([notGzip.code, notGzip.out]).toEqual([
      1,
      expect.stringMatching(/is not a backup made by "npm run db:backup"/),
    ]);
    // Gzip, but not a database: restore fails after moving the old one aside, and must put it back.
    fs.writeFileSync(path.join(work, "broken.tar.gz"), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]));
    const broken = await command(["restore", path.join(work, "broken.tar.gz")], { PGLITE_DIR: live });
    expect([broken.code, broken.out]).toEqual([1, expect.stringMatching(/Could not restore .* is unchanged/)]);
    expect(await fingerprint(live)).toEqual(before);
  });

  it("points PostgreSQL users to pg_dump instead of touching the embedded files", async () => {
    const e = { PGLITE_DIR: path.join(work, "live"), DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" };
    const res = await run(path.join(root, "node_modules/.bin/tsx"), ["scripts/backup.ts", "backup"], {
      cwd: root,
      env: { ...process.env, ...e },
    }).catch((err: { stderr: string }) => err);
    expect((res as { stderr: string }).stderr).toMatch(/pg_dump --format=custom/);
  });

  it("carries attachments' bytes: a photo attached before the backup comes back identical after a restore", async () => {
    const live = path.join(work, "live");
    const photo = fs.readFileSync(path.join(root, "tests/fixtures/attachments/marker-photo-gps.jpg"));
    const client = await PGlite.create(live);
    const { db, close } = await openDb({ pgliteClient: client });
    let id: string;
    try {
      const partner = await actorFor(db, "partner@demo.test");
      const report = await db.landReleaseReport.findFirstOrThrow({ where: { partnerId: partner.organisationId } });
      const input = { subjectType: "landReleaseReport", subjectId: report.id, fileName: "marker.jpg" };
      id = (await attachFile(db, partner, input, new Uint8Array(photo))).attachment.id;
    } finally {
      await close();
      await client.close();
    }
    const file = path.join(work, "with-attachment.tar.gz");
    expect((await command(["backup", file], { PGLITE_DIR: live })).code).toBe(0);
    const elsewhere = path.join(work, "restored-attachment");
    expect((await command(["restore", file], { PGLITE_DIR: elsewhere })).code).toBe(0);
    const restored = await PGlite.create(elsewhere);
    try {
      const { rows } = await restored.query<{ bytes: Uint8Array; fileName: string }>(
        `SELECT c.bytes, a."fileName" FROM "AttachmentContent" c JOIN "Attachment" a ON a.id = c."attachmentId" WHERE a.id = $1`,
        [id],
      );
      expect(rows[0]?.fileName).toBe("marker.jpg");
      expect(Buffer.from(rows[0]!.bytes).equals(photo)).toBe(true);
    } finally {
      await restored.close();
    }
  });
});
