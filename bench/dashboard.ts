// npm run bench:dashboard — the dashboard under load, written to bench/results/dashboard-<database>.json
// (-uncached with PAGE_CACHE_MB=0: every page rendered, as before the pages cache).
// Generates the national-scale data set (20k hazardous areas, 200k reports,
// 2k grants; BENCH_HAZARDS/BENCH_REPORTS/BENCH_GRANTS to change) into a
// throw-away embedded database (kept in BENCH_PGLITE_DIR, reused when it is
// already there), serves the built app on it, signs a donor in and drives
// 20 concurrent users (BENCH_CONNECTIONS) at each page for BENCH_SECONDS,
// on loopback, two ways: closed loop (autocannon: each connection sends its
// next request as soon as the last returns, the heaviest reading of "20
// concurrent users") and users reading (each waits 1–3 s between pages). With BENCH_DATABASE_URL the same runs on PostgreSQL
// (BENCH_SKIP_GENERATE=1 reuses the data set already there).
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { sessionCookie } from "@/tests/helpers/session-cookie";
import { BASE, DATABASE, machine, PAGE_CACHE, percentiles, root, runBench, SIZE, WORKERS } from "./app-server";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const TARGETS = [
  { name: "dashboard", path: "/" },
  { name: "dashboardFiltered", path: "/?region=kurdistan&from=2025-01-01&to=2025-12-31" },
  { name: "progressApi", path: "/api/progress?governorate=IQG15" },
  { name: "funding", path: "/funding?year=2025" },
  { name: "reports", path: "/reports" },
  // The public page, as a reader who is not signed in asks for it (target: 500 requests a second).
  { name: "publicPage", path: "/public", signedOut: true },
  // References, not dashboard views: what any rendered page costs here. The signed-in
  // shell around a short list is the least a signed-in page can render; the health
  // route renders nothing. If the shell alone misses the target, no page can meet it
  // by its own work.
  { name: "signedInShell", path: "/account/tokens" },
  { name: "healthApi", path: "/api/health" },
];

function load(
  pathname: string,
  cookie: string,
  seconds = SECONDS,
): Promise<ReturnType<typeof percentiles> & { requests: number; errors: number; non2xx: number; rps: number }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      { url: `${BASE}${pathname}`, connections: CONNECTIONS, duration: seconds, headers: { cookie } },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          ...percentiles(latencies),
          requests: latencies.length,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          rps: Math.round(result.requests.average * 10) / 10,
        });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
}

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

runBench(async () => {
  const cookie = await sessionCookie(BASE, "donor@demo.test");
  const results: Record<string, unknown> = {};
  const only = process.env.BENCH_TARGETS?.split(",");
  for (const t of TARGETS.filter((x) => !only || only.includes(x.name))) {
    const asker = "signedOut" in t ? "" : cookie;
    await load(t.path, asker, 3); // warm-up, not recorded
    results[t.name] = {
      path: t.path,
      concurrency: CONNECTIONS,
      seconds: SECONDS,
      closedLoop: await load(t.path, asker),
      usersReading: await users(t.path, asker),
    };
    console.log(t.name, JSON.stringify(results[t.name]));
  }
  const out = {
    measuredAt: new Date().toISOString(),
    machine: machine(),
    database: DATABASE,
    workers: WORKERS,
    pageCache: PAGE_CACHE,
    data: SIZE,
    targetP95Ms: 150,
    results,
  };
  fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const file = path.join(
    root,
    "bench/results",
    `dashboard-${out.database}${WORKERS > 1 ? `-${WORKERS}-workers` : ""}${PAGE_CACHE ? "" : "-uncached"}${only ? `-${only.join("-")}` : ""}.json`,
  );
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`Written to ${path.relative(root, file)}`);
});
