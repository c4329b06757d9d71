// Every page in English, Arabic and Sorani, checked by axe for WCAG 2.1 A/AA:
// no serious or critical violation. Each page is also saved as a screenshot
// (test-results/screens/<language>/), to be looked at as a reader would.

import fs from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { launchBrowser, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const SCREENS = path.resolve(import.meta.dirname, "../test-results/screens");
let browser: Browser;
let taskId: string;
let reportId: string;
let areaId: string;

/** Each page, as the role that works on it. */
const PAGES: { path: string; as: string | null }[] = [
  { path: "/sign-in", as: null },
  { path: "/public", as: null },
  { path: "/", as: "donor@demo.test" },
  { path: "/funding", as: "donor@demo.test" },
  { path: "/tasks", as: "partner@demo.test" },
  { path: "/tasks/{task}", as: "partner@demo.test" },
  { path: "/tasks/{task}/reports/new", as: "partner@demo.test" },
  { path: "/tasks/{task}/completion", as: "partner@demo.test" },
  { path: "/risk-education", as: "partner@demo.test" },
  { path: "/exports", as: "partner@demo.test" },
  { path: "/account/tokens", as: "partner@demo.test" },
  { path: "/account/password", as: "partner@demo.test" },
  { path: "/hazard-areas", as: "dma@demo.test" },
  { path: "/hazard-areas/new", as: "dma@demo.test" },
  { path: "/hazard-areas/map", as: "dma@demo.test" },
  { path: "/hazard-areas/import", as: "dma@demo.test" },
  { path: "/hazard-areas/{area}", as: "dma@demo.test" },
  { path: "/tasks/new", as: "dma@demo.test" },
  { path: "/reports", as: "dma@demo.test" },
  { path: "/reports/{report}", as: "dma@demo.test" },
  { path: "/casualties", as: "dma@demo.test" },
  { path: "/funding/import", as: "admin@demo.test" },
  { path: "/admin/users", as: "admin@demo.test" },
  { path: "/audit", as: "admin@demo.test" },
];

const contexts = new Map<string, Promise<BrowserContext>>();

async function openContext(as: string | null, language: Locale): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (as) {
    const page = await context.newPage();
    await signIn(page, baseUrl, as);
    await page.waitForURL(`${baseUrl}/`);
    await page.close();
  }
  // After sign-in, which sets the user's stored language: this reader's choice for this test only.
  await context.addCookies([{ name: "mat-language", value: language, url: baseUrl }]);
  return context;
}

/** A signed-in (or signed-out) browser reading in the language given, as the switch would leave it; one per reader, shared by the pages checked at once. */
async function pageFor(as: string | null, language: Locale): Promise<Page> {
  const key = `${as}:${language}`;
  if (!contexts.has(key)) contexts.set(key, openContext(as, language));
  return (await contexts.get(key)!).newPage();
}

beforeAll(async () => {
  browser = await launchBrowser();
  const api = (await pageFor("dma@demo.test", "en")).request;
  const tasks = (await (await api.get(`${baseUrl}/api/tasks`)).json()) as { items: { id: string; code: string }[] };
  taskId = tasks.items.find((t) => t.code === "DEMO-TASK-001")!.id;
  const task = (await (await api.get(`${baseUrl}/api/tasks/${taskId}`)).json()) as {
    reports: { id: string; status: string }[];
  };
  reportId = task.reports.find((r) => r.status === "submitted")?.id ?? task.reports[0]!.id;
  const areas = (await (await api.get(`${baseUrl}/api/hazard-areas?q=DEMO-NIN-001`)).json()) as {
    items: { id: string; code: string }[];
  };
  areaId = areas.items.find((a) => a.code === "DEMO-NIN-001")!.id;
});
afterAll(() => browser?.close());

// Pages are checked a few at a time (the e2e project's maxConcurrency): the server renders one while the browser
// runs axe on another. Nothing here writes, so the checks do not depend on each other's order.
describe.concurrent.each(LOCALES)("pages in %s", (language) => {
  it.each(PAGES)("$path has no serious or critical accessibility violation", async ({ path: route, as }) => {
    const page = await pageFor(as, language);
    const url = `${baseUrl}${route.replace("{task}", taskId).replace("{report}", reportId).replace("{area}", areaId)}`;
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      language,
      language === "en" ? "ltr" : "rtl",
    ]);
    // Maps and charts draw after hydration; axe should see the page as a reader does.
    await page.waitForLoadState("networkidle");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(" | ")}`,
      );
    fs.mkdirSync(path.join(SCREENS, language), { recursive: true });
    await page.screenshot({
      path: path.join(SCREENS, language, `${route.replace(/[/{}]+/g, "_").replace(/^_|_$/g, "") || "dashboard"}.png`),
      fullPage: true,
    });
    await page.close();
    expect(serious).toEqual([]);
  });
});
