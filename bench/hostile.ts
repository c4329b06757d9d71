// npm run bench:hostile — the worst shapes within the limits, sent to both
// write routes of the built app (embedded database, demo data), while a
// second client asks /api/health every 50 ms. Records each answer's status,
// code and time, and the health answers' latencies, in
// bench/results/hostile-<database>.json. The server must answer every shape within its
// budget (lib/domain/geometry-budget.ts) and stay responsive meanwhile.
// Results: bench/results/hostile-pglite.json, or hostile-postgresql.json with BENCH_DATABASE_URL.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHECK_BUDGET_MS, REPAIR_BUDGET_MS } from "@/lib/domain/geometry-budget";
import { MAX_VERTICES } from "@/lib/geo/validate";
import { comb, hostileReport, IN_DESERT, IN_TASK_AREA, spiral, star } from "@/tests/helpers/hostile-shapes";
import { sessionCookie } from "@/tests/helpers/session-cookie";
import { benchEnv, DATABASE, root, waitFor } from "./app-server";

const PORT = Number(process.env.BENCH_PORT ?? 3500);
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-hostile-"));
// BENCH_DATABASE_URL: an empty PostgreSQL database instead of the embedded one.
const env = benchEnv(PORT, path.join(dataDir, "pglite"));

type Sample = {
  route: string;
  shape: string;
  vertices: number;
  status: number;
  code: string | null;
  repairOffered: boolean;
  ms: number;
  health: { answers: number; failures: number; p50Ms: number; p95Ms: number; maxMs: number };
};

/** Sends one shape while /api/health is asked every 50 ms; returns the answer and the health latencies meanwhile. */
async function hostile(route: string, shape: string, cookie: string, body: unknown): Promise<Sample> {
  const latencies: number[] = [];
  let failures = 0;
  let done = false;
  const health = (async () => {
    while (!done) {
      const t = performance.now();
      const ok = await fetch(`${BASE}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      latencies.push(performance.now() - t);
      if (!ok) failures++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t = performance.now();
  const res = await fetch(`${BASE}${route}`, {
    method: "POST",
    headers: { cookie, origin: BASE, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const ms = performance.now() - t;
  const answer = (await res.json().catch(() => ({}))) as {
    error?: { details?: { problems?: { code: string }[]; repaired?: unknown } };
  };
  done = true;
  await health;
  const problems = answer.error?.details?.problems;
  const sorted = [...latencies].sort((a, b) => a - b);
  const percentile = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return {
    route: route.replace(/tasks\/[^/]+/, "tasks/{id}"),
    shape,
    vertices: (body as { geometry: { coordinates: unknown[][] } }).geometry.coordinates[0]!.length,
    status: res.status,
    code: problems?.[0]?.code ?? null,
    repairOffered: Boolean(answer.error?.details?.repaired),
    ms: Math.round(ms),
    health: {
      answers: latencies.length,
      failures,
      p50Ms: Math.round(percentile(0.5)),
      p95Ms: Math.round(percentile(0.95)),
      maxMs: Math.round(sorted.at(-1) ?? 0),
    },
  };
}

async function main() {
  spawnSync("npx", ["tsx", "scripts/prestart.ts"], { cwd: root, env, stdio: "inherit" });
  // As npm start serves it (scripts/serve.ts): the client address from the connection, so demo accounts sign in from here.
  const server = spawn("npx", ["tsx", "scripts/serve.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitFor(`${BASE}/api/health`, server);
    const partner = await sessionCookie(BASE, "partner@demo.test");
    const dma = await sessionCookie(BASE, "dma@demo.test");
    const tasks = (await (await fetch(`${BASE}/api/tasks`, { headers: { cookie: partner } })).json()) as {
      items: { id: string; code: string }[];
    };
    const task = tasks.items.find((t) => t.code === "DEMO-TASK-001")!;
    const area = (code: string, geometry: unknown) => ({
      code,
      name: "Bench hostile shape",
      kind: "SHA",
      contamination: ["AP_MINES"],
      landUse: "AGRICULTURE",
      priorityRank: 3,
      geometry,
    });
    const n = MAX_VERTICES;
    const samples: Sample[] = [];
    for (const [shape, make] of [
      ["star", star],
      ["spiral", spiral],
      ["comb", comb],
    ] as const) {
      samples.push(
        await hostile(`/api/tasks/${task.id}/reports`, shape, partner, hostileReport(make(n, IN_TASK_AREA, 0.001))),
      );
      samples.push(
        await hostile("/api/hazard-areas", shape, dma, area(`BENCH-${shape.toUpperCase()}`, make(n, IN_DESERT))),
      );
    }
    for (const s of samples)
      console.log(
        `${s.route} ${s.shape} ${s.vertices}: ${s.status} ${s.code ?? ""} in ${s.ms} ms; health p95 ${s.health.p95Ms} ms, max ${s.health.maxMs} ms, ${s.health.failures} failed`,
      );
    const result = {
      benchmark: "hostile",
      database: DATABASE,
      date: new Date().toISOString(),
      machine: { cores: os.availableParallelism(), node: process.version },
      budgetsMs: { check: CHECK_BUDGET_MS, repair: REPAIR_BUDGET_MS },
      worstAnswerMs: Math.max(...samples.map((s) => s.ms)),
      worstHealthMs: Math.max(...samples.map((s) => s.health.maxMs)),
      samples,
    };
    fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
    fs.writeFileSync(path.join(root, `bench/results/hostile-${DATABASE}.json`), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
