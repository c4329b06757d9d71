// Every page on two phones (360×740 and 390×844), in English, Arabic and
// Sorani, as the role that works on it: the page is no wider than the screen
// (wide tables scroll inside their own region), nothing covers a link, and
// what a finger presses is at least 44 px each way; and on a laptop (1366×900),
// its width. Each page is saved as a screenshot at 360 px
// (test-results/phone/<language>/) to be looked at.

import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import ar from "@/lib/i18n/messages/ar.json";
import ckb from "@/lib/i18n/messages/ckb.json";
import en from "@/lib/i18n/messages/en.json";
import { launchBrowser, signIn } from "./browser";
import { demoTask, typedBox } from "./demo-task";
import { type DemoRecords, demoRecords, EVERY_PAGE, pageUrl, screenName } from "./every-page";

const baseUrl = inject("baseUrl");
const SCREENS = path.resolve(import.meta.dirname, "../test-results/phone");
const PHONES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
] as const;
const LAPTOP = { width: 1366, height: 900 };
let browser: Browser;
let records: DemoRecords;

const signedIn = new Map<string, Promise<Awaited<ReturnType<BrowserContext["storageState"]>>>>();
const contexts = new Map<string, Promise<BrowserContext>>();

/** One sign-in per role, its cookies reused by every phone and language. */
function sessionOf(as: string) {
  if (!signedIn.has(as)) {
    signedIn.set(
      as,
      (async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await signIn(page, baseUrl, as);
        await page.waitForURL(`${baseUrl}/`);
        const state = await context.storageState();
        await context.close();
        return state;
      })(),
    );
  }
  return signedIn.get(as)!;
}

async function openContext(as: string | null, language: Locale): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: PHONES[0],
    isMobile: true,
    hasTouch: true,
    storageState: as ? await sessionOf(as) : undefined,
  });
  await context.addCookies([{ name: "mat-language", value: language, url: baseUrl }]);
  return context;
}

async function phoneFor(as: string | null, language: Locale): Promise<Page> {
  const key = `${as}:${language}`;
  if (!contexts.has(key)) contexts.set(key, openContext(as, language));
  return (await contexts.get(key)!).newPage();
}

type Fit = { viewport: number; document: number; outside: string[]; covered: string[]; small: string[] };

/** What a phone's reader would hit on the page as it is laid out now (runs in the browser). */
function measureFit(): Fit {
  // From the page's start (its right in Arabic and Sorani): a field filled in may have scrolled the page sideways,
  // and what sticks out is then on screen and what is in place looks pushed.
  window.scrollTo(0, 0);
  const viewport = document.documentElement.clientWidth;
  const describe = (el: Element) => {
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    const cls = typeof el.className === "string" && el.className ? `.${el.className.split(" ")[0]}` : "";
    return `${el.tagName.toLowerCase()}${cls}${text ? ` "${text}"` : ""}`;
  };
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    // checkVisibility: not inside a closed <details> or anything else that is not drawn.
    return (
      r.width >= 2 &&
      r.height >= 2 &&
      el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) &&
      !el.closest("[aria-hidden='true']")
    );
  };
  // Inside a box that scrolls or clips sideways, being wider than the screen is that box's business.
  const clipped = (el: Element) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const overflow = getComputedStyle(p).overflowX;
      if (overflow !== "visible") return true;
    }
    return false;
  };
  const outside: string[] = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (!shown(el) || clipped(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > viewport + 1 || r.left < -1)
      outside.push(`${describe(el)} (${Math.round(r.left)}…${Math.round(r.right)})`);
  }
  const covered: string[] = [];
  for (const link of document.querySelectorAll("a[href]")) {
    if (!shown(link)) continue;
    link.scrollIntoView({ block: "center", inline: "center" });
    // A link that wraps, or mixes right-to-left words with Latin ones, is laid out in several boxes: it is pressed on
    // the widest of them, not in the middle of the box around them all, which may be outside the words.
    const r = [...link.getClientRects()].reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(hit === link || link.contains(hit)))
      covered.push(`${describe(link)} under ${hit ? describe(hit) : "nothing"}`);
  }
  window.scrollTo(0, 0);
  const small: string[] = [];
  const targets = document.querySelectorAll(
    "button, select, a.button, label.button, .sidebar a, input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=hidden])",
  );
  for (const el of targets) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.height < 43.5 || r.width < 43.5)
      small.push(`${describe(el)} ${Math.round(r.width)}×${Math.round(r.height)} px`);
  }
  return { viewport, document: document.documentElement.scrollWidth, outside, covered, small };
}

