// Serving the built app on the national-scale data set for a benchmark:
// the embedded database in a throw-away directory (generated once, then
// reused) or a PostgreSQL server (BENCH_DATABASE_URL), one process or a
// cluster (BENCH_WORKERS). Shared by bench/dashboard.ts and bench/load.ts;
// bench/hostile.ts serves its own data directory with benchEnv() and waitFor().
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const PORT = Number(process.env.BENCH_PORT ?? 3300);
export const BASE = `http://127.0.0.1:${PORT}`;
export const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
export const SIZE = {
  hazards: Number(process.env.BENCH_HAZARDS ?? 20_000),
  reports: Number(process.env.BENCH_REPORTS ?? 200_000),
  grants: Number(process.env.BENCH_GRANTS ?? 2_000),
};
const databaseUrl = process.env.BENCH_DATABASE_URL;
export const DATABASE = databaseUrl ? "postgresql" : "pglite";
/** Whether pages are served from the pages cache (lib/server/page-cache), as they are unless PAGE_CACHE_MB=0. */
export const PAGE_CACHE = process.env.PAGE_CACHE_MB !== "0";
const pgliteDir =
  process.env.BENCH_PGLITE_DIR ?? path.join(os.tmpdir(), `bench-pglite-${SIZE.hazards}-${SIZE.reports}-${SIZE.grants}`);

/**
 * The environment a benchmark serves the built app with: production, demo accounts seeded, on `port`, and on
 * BENCH_DATABASE_URL's PostgreSQL server or else the embedded database in `pgliteDir`.
 */
export function benchEnv(port: number, pgliteDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    NODE_ENV: "production",
    SEED_DEMO: "1",
    ...(databaseUrl
      ? { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-42" }
      : { PGLITE_DIR: pgliteDir }),
  };
}
const env = benchEnv(PORT, pgliteDir);

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status})`);
}

/** Waits until the app answers `url` (anything but a server error), or fails if the server exits first. */
export async function waitFor(url: string, server: ChildProcess) {
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

/** Builds (unless BENCH_SKIP_BUILD), generates the data set when it is not there, serves, and returns a stop function. */
async function serveBenchApp(): Promise<() => void> {
  if (!process.env.BENCH_SKIP_BUILD) run("npx", ["next", "build"]);
  // A PostgreSQL server is regenerated unless BENCH_SKIP_GENERATE says it already holds this data set.
  if (databaseUrl ? !process.env.BENCH_SKIP_GENERATE : !fs.existsSync(path.join(pgliteDir, "PG_VERSION"))) {
    run("npx", ["tsx", "scripts/setup-db.ts"]);
    run("npx", [
      "tsx",
      "scripts/generate.ts",
      "--hazards",
      String(SIZE.hazards),
      "--reports",
      String(SIZE.reports),
      "--grants",
      String(SIZE.grants),
      "--seed",
      "1",
    ]);
  }
  run("npx", ["tsx", "scripts/setup-db.ts"]);
  // As `npm start` serves (scripts/serve.ts, the pages cache in front; PAGE_CACHE_MB=0 measures without it),
  // or with BENCH_WORKERS > 1 as `npm run start:cluster` (PostgreSQL only): one process per core.
  const server =
    WORKERS > 1
      ? spawn("npx", ["tsx", "scripts/serve-cluster.ts"], {
          cwd: root,
          env: { ...env, WEB_CONCURRENCY: String(WORKERS) },
          stdio: ["ignore", "inherit", "inherit"],
          detached: true,
        })
      : spawn("npx", ["tsx", "scripts/serve.ts"], {
          cwd: root,
          env,
          stdio: ["ignore", "inherit", "inherit"],
          detached: true,
        });
  const stop = () => process.kill(-server.pid!, "SIGTERM");
  try {
    await waitFor(`${BASE}/sign-in`, server);
  } catch (err) {
    stop();
    throw err;
  }
  return stop;
}

export function percentiles(latencies: number[]) {
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies.length
      ? Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]! * 10) / 10
      : null;
  return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) };
}

export function machine() {
  return { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version };
}

/** Serves the app, runs the measurement against it, stops it, and exits 0 or 1 as a script should. */
export function runBench(measure: () => Promise<void>): void {
  serveBenchApp()
    .then(async (stop) => {
      try {
        await measure();
      } finally {
        stop();
      }
    })
    .then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
}
