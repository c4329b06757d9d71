// Faults an authority's server will meet: the process killed mid-write, and
// the database going away. Each runs the built app as its own process.
//  - kill -9 during 100 report submissions and approvals: every answered
//    write is there after a restart, nothing is half-written (no report
//    without its devices or audit entry, no counted area without its approved
//    report, the hazardous area's released figure is the sum of its approved
//    reports), and the app serves and accepts work again.
//  - the database refusing connections (PostgreSQL): a page that says so, a
//    503 with Retry-After from the API, a sign-in form that says so, the
//    process still up, and everything back once the database is.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Polygon } from "geojson";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { openDb } from "@/lib/server/prisma";
import { seed } from "@/prisma/seed";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "@/tests/helpers/databases";
import { sessionCookie } from "@/tests/helpers/session-cookie";
import { rectangle, strip } from "@/tests/helpers/shapes";
import { launchBrowser, signIn } from "./browser";

const root = path.resolve(import.meta.dirname, "..");
const SECRET = "fault-tests-secret-fault-tests-secret-0042";

type App = { base: string; env: Record<string, string | undefined>; server?: ChildProcess; log: string };

function start(app: App): Promise<void> {
  const port = new URL(app.base).port;
  app.log = "";
  const server = spawn("npx", ["next", "start", "-p", port], {
    cwd: root,
    env: app.env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d) => (app.log += d));
  server.stderr!.on("data", (d) => (app.log += d));
  app.server = server;
  return (async () => {
    for (let i = 0; i < 240; i++) {
      if (server.exitCode !== null) throw new Error(`The app exited (${server.exitCode}):\n${app.log.slice(-3000)}`);
      try {
        if ((await fetch(`${app.base}/sign-in`, { redirect: "manual" })).status < 500) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${app.base} did not answer:\n${app.log.slice(-3000)}`);
  })();
}

/** Stops the app's whole process group with a signal and waits until it is gone. */
async function stop(app: App, signal: NodeJS.Signals) {
  const server = app.server;
  if (!server?.pid || server.exitCode !== null || server.signalCode !== null) return;
  const gone = new Promise((r) => server.once("exit", r));
  try {
    process.kill(-server.pid, signal);
  } catch {
    return;
  }
  await gone;
  // npx exits first; its child next-server, in the same group, may still be closing the database (SIGTERM) or
  // waiting to be reaped (SIGKILL), holding the port and the embedded database's lock. Wait until the group is empty.
  for (let waited = 0; ; waited += 50) {
    try {
      process.kill(-server.pid, 0);
    } catch {
      return;
    }
    if (waited >= 30_000)
      throw new Error(
        `The app's processes (group ${server.pid}) were still running 30 s after ${signal}:\n${app.log.slice(-3000)}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Side-by-side strips across the eastern 40 % of DEMO-NIN-001 (600 m × 400 m around 43.05, 36.30), the part
// not yet released, so each approval counts new land (60 strips, then the first again).
const NINEWA_SITE = rectangle([43.05, 36.3], 600, 400);
const stripOf = (i: number) => strip(NINEWA_SITE, 0.6 + (0.4 * (i % 60)) / 60, 0.6 + (0.4 * ((i % 60) + 1)) / 60);
const reportBody = (i: number) =>
  JSON.stringify({
    method: "cleared",
    clearanceDepthCm: 30,
    periodStart: "2026-11-01",
    periodEnd: "2026-11-20",
    geometry: stripOf(i),
    devices: [{ type: "UXO", count: 1 }],
  });

describe.each(DATABASE_KINDS)("kill -9 during report submissions and approvals on %s", (kind) => {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  const app: App = { base: `http://localhost:${kind === "pglite" ? 3404 : 3405}`, env: {}, log: "" };

  afterAll(async () => {
    await stop(app, "SIGKILL");
    await database?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("loses no answered write, leaves nothing half-written, and restarts clean", async () => {
    const env: Record<string, string | undefined> = { ...process.env, NEXTAUTH_URL: app.base, NODE_ENV: "production" };
    delete env.DATABASE_URL;
    if (kind === "pglite") {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mine-action-kill-"));
      env.PGLITE_DIR = path.join(dataDir, "pglite");
      const setup = spawnSync("npx", ["tsx", "scripts/setup-db.ts"], {
        cwd: root,
        env: { ...env, SEED_DEMO: "1" } as unknown as NodeJS.ProcessEnv,
        encoding: "utf8",
      });
      expect(setup.status, setup.stderr).toBe(0);
    } else {
      database = await createTestDatabase(kind);
      await seed(database.db, { demo: true });
      Object.assign(env, { DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET });
    }
    app.env = env;
    await start(app);

    const partner = await sessionCookie(app.base, "partner@demo.test");
    const dma = await sessionCookie(app.base, "dma@demo.test");
    const tasks = (await (await fetch(`${app.base}/api/tasks`, { headers: { cookie: partner } })).json()) as {
      items: { id: string; code: string }[];
    };
    const taskId = tasks.items.find((t) => t.code === "DEMO-TASK-001")!.id;
    const startedAt = new Date();

    // 50 submissions, each approved as soon as it is in: 100 writes, four at a time.
    const answered = { submitted: [] as string[], approved: [] as string[] };
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < 50 && !killed) {
        const i = next++;
        try {
          const res = await fetch(`${app.base}/api/tasks/${taskId}/reports`, {
            method: "POST",
            headers: { cookie: partner, "content-type": "application/json" },
            body: reportBody(i),
          });
          if (res.status !== 201) continue;
          const { id } = (await res.json()) as { id: string };
          answered.submitted.push(id);
          const ok = await fetch(`${app.base}/api/reports/${id}/approve`, {
            method: "POST",
            headers: { cookie: dma, "content-type": "application/json" },
            body: "{}",
          });
          if (ok.status === 200) answered.approved.push(id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Promise.all([worker(), worker(), worker(), worker()]);
    // Killed in the middle: once 40 of the 100 writes have been answered, with others in flight.
    while (answered.submitted.length + answered.approved.length < 40) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    await stop(app, "SIGKILL");
    await workers;
    expect(answered.approved.length).toBeGreaterThan(10);

    // The same command restarts it: the dead process's lock on the embedded database is taken over, PostgreSQL needs nothing.
    await start(app);
    const progress = await fetch(`${app.base}/api/progress`, { headers: { cookie: dma } });
    expect(progress.status).toBe(200);
    const again = await fetch(`${app.base}/api/tasks/${taskId}/reports`, {
      method: "POST",
      headers: { cookie: partner, "content-type": "application/json" },
      body: reportBody(59),
    });
    expect(again.status).toBe(201);
    const shownReleasedM2 = ((await progress.json()) as { releasedM2: { total: number } }).releasedM2.total;
    await stop(app, "SIGTERM");

    // Read the database directly, as an auditor would.
    const { db, close } = await openDb(
      kind === "pglite" ? { pgliteDir: env.PGLITE_DIR!, holder: "the fault test" } : { databaseUrl: database!.url! },
    );
    try {
      const reports = await db.landReleaseReport.findMany({
        where: { taskId, submittedAt: { gte: startedAt } },
        select: {
          id: true,
          status: true,
          countedAreaM2: true,
          countedGeometry: true,
          reviewedAt: true,
          _count: { select: { devices: true } },
        },
        orderBy: { submittedAt: "asc" },
      });
      const byId = new Map(reports.map((r) => [r.id, r]));
      // Every answered write is there.
      expect(answered.submitted.filter((id) => !byId.has(id))).toEqual([]);
      expect(answered.approved.filter((id) => byId.get(id)?.status !== "APPROVED")).toEqual([]);
      // Nothing half-written: each report has its device and its audit entries; each approved one its counted polygon.
      const audits = await db.auditEvent.findMany({
        where: { entityId: { in: reports.map((r) => r.id) } },
        select: { entityId: true, action: true },
      });
      const actions = (id: string) =>
        audits
          .filter((a) => a.entityId === id)
          .map((a) => a.action)
          .sort();
      for (const r of reports) {
        expect([r.id, r._count.devices]).toEqual([r.id, 1]);
        if (r.status === "APPROVED") {
          expect([r.id, r.countedAreaM2 > 0, r.countedGeometry !== null, r.reviewedAt !== null, actions(r.id)]).toEqual(
            [r.id, true, true, true, ["report.approve", "report.submit"]],
          );
        } else {
          expect([r.id, r.status, r.countedGeometry, actions(r.id)]).toEqual([
            r.id,
            "SUBMITTED",
            null,
            ["report.submit"],
          ]);
        }
      }
      // No counted area without its approved report: the hazardous area's released figure and polygon are its approved reports' sum.
      const area = await db.hazardArea.findUniqueOrThrow({
        where: { code: "DEMO-NIN-001" },
        select: { id: true, releasedM2: true, releasedGeometry: true },
      });
      const approvedSum = await db.landReleaseReport.aggregate({
        where: { hazardAreaId: area.id, status: "APPROVED" },
        _sum: { countedAreaM2: true },
      });
      expect(area.releasedM2).toBeCloseTo(approvedSum._sum.countedAreaM2!, 3);
      expect(geodesicAreaM2(area.releasedGeometry as unknown as Polygon)).toBeCloseTo(area.releasedM2, 1);
      // And the figure the restarted app showed is the database's.
      const national = await db.landReleaseReport.aggregate({
        where: { status: "APPROVED" },
        _sum: { countedAreaM2: true },
      });
      expect(shownReleasedM2).toBeCloseTo(national._sum.countedAreaM2!, 3);
    } finally {
      await close();
    }
  }, 300_000);
});

describe.each(DATABASE_KINDS.filter((k) => k === "postgresql"))("the %s database refusing connections", (kind) => {
  let database: TestDatabase;
  const app: App = { base: "http://localhost:3406", env: {}, log: "" };
  let admin: pg.Client | undefined;
  const allowConnections = async (allow: boolean) => {
    const name = new URL(database.url!).pathname.slice(1);
    await admin!.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${allow}`);
    if (!allow)
      await admin!.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [name],
      );
  };

  afterEach(async () => {
    if (admin) await allowConnections(true);
  });
  afterAll(async () => {
    await stop(app, "SIGTERM");
    await admin?.end();
    await database?.close();
  });

  it("shows a page and an API answer that say so, keeps running, and recovers by itself", async () => {
    database = await createTestDatabase(kind);
    await seed(database.db, { demo: true });
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    app.env = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: app.base,
      NODE_ENV: "production",
    };
    await start(app);
    const dma = await sessionCookie(app.base, "dma@demo.test");
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      await context.addCookies(
        dma
          .split("; ")
          .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1), url: app.base })),
      );
      const page = await context.newPage();
      await page.goto(`${app.base}/`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();

      await allowConnections(false);
      const health = await fetch(`${app.base}/api/health`);
      expect([health.status, await health.json()]).toEqual([503, { status: "unavailable", database: "unreachable" }]);
      const api = await fetch(`${app.base}/api/progress`, { headers: { cookie: dma } });
      expect(api.status).toBe(503);
      expect(api.headers.get("retry-after")).toBe("30");
      expect(((await api.json()) as { error: { message: string } }).error.message).toMatch(
        /database is not answering, so nothing was read or changed/,
      );

      await page.goto(`${app.base}/tasks`);
      await page.getByRole("heading", { name: "The database is not available" }).waitFor();
      await page.getByText("Nothing you saved earlier is lost").waitFor();

      const visitor = await (await browser.newContext()).newPage();
      await signIn(visitor, app.base, "partner@demo.test");
      await visitor.getByText("Sign-in is not possible just now: the app cannot reach its database").waitFor();

      // Still the same process: no crash, no restart loop.
      expect(app.server!.exitCode).toBeNull();

      await allowConnections(true);
      expect((await fetch(`${app.base}/api/health`)).status).toBe(200);
      await page.getByRole("button", { name: "Try again" }).click();
      await page.getByRole("heading", { name: "Tasks" }).waitFor();
      expect((await fetch(`${app.base}/api/progress`, { headers: { cookie: dma } })).status).toBe(200);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
