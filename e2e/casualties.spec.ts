// An authority records an accident as IMAS 13.10 asks and as far as it is known: two devices, the point where it
// happened, a deminer killed and three people of unknown sex, age and outcome; the casualties page and the dashboard
// count them without splitting the unknown. Then survivors referred to rehabilitation, linked to that accident.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import { launchBrowser, signIn } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => void (browser = await launchBrowser()));
afterAll(() => browser?.close());

describe("casualties and victim assistance", () => {
  it("records an accident with several devices, a point and unknown casualties, and survivors assisted", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, baseUrl, "dma@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    const figure = page.getByTestId("casualties-figure");
    const before = {
      total: Number(await figure.getAttribute("data-total")),
      unknown: Number(await figure.getAttribute("data-unknown")),
    };

    await page.goto(`${baseUrl}/casualties`);
    const h = en.humanImpact;
    await page.getByLabel(h.occurredOn).fill("2026-11-02");
    await page.getByLabel(h.governorate).first().selectOption({ label: "Ninewa" });
    await page.getByLabel(h.place).fill("Road to Bashiqa, km 4");
    await page.getByLabel(en.device.IED, { exact: true }).check();
    await page.getByLabel(en.device.UXO, { exact: true }).check();
    await page.getByLabel(h.longitude).fill("43.35");
    await page.getByLabel(h.latitude).fill("36.45");
    const groups = page.getByTestId("casualty-group");
    await groups.nth(0).getByLabel(h.sex).selectOption("MALE");
    await groups.nth(0).getByLabel(h.age).selectOption("ADULT");
    await groups.nth(0).getByLabel(h.status).selectOption("DEMINER");
    await groups.nth(0).getByLabel(h.count).fill("1");
    await page.getByRole("button", { name: h.addGroup }).click();
    // The second group starts unknown in every way: only the number is given.
    await groups.nth(1).getByLabel(h.count).fill("3");
    await page.getByRole("button", { name: h.recordAccident }).click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain(h.accidentRecorded);
    const row = page.getByRole("row").filter({ hasText: "Road to Bashiqa, km 4" });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(`${en.device.IED}, ${en.device.UXO}`);
    expect(await row.textContent()).toContain("43.35, 36.45");

    await page.goto(`${baseUrl}/`);
    expect(Number(await figure.getAttribute("data-total"))).toBe(before.total + 4);
    expect(Number(await figure.getAttribute("data-unknown"))).toBe(before.unknown + 3);
    const unknownRow = page.getByTestId("casualties-by-sex-age").locator('tr[data-outcome="UNKNOWN"]');
    expect(await unknownRow.locator("td").last().getAttribute("data-count")).toBe(String(before.unknown + 3));

    // Survivors referred to physical rehabilitation, linked to the accident.
    await page.goto(`${baseUrl}/casualties`);
    const va = en.victimAssistance;
    const form = page.locator("form").filter({ has: page.getByRole("heading", { name: va.newRecord }) });
    await form.getByLabel(va.periodStart).fill("2026-11-03");
    await form.getByLabel(va.periodEnd).fill("2026-11-20");
    await form.getByLabel(h.governorate).selectOption({ label: "Ninewa" });
    await form.getByLabel(va.service).selectOption("PHYSICAL_REHABILITATION");
    const accident = form.getByLabel(va.incident).locator("option", { hasText: "Road to Bashiqa, km 4" });
    await form.getByLabel(va.incident).selectOption((await accident.getAttribute("value"))!);
    await form.getByLabel(h.men, { exact: true }).fill("1");
    await form.getByLabel(va.unknown).fill("2");
    await form.getByRole("button", { name: va.record }).click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain(va.recorded);
    const rehab = page
      .getByTestId("victim-assistance-by-service")
      .locator('tr[data-service="PHYSICAL_REHABILITATION"]');
    await expect.poll(() => rehab.locator("td").last().getAttribute("data-count")).toBe("3");
    expect(errors).toEqual([]);
  });
});
