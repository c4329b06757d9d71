// An authority's register on one map: every area it holds, counted in
// circles at national scale; the status filter takes the unticked ones out of the count.
import { describe, expect, inject, it } from "vitest";
import type { RegisterMap } from "@/lib/domain/register-map";
import { signIn } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();
const IRAQ = "38.79,29.06,48.57,37.38";

describe("the register map", () => {
  it("shows an authority all its hazardous areas, counted at national scale, filters them by status, and opens one", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, baseUrl, "dma@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    // What the register holds for DMA, each area with its status, as the API gives it close up.
    const close = (await (
      await page.request.get(`${baseUrl}/api/hazard-areas/map?bbox=${IRAQ}&zoom=10`)
    ).json()) as RegisterMap;
    expect(close.level).toBe("areas");
    const drawn = close.level === "areas" ? close.features : [];
    const all = drawn.length;
    const open = drawn.filter((f) => f.properties.status === "open").length;
    expect(all).toBeGreaterThan(open);
    expect(open).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/hazard-areas`);
    await page.getByRole("link", { name: "Map of the register" }).click();
    await page.waitForURL(`${baseUrl}/hazard-areas/map`);
    await page.locator('.map[data-ready="true"]').waitFor({ timeout: 30_000 });
    const status = page.getByTestId("register-map-status");
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toBe(`${all} hazardous areas in view, counted in circles: zoom in to a district to see each.`);
    await page.getByLabel("Hazardous area, nothing released").uncheck();
    await expect
      .poll(() => status.textContent())
      .toBe(`${all - open} hazardous areas in view, counted in circles: zoom in to a district to see each.`);

    // An area opens from the register's list: what it is, and its released land, which its reports add up to.
    await page.goto(`${baseUrl}/hazard-areas`);
    await page.getByRole("link", { name: "DEMO-NIN-001" }).click();
    await page.getByRole("heading", { level: 1, name: /DEMO-NIN-001/ }).waitFor();
    const released = await page.getByTestId("released-m2").textContent();
    expect(released).not.toBe("0 m²");
    expect(await page.getByTestId("released-total").textContent()).toBe(released);
    expect(await page.getByRole("link", { name: "DEMO-TASK-001" }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
