// npm run bench:slow3g — pages as a field office on a weak connection sees
// them, written to bench/results/slow-3g.json. Chromium's own throttling at
// DevTools' "Slow 3G" preset (2,000 ms round trip, 400 kbit/s each way),
// a cold cache for every visit, on the national-scale data set served as
// bench/app-server.ts does. For each page, BENCH_RUNS visits (5): the first
// view (first contentful paint), when the page's content (the headline
// figures, the task table, the form) is in the document, the page's load
// (scripts, map and charts included), and the bytes it took. The
// target (issue 8): the dashboard's first view under 3 s.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser } from "@/e2e/browser";
import { sessionCookie } from "@/tests/helpers/session-cookie";
import { BASE, DATABASE, machine, root, runBench, SIZE } from "./app-server";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLOW_3G = {
  offline: false,
  latency: 2_000,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};

// `shows`: the element whose arrival means the reader has what they came for.
const PAGES = [
  { name: "dashboard", as: "donor@demo.test", path: "/", shows: '[data-testid="released-total"]' },
  { name: "publicPage", as: null, path: "/public", shows: '[data-testid="released-total"]' },
  { name: "myTasks", as: "partner@demo.test", path: "/tasks", shows: "main table" },
  {
    name: "reportForm",
    as: "partner@demo.test",
    path: "/tasks/{task}/reports/new",
    shows: "main form textarea, main form input[type=radio]",
  },
];

async function visit(page: Page, url: string, shows: string) {
  // When the page's content first appears in the document, as the HTML streams in.
  await page.addInitScript((selector: string) => {
    const w = window as unknown as { __shownAt?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        w.__shownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, shows);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
  const started = Date.now();
  await page.goto(url, { waitUntil: "load", timeout: 180_000 });
  const loadMs = Date.now() - started;
  const [firstViewMs, contentMs] = await page.evaluate(() => [
    performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    (window as unknown as { __shownAt?: number }).__shownAt ?? null,
  ]);
  await cdp.detach();
  const round = (ms: number | null) => (ms === null ? null : Math.round(ms));
  return { firstViewMs: round(firstViewMs), contentMs: round(contentMs), loadMs, kB: Math.round(bytes / 1024) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

runBench(async () => {
  const browser = await launchBrowser();
  const cookies = new Map<string, string>();
  for (const email of new Set(PAGES.map((p) => p.as).filter((a): a is string => a !== null)))
    cookies.set(email, await sessionCookie(BASE, email));
  const tasks = (await (
    await fetch(`${BASE}/api/tasks`, { headers: { cookie: cookies.get("partner@demo.test")! } })
  ).json()) as { items: { id: string; code: string }[] };
  const taskId = tasks.items.find((t) => t.code === "DEMO-TASK-001")!.id;
  const results: Record<string, unknown> = {};
  try {
    for (const p of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        if (p.as) {
          await context.addCookies(
            cookies
              .get(p.as)!
              .split("; ")
              .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1), url: BASE })),
          );
        }
        runs.push(await visit(await context.newPage(), `${BASE}${p.path.replace("{task}", taskId)}`, p.shows));
        await context.close();
      }
      const firstViews = runs.map((r) => r.firstViewMs ?? Number.POSITIVE_INFINITY);
      results[p.name] = {
        path: p.path,
        firstViewMedianMs: median(firstViews),
        firstViewMaxMs: Math.max(...firstViews),
        contentMedianMs: median(runs.map((r) => r.contentMs ?? Number.POSITIVE_INFINITY)),
        loadMedianMs: median(runs.map((r) => r.loadMs)),
        kB: median(runs.map((r) => r.kB)),
        runs,
      };
      console.log(p.name, results[p.name]);
    }
  } finally {
    await browser.close();
  }
  const out = {
    measuredAt: new Date().toISOString(),
    database: DATABASE,
    dataSet: SIZE,
    machine: machine(),
    network: { profile: "DevTools Slow 3G", ...SLOW_3G },
    targetFirstViewMs: 3000,
    results,
  };
  const file = path.join(root, "bench/results/slow-3g.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`Written to ${path.relative(root, file)}`);
});
