// Beyond one process: two app instances on different ports against one
// PostgreSQL database, as behind a load balancer. A session signed in on one
// is good on the other (stateless JWT, shared secret), and a figure changed
// through one is the figure the other shows at once: its cache is keyed by
// the data version read from the database, not by anything in memory.
// The embedded database serves one process only, which start:cluster says.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "@/tests/helpers/databases";
import { sessionCookie } from "@/tests/helpers/session-cookie";
import { rectangle, strip } from "@/tests/helpers/shapes";

const root = path.resolve(import.meta.dirname, "..");
const SECRET = "two-instances-secret-two-instances-secret-0";

describe("start:cluster", () => {
  it("refuses the embedded database, which one process owns, and says why", () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const run = spawnSync("npx", ["tsx", "scripts/serve-cluster.ts"], {
      cwd: root,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/needs DATABASE_URL \(PostgreSQL\)/);
  });
});

async function waitFor(url: string, server: ChildProcess, log: () => string) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`An instance exited (${server.exitCode}):\n${log()}`);
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer:\n${log()}`);
}

describe.each(DATABASE_KINDS.filter((k) => k === "postgresql"))("two app instances on one %s database", (kind) => {
  let database: TestDatabase;
  const servers: ChildProcess[] = [];
  const ports = [3401, 3402];
  const base = ports.map((p) => `http://localhost:${p}`);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seed(database.db, { demo: true });
    for (const port of ports) {
      let output = "";
      // As `npm start` serves, pages cache in front.
      const server = spawn("npx", ["tsx", "scripts/serve.ts"], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          DATABASE_URL: database.url,
          NEXTAUTH_SECRET: SECRET,
          NEXTAUTH_URL: `http://localhost:${port}`,
          NODE_ENV: "production",
        },
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      server.stdout!.on("data", (d) => (output += d));
      server.stderr!.on("data", (d) => (output += d));
      servers.push(server);
      await waitFor(`http://localhost:${port}/sign-in`, server, () => output.slice(-3000));
    }
  }, 240_000);

  afterAll(async () => {
    for (const s of servers) {
      try {
        process.kill(-s.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await database?.close();
  });

  it("a session from one instance works on the other, and an approval through one moves the other's figures at once", async () => {
    const donor = await sessionCookie(base[0]!, "donor@demo.test");
    const progress = async (b: string) =>
      (
        (await (await fetch(`${b}/api/progress`, { headers: { cookie: donor } })).json()) as {
          releasedM2: { total: number };
        }
      ).releasedM2.total;
    // Both instances compute and cache the national figures.
    const before = [await progress(base[0]!), await progress(base[1]!)];
    expect(before[1]).toBe(before[0]);

    const pending = await database.db.landReleaseReport.findFirstOrThrow({
      where: { status: "SUBMITTED", hazardArea: { authority: { shortName: "DMA" } } },
      orderBy: { submittedAt: "asc" },
    });
    const dma = await sessionCookie(base[1]!, "dma@demo.test");
    const approved = await fetch(`${base[1]}/api/reports/${pending.id}/approve`, {
      method: "POST",
      headers: { cookie: dma, "content-type": "application/json" },
      body: "{}",
    });
    expect(approved.status).toBe(200);
    const { countedAreaM2 } = (await approved.json()) as { countedAreaM2: number };
    expect(countedAreaM2).toBeGreaterThan(0);

    // The instance that did not approve shows the new figure on its next read.
    expect(await progress(base[0]!)).toBeCloseTo(before[0]! + countedAreaM2, 4);
    expect(await progress(base[1]!)).toBeCloseTo(before[0]! + countedAreaM2, 4);
  });

  it("a page kept by both instances is rendered anew on the next request of every user in scope after a write through either", async () => {
    const [donor, dma, partner] = await Promise.all(
      ["donor@demo.test", "dma@demo.test", "partner@demo.test"].map((e) => sessionCookie(base[0]!, e)),
    );
    const page = async (b: string, path: string, cookie: string) => {
      const res = await fetch(`${b}${path}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const html = await res.text();
      const released = Number(/data-testid="released-total"[^>]*data-m2="([^"]+)"/.exec(html)?.[1] ?? Number.NaN);
      return { state: res.headers.get("x-page-cache"), html, released };
    };
    // Each instance keeps the review queue and the dashboard, each for DMA and the donor.
    for (const b of base)
      for (const cookie of [dma!, donor!]) {
        await page(b, "/", cookie);
        expect((await page(b, "/", cookie)).state).toBe("hit");
      }
    for (const b of base) {
      await page(b, "/reports", dma!);
      expect((await page(b, "/reports", dma!)).state).toBe("hit");
    }
    const before = await page(base[0]!, "/", donor!);

    // A partner submits through instance 0: DMA's review queue on instance 1 lists it at once; no figure moves.
    const task = await database.db.task.findFirstOrThrow({ where: { code: "DEMO-TASK-001" } });
    const submitted = await fetch(`${base[0]}/api/tasks/${task.id}/reports`, {
      method: "POST",
      headers: { cookie: partner!, "content-type": "application/json" },
      body: JSON.stringify({
        method: "cleared",
        clearanceDepthCm: 30,
        periodStart: "2026-10-01",
        periodEnd: "2026-10-31",
        // The east of DEMO-NIN-001, which no approved or submitted report of the demo covers.
        geometry: strip(rectangle([43.05, 36.3], 600, 400), 0.85, 0.9),
      }),
    });
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as { id: string };
    for (const b of base) {
      const queue = await page(b, "/reports", dma!);
      expect(queue.state).toBe("miss");
      expect(queue.html).toContain(id);
      expect((await page(b, "/", donor!)).state).toBe("hit");
    }

    // DMA approves it through instance 1: both instances' dashboards, for DMA and the donor, show the new figure.
    const approved = await fetch(`${base[1]}/api/reports/${id}/approve`, {
      method: "POST",
      headers: { cookie: dma!, "content-type": "application/json" },
      body: "{}",
    });
    expect(approved.status).toBe(200);
    const { countedAreaM2 } = (await approved.json()) as { countedAreaM2: number };
    expect(countedAreaM2).toBeGreaterThan(0);
    for (const b of base)
      for (const cookie of [donor!, dma!]) {
        const after = await page(b, "/", cookie);
        expect(after.state).toBe("miss");
        expect(after.released).toBeCloseTo(before.released + countedAreaM2, 0);
      }
  });
});
