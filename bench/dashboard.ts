// npm run bench:dashboard — the dashboard under load, written to bench/results/dashboard.json.
// Generates the national-scale data set (20k hazardous areas, 200k reports,
// 2k grants; BENCH_HAZARDS/BENCH_REPORTS/BENCH_GRANTS to change) into a
// throw-away embedded database (kept in BENCH_PGLITE_DIR, reused when it is
// already there), serves the built app on it, signs a donor in and drives
// 20 concurrent users (BENCH_CONNECTIONS) at each page for BENCH_SECONDS,
// on loopback, two ways: closed loop (autocannon: each connection sends its
// next request as soon as the last returns, the heaviest reading of "20
// concurrent users") and users reading (each waits 1–3 s between pages). With BENCH_DATABASE_URL the same runs on PostgreSQL
// (BENCH_SKIP_GENERATE=1 reuses the data set already there).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sessionCookie } from "../tests/helpers/session-cookie";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SIZE = { hazards: Number(process.env.BENCH_HAZARDS ?? 20_000), reports: Number(process.env.BENCH_REPORTS ?? 200_000), grants: Number(process.env.BENCH_GRANTS ?? 2_000) };
const databaseUrl = process.env.BENCH_DATABASE_URL;
const pgliteDir = process.env.BENCH_PGLITE_DIR ?? path.join(os.tmpdir(), `bench-pglite-${SIZE.hazards}-${SIZE.reports}-${SIZE.grants}`);
const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), NODE_ENV: "production", SEED_DEMO: "1", ...(databaseUrl ? { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-42" } : { PGLITE_DIR: pgliteDir }) };

const TARGETS = [
  { name: "dashboard", path: "/" },
  { name: "dashboardFiltered", path: "/?region=kurdistan&from=2025-01-01&to=2025-12-31" },
  { name: "progressApi", path: "/api/progress?governorate=IQG15" },
  { name: "funding", path: "/funding?year=2025" },
];

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status})`);
}

async function waitFor(url: string, server: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`The app exited (${server.exitCode}).`);
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The app did not start.");
}

function load(pathname: string, cookie: string, seconds = SECONDS): Promise<{ p50Ms: number; p95Ms: number; p99Ms: number; requests: number; errors: number; non2xx: number; rps: number }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon({ url: `${BASE}${pathname}`, connections: CONNECTIONS, duration: seconds, headers: { cookie } }, (err, result) => {
      if (err) return reject(err);
      resolve({ ...percentiles(latencies), requests: latencies.length, errors: result.errors + result.timeouts, non2xx: result.non2xx, rps: Math.round(result.requests.average * 10) / 10 });
    });
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
}

const percentiles = (latencies: number[]) => {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]! * 10) / 10;
  return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) };
};

/**
 * 20 users who each open the page, read it for 1–3 s and open it again (a
 * person reading a dashboard), unlike autocannon's connections that send the
 * next request the moment the last one returns.
 */
async function users(pathname: string, cookie: string, seconds = SECONDS * 2) {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, u) => {
      // Users arrive spread over one reading time, as they would through a working day.
      await new Promise((r) => setTimeout(r, ((u + Math.random()) * 3000) / CONNECTIONS));
      while (Date.now() < end) {
        const t = performance.now();
        try {
          const res = await fetch(`${BASE}${pathname}`, { headers: { cookie } });
          await res.arrayBuffer();
          if (!res.ok) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
      }
    }),
  );
  return { ...percentiles(latencies), requests: latencies.length, errors };
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) run("npx", ["next", "build"]);
  // A PostgreSQL server is regenerated unless BENCH_SKIP_GENERATE says it already holds this data set.
  if (databaseUrl ? !process.env.BENCH_SKIP_GENERATE : !fs.existsSync(path.join(pgliteDir, "PG_VERSION"))) {
    run("npx", ["tsx", "scripts/setup-db.ts"]);
    run("npx", ["tsx", "scripts/generate.ts", "--hazards", String(SIZE.hazards), "--reports", String(SIZE.reports), "--grants", String(SIZE.grants), "--seed", "1"]);
  }
  run("npx", ["tsx", "scripts/setup-db.ts"]);
  // BENCH_WORKERS > 1 serves with `npm run start:cluster` (PostgreSQL only): one process per core.
  const server = WORKERS > 1
    ? spawn("npx", ["tsx", "scripts/serve-cluster.ts"], { cwd: root, env: { ...env, WEB_CONCURRENCY: String(WORKERS) }, stdio: ["ignore", "inherit", "inherit"], detached: true })
    : spawn("npx", ["next", "start", "-p", String(PORT)], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  try {
    await waitFor(`${BASE}/sign-in`, server);
    const cookie = await sessionCookie(BASE, "donor@demo.test");
    const results: Record<string, unknown> = {};
    const only = process.env.BENCH_TARGETS?.split(",");
    for (const t of TARGETS.filter((x) => !only || only.includes(x.name))) {
      await load(t.path, cookie, 3); // warm-up, not recorded
      results[t.name] = {
        path: t.path,
        concurrency: CONNECTIONS,
        seconds: SECONDS,
        closedLoop: await load(t.path, cookie),
        usersReading: await users(t.path, cookie),
      };
      console.log(t.name, JSON.stringify(results[t.name]));
    }
    const out = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      database: databaseUrl ? "postgresql" : "pglite",
      workers: WORKERS,
      data: SIZE,
      targetP95Ms: 150,
      results,
    };
    fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
    const file = path.join(root, "bench/results", `dashboard-${out.database}${WORKERS > 1 ? `-${WORKERS}-workers` : ""}${only ? `-${only.join("-")}` : ""}.json`);
    fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`Written to ${path.relative(root, file)}`);
  } finally {
    process.kill(-server.pid!, "SIGTERM");
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