beforeAll(async () => {
  browser = await launchBrowser();
  records = await demoRecords((await phoneFor("dma@demo.test", "en")).request, baseUrl);
});
afterAll(() => browser?.close());

describe.concurrent.each(LOCALES)("phones in %s", (language) => {
  it.each(EVERY_PAGE)("$path fits a phone", async ({ path: route, as }) => {
    const page = await phoneFor(as, language);
    const url = pageUrl(baseUrl, route, records);
    expect((await page.goto(url))?.status(), url).toBe(200);
    await page.waitForLoadState("networkidle");
    for (const phone of PHONES) {
      await page.setViewportSize(phone);
      // Charts and maps follow the new width on the next frames.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const fit = await page.evaluate(measureFit);
      if (phone === PHONES[0]) {
        fs.mkdirSync(path.join(SCREENS, language), { recursive: true });
        await page.screenshot({ path: path.join(SCREENS, language, `${screenName(route)}.png`), fullPage: true });
      }
      const at = `${route} at ${phone.width}×${phone.height} in ${language}`;
      expect({ at, wider: fit.document > fit.viewport, outside: fit.outside.slice(0, 5) }).toEqual({
        at,
        wider: false,
        outside: [],
      });
      expect({ at, covered: fit.covered }).toEqual({ at, covered: [] });
      expect({ at, small: fit.small }).toEqual({ at, small: [] });
    }
    // And a laptop's screen, where wide tables had been cut off at the right.
    await page.setViewportSize(LAPTOP);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const fit = await page.evaluate(measureFit);
    const at = `${route} at ${LAPTOP.width}×${LAPTOP.height} in ${language}`;
    expect({ at, wider: fit.document > fit.viewport, outside: fit.outside.slice(0, 5), covered: fit.covered }).toEqual({
      at,
      wider: false,
      outside: [],
      covered: [],
    });
    await page.close();
  });
});

describe("the menu on a phone", () => {
  it.each(LOCALES)(
    "folds behind its button, opens, takes the reader to a page and folds again (%s)",
    async (language) => {
      const page = await phoneFor("partner@demo.test", language);
      await page.goto(`${baseUrl}/`);
      const button = page.locator(".menu-button");
      const nav = page.locator("#app-menu nav");
      await expect.poll(() => button.getAttribute("aria-expanded")).toBe("false");
      expect(await nav.isVisible()).toBe(false);
      await button.tap();
      await expect.poll(() => nav.isVisible()).toBe(true);
      await nav.locator('a[href="/tasks"]').tap();
      await page.waitForURL(`${baseUrl}/tasks`);
      await expect.poll(() => nav.isVisible()).toBe(false);
      await page.close();
    },
  );
});

describe("the report form on a phone, filled in", () => {
  const words = { en, ar, ckb };
  it.each(LOCALES)("still fits once its polygon is read and a device row is added (%s)", async (language) => {
    const m = words[language];
    const page = await phoneFor("partner@demo.test", language);
    const { taskId, bounds } = await demoTask(page, baseUrl);
    await page.goto(`${baseUrl}/tasks/${taskId}/reports/new`);
    await page.getByLabel(m.geometryInput.type).check();
    await page.getByLabel(m.geometryInput.typed).fill(typedBox(bounds, [0.85, 0.95], [0.45, 0.55]));
    await page.getByTestId("preview-counted").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: m.reportForm.addDevice }).click();
    for (const phone of PHONES) {
      await page.setViewportSize(phone);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const fit = await page.evaluate(measureFit);
      const at = `the filled report form at ${phone.width} px in ${language}`;
      expect({ at, wider: fit.document > fit.viewport, outside: fit.outside }).toEqual({
        at,
        wider: false,
        outside: [],
      });
    }
    await page.close();
  });
});
