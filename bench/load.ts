// npm run bench:load — the app under a working day's mixed load, written to
// bench/results/load.json (one entry per scenario, database and number of users).
// On the national-scale data set (see bench/app-server.ts), LOAD_USERS
// concurrent users (default 20 and 50) each sign in as their role and, for
// LOAD_SECONDS (default 300), open the next page or send the next request
// 1–3 s after the last one answered, as a person working does:
//   dashboard     a donor opens the progress dashboard
//   taskList      DMA opens its task list (20k tasks, paged)
//   submitReport  a partner submits a land-release report (a new polygon on its task)
//   exports       DMA downloads a month of one governorate's reports as CSV
// Every answer other than the expected status counts as an error.
// BENCH_DATABASE_URL runs it on PostgreSQL, BENCH_WORKERS=2 on `npm run start:cluster`;
// results of the other set-ups already in the file are kept.
import fs from "node:fs";
import path from "node:path";
import type { Polygon } from "geojson";
import { sessionCookie } from "@/tests/helpers/session-cookie";
import { rectangle, strip } from "@/tests/helpers/shapes";
import { BASE, DATABASE, machine, PAGE_CACHE, percentiles, root, runBench, SIZE, WORKERS } from "./app-server";
import { rng } from "./scenarios";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);
const USERS = (process.env.LOAD_USERS ?? "20,50").split(",").map(Number);

type Scenario = {
  name: string;
  weight: number;
  expect: number;
  send: (cookies: Cookies, random: () => number) => Promise<Response>;
};
type Cookies = Record<"donor" | "dma" | "partner", string>;

// DEMO-NIN-001, the demo partner's hazardous area on DEMO-TASK-001: 600 m × 400 m around (43.05, 36.30).
const NINEWA_SITE = rectangle([43.05, 36.3], 600, 400);
/** A random strip of DEMO-NIN-001, 5–20 % of its width. */
function stripInside(random: () => number): Polygon {
  const from = random() * 0.8;
  return strip(NINEWA_SITE, from, from + 0.05 + random() * 0.15);
}

function scenarios(taskId: string): Scenario[] {
  return [
    { name: "dashboard", weight: 4, expect: 200, send: (c) => fetch(`${BASE}/`, { headers: { cookie: c.donor } }) },
    {
      name: "taskList",
      weight: 3,
      expect: 200,
      send: (c, r) => fetch(`${BASE}/tasks?page=${1 + Math.floor(r() * 5)}`, { headers: { cookie: c.dma } }),
    },
    {
      name: "submitReport",
      weight: 2,
      expect: 201,
      send: (c, r) =>
        fetch(`${BASE}/api/tasks/${taskId}/reports`, {
          method: "POST",
          headers: { cookie: c.partner, "content-type": "application/json" },
          body: JSON.stringify({
            method: "cleared",
            clearanceDepthCm: 30,
            periodStart: "2026-11-01",
            periodEnd: "2026-11-20",
            geometry: stripInside(r),
            devices: [{ type: "UXO", count: 1 }],
          }),
        }),
    },
    {
      name: "exports",
      weight: 1,
      expect: 200,
      send: (c, r) => {
        const month = String(1 + Math.floor(r() * 12)).padStart(2, "0");
        return fetch(`${BASE}/api/exports/reports.csv?governorate=IQG15&from=2024-${month}-01&to=2024-${month}-28`, {
          headers: { cookie: c.dma },
        });
      },
    },
  ];
}

async function runUsers(users: number, cookies: Cookies, list: Scenario[], seconds = SECONDS) {
  const latencies = Object.fromEntries(list.map((s) => [s.name, [] as number[]]));
  const errors = Object.fromEntries(list.map((s) => [s.name, 0]));
  const firstErrors: string[] = [];
  const totalWeight = list.reduce((a, s) => a + s.weight, 0);
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      const random = rng(1000 + u);
      // Users arrive spread over one thinking time.
      await new Promise((r) => setTimeout(r, ((u + random()) * 3000) / users));
      while (Date.now() < end) {
        let pick = random() * totalWeight;
        const s = list.find((x) => (pick -= x.weight) < 0) ?? list[0]!;
        const t = performance.now();
        try {
          const res = await s.send(cookies, random);
          await res.arrayBuffer();
          if (res.status !== s.expect) {
            errors[s.name]!++;
            if (firstErrors.length < 5) firstErrors.push(`${s.name}: ${res.status}`);
          }
        } catch (err) {
          errors[s.name]!++;
          if (firstErrors.length < 5) firstErrors.push(`${s.name}: ${(err as Error).message}`);
        }
        latencies[s.name]!.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 1000 + random() * 2000));
      }
    }),
  );
  if (firstErrors.length) console.log("first errors:", firstErrors);
  return Object.fromEntries(
    list.map((s) => [
      s.name,
      {
        concurrency: users,
        ...percentiles(latencies[s.name]!),
        requests: latencies[s.name]!.length,
        errors: errors[s.name]!,
      },
    ]),
  );
}

runBench(async () => {
  const cookies: Cookies = {
    donor: await sessionCookie(BASE, "donor@demo.test"),
    dma: await sessionCookie(BASE, "dma@demo.test"),
    partner: await sessionCookie(BASE, "partner@demo.test"),
  };
  const tasks = (await (await fetch(`${BASE}/api/tasks`, { headers: { cookie: cookies.partner } })).json()) as {
    items: { id: string; code: string }[];
  };
  const list = scenarios(tasks.items.find((t) => t.code === "DEMO-TASK-001")!.id);
  const file = path.join(root, "bench/results/load.json");
  const out = (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {}) as Record<string, unknown>;
  const setup = `${DATABASE}${WORKERS > 1 ? `-${WORKERS}-workers` : ""}${PAGE_CACHE ? "" : "-uncached"}`;
  for (const users of USERS) {
    await runUsers(Math.min(users, 5), cookies, list, 10); // warm-up: caches and JIT, not recorded
    const results = await runUsers(users, cookies, list);
    console.log(`${setup}, ${users} users:`, JSON.stringify(results));
    for (const [name, r] of Object.entries(results)) {
      const entry = (out[name] ??= {}) as Record<string, Record<string, unknown>>;
      (entry[setup] ??= {})[String(users)] = r;
    }
    out.about = {
      measuredAt: new Date().toISOString(),
      machine: machine(),
      data: SIZE,
      seconds: SECONDS,
      users:
        "each waits 1–3 s after an answer before the next request, mixing the scenarios 4:3:2:1 (dashboard, task list, report submission, export)",
      shape:
        "<scenario>.<database, with -N-workers for npm run start:cluster, -uncached without the pages cache (PAGE_CACHE_MB=0, or measured before it)>.<users> = { concurrency, p50Ms, p95Ms, p99Ms, requests, errors }",
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  }
  console.log(`Written to ${path.relative(root, file)}`);
});
