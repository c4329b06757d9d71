// A partner works in Arabic from sign-in on: switches the language, logs a
// land-release report by typing its turning points (the keyboard's way, no
// drawing) and records a risk education session (refused first, in Arabic,
// then corrected), every label read from the Arabic catalogue; the figures show in Arabic-Indic digits; nothing breaks
// in the browser. Screenshots go to test-results/screens/arabic/.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import ar from "@/lib/i18n/messages/ar.json";
import refusalsAr from "@/lib/i18n/server-messages/ar.json";
import { launchBrowser, signIn } from "./browser";
import { demoTask, typedBox } from "./demo-task";

const baseUrl = inject("baseUrl");
const SCREENS = path.resolve(import.meta.dirname, "../test-results/screens/arabic");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  fs.mkdirSync(SCREENS, { recursive: true });
});
afterAll(() => browser?.close());

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });

async function switchLanguage(page: Page, language: string, apply: string) {
  const form = page.locator("form.language-switch");
  await form.locator('select[name="language"]').selectOption(language);
  await form.getByRole("button", { name: apply }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
  // The list names the language now read, not the one before (React reset the form to its old defaults).
  await expect.poll(() => form.locator('select[name="language"]').inputValue()).toBe(language);
}

describe("a partner working in Arabic", () => {
  it("switches to Arabic, logs a report from typed turning points and an EORE session, in Arabic-Indic digits", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on(
      "console",
      (m) => m.type() === "error" && !/Failed to load resource/.test(m.text()) && errors.push(m.text()),
    );
    await signIn(page, baseUrl, "partner@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    await switchLanguage(page, "ar", "Change language");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expect
      .poll(() =>
        page.getByRole("navigation", { name: ar.nav.label }).getByRole("link", { name: ar.nav.myTasks }).isVisible(),
      )
      .toBe(true);
    // Figures in Arabic-Indic digits, the language's usual ones.
    expect(await page.getByTestId("released-total").textContent()).toMatch(/[٠-٩]/);
    // The released-per-month axis names the same months of every year, not whichever labels happened to fit.
    const tickLabels = page
      .getByTestId("released-chart")
      .locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
    await expect.poll(() => tickLabels.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const monthTicks = await tickLabels.allTextContents();
    expect(monthTicks.length).toBeLessThanOrEqual(6);
    expect(monthTicks.every((m) => /[٠-٩]/.test(m) && !/[0-9]/.test(m))).toBe(true);
    // Its legend in the order the methods are stacked, not alphabetical in Arabic.
    expect(await page.getByTestId("released-chart").locator(".recharts-legend-item-text").allTextContents()).toEqual([
      ar.method.CANCELLED,
      ar.method.REDUCED,
      ar.method.CLEARED,
    ]);
    await shot(page, "dashboard");

    // The report: DEMO-TASK-001, a box in the middle of its hazardous area, typed point by point.
    const { taskId, bounds } = await demoTask(page, baseUrl);
    await page.goto(`${baseUrl}/tasks/${taskId}/reports/new`);
    await page.getByRole("heading", { name: ar.reportForm.title }).waitFor();
    // The map's scale bar in the page's digits too (MapLibre writes Latin ones).
    await expect
      .poll(() => page.locator(".maplibregl-ctrl-scale").textContent(), { timeout: 30_000 })
      .toMatch(/^[٠-٩٫]+\s/);
    expect(await page.locator(".maplibregl-ctrl-scale").textContent()).not.toMatch(/[0-9]/);
    // A GPS file is chosen with a button in Arabic, not the browser's English "Choose File".
    await page.getByLabel(ar.geometryInput.upload).check();
    const picker = page.locator(".file-picker");
    expect(await picker.textContent()).toContain(ar.filePicker.choose);
    expect(await picker.textContent()).toContain(ar.filePicker.none);
    await page.getByLabel(ar.geometryInput.type).check();
    // The eastern edge: the demo reports released the west and the middle.
    await page.getByLabel(ar.geometryInput.typed).fill(typedBox(bounds, [0.85, 0.95], [0.45, 0.55]));
    await page.getByTestId("preview-counted").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("preview-counted").textContent()).toMatch(/[٠-٩]/);
    expect(Number(await page.getByTestId("preview-counted").getAttribute("data-m2"))).toBeGreaterThan(0);
    await page.getByLabel(ar.reportForm.method).selectOption("reduced");
    await page.getByLabel(ar.reportForm.periodStart).fill("2026-11-01");
    await page.getByLabel(ar.reportForm.periodEnd).fill("2026-11-20");
    await shot(page, "report-form");
    await page.getByRole("button", { name: ar.reportForm.submit }).click();
    await page.waitForURL(/\/reports\/c[a-z0-9]+$/);
    expect(await page.getByTestId("report-status").textContent()).toBe(ar.reportStatus.SUBMITTED);
    await shot(page, "report");

    // The EORE session, then its figures on the dashboard.
    await page.goto(`${baseUrl}/`);
    const before = Number(await page.getByTestId("eore-beneficiaries").getAttribute("data-count"));
    await page.getByRole("link", { name: ar.nav.riskEducation }).click();
    await page.getByRole("heading", { name: ar.humanImpact.newSession }).waitFor();
    await page.getByLabel(ar.humanImpact.heldOn).fill("2026-11-18");
    await page.getByLabel(ar.humanImpact.governorate).selectOption({ label: "نينوى" });
    await page.getByLabel(ar.humanImpact.place).fill("مدرسة بعشيقة الابتدائية");
    // Nobody counted yet: the server's refusal comes in Arabic, naming what is missing.
    await page.getByRole("button", { name: ar.humanImpact.recordSession }).click();
    const refused = page.getByRole("alert").filter({ hasText: refusalsAr.sessionAttendees });
    await refused.waitFor();
    expect(await refused.textContent()).toContain(refusalsAr.sessionMalformed);
    await page.getByLabel(ar.humanImpact.women).fill("12");
    await page.getByLabel(ar.humanImpact.girls).fill("31");
    await page.getByLabel(ar.humanImpact.boys).fill("27");
    await page.getByRole("button", { name: ar.humanImpact.recordSession }).click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain(ar.humanImpact.sessionRecorded);
    await expect.poll(() => page.getByRole("cell", { name: "مدرسة بعشيقة الابتدائية" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("cell", { name: "٧٠" }).first().isVisible()).toBe(true);
    await shot(page, "risk-education");
    await page.goto(`${baseUrl}/`);
    expect(Number(await page.getByTestId("eore-beneficiaries").getAttribute("data-count"))).toBe(before + 70);

    // 31 girls was a typing slip for 30: the correction counts in its place, with why.
    await page.getByRole("link", { name: ar.nav.riskEducation }).click();
    await page
      .getByRole("row")
      .filter({ hasText: "مدرسة بعشيقة الابتدائية" })
      .getByRole("link", { name: ar.humanImpact.correct })
      .click();
    await page.getByRole("heading", { name: /مدرسة بعشيقة الابتدائية/ }).waitFor();
    expect(await page.getByLabel(ar.humanImpact.girls).inputValue()).toBe("31");
    await page.getByLabel(ar.humanImpact.girls).fill("30");
    await page.getByLabel(ar.humanImpact.correctionNote).fill("خطأ في الكتابة: ٣٠ فتاة لا ٣١");
    await page.getByRole("button", { name: ar.humanImpact.recordCorrection }).click();
    await page.waitForURL(/\/risk-education$/);
    await expect.poll(() => page.getByRole("row").filter({ hasText: "مدرسة بعشيقة الابتدائية" }).count()).toBe(1);
    expect(await page.getByRole("row").filter({ hasText: "مدرسة بعشيقة الابتدائية" }).textContent()).toContain("٦٩");
    await shot(page, "risk-education-corrected");
    await page.goto(`${baseUrl}/`);
    expect(Number(await page.getByTestId("eore-beneficiaries").getAttribute("data-count"))).toBe(before + 69);

    // Latin digits when the reader prefers them, still in Arabic.
    const form = page.locator("form.language-switch");
    await form.locator('select[name="numerals"]').selectOption("latn");
    await form.getByRole("button", { name: ar.language.apply }).click();
    await expect.poll(() => page.getByTestId("released-total").textContent()).toMatch(/^[^٠-٩]*\d/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ar");

    // Back to English, so the partner's stored language is as the other specs expect.
    await switchLanguage(page, "en", ar.language.apply);
    expect(errors).toEqual([]);
  });
});
