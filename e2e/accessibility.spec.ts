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
import { type DemoRecords, demoRecords, EVERY_PAGE, pageUrl, screenName } from "./every-page";

const baseUrl = inject("baseUrl");
const SCREENS = path.resolve(import.meta.dirname, "../test-results/screens");
let browser: Browser;
let records: DemoRecords;

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
  records = await demoRecords((await pageFor("dma@demo.test", "en")).request, baseUrl);
});
afterAll(() => browser?.close());

// Pages are checked a few at a time (the e2e project's maxConcurrency): the server renders one while the browser
// runs axe on another. Nothing here writes, so the checks do not depend on each other's order.
describe.concurrent.each(LOCALES)("pages in %s", (language) => {
  it.each(EVERY_PAGE)("$path has no serious or critical accessibility violation", async ({ path: route, as }) => {
    const page = await pageFor(as, language);
    const url = pageUrl(baseUrl, route, records);
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
      path: path.join(SCREENS, language, `${screenName(route)}.png`),
      fullPage: true,
    });
    await page.close();
    expect(serious).toEqual([]);
  });
});
