// A donor's view in Chromium: the burn-down and the funding chart, filtered
// by year and region, the URL reproducing the view, and a figure traced to
// the reports behind it.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signIn } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();

async function donor(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await signIn(page, baseUrl, "donor@demo.test");
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

const m2 = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute("data-m2"));

describe("dashboards for a donor", () => {
  it("filters progress by region and year; the URL reproduces the view; a figure opens the reports behind it", async () => {
    const page = await donor();
    await page.getByTestId("burn-down-chart").locator("svg path").first().waitFor();
    expect(await page.getByTestId("projection").textContent()).toMatch(/\d{4}|never/);
    // Work on the ground is projected on its own; cancellation is said apart, not counted in it.
    expect(await page.getByTestId("projection").textContent()).toMatch(
      /^(At the last 12 months' rate of technical survey and clearance|No land was reduced by technical survey)/,
    );
    expect(await page.getByTestId("projection-cancellation").textContent()).toMatch(
      /^Cancellation by non-technical survey .* (is|and is) not counted in this projection\.$/,
    );
    // A governorate with no registered hazardous area has nothing to project (it said the work ends this year).
    const empty = await donor();
    await empty.goto(`${baseUrl}/?governorate=IQG17`);
    expect(await empty.getByTestId("projection").textContent()).toBe(
      "No hazardous area is registered in this view: there is nothing to project.",
    );
    // Nothing to draw: a sentence, not a bare axis of 0 m², 1 m², 2 m².
    expect(await empty.getByTestId("burn-down-chart-empty").textContent()).toContain("Nothing in this view");
    expect(await empty.locator(".recharts-surface").count()).toBe(0);
    // A period before the national estimate's date says why it counts nothing.
    await empty.goto(`${baseUrl}/?from=2018-01-01&to=2018-12-31`);
    expect(await empty.getByTestId("period-note").textContent()).toMatch(
      /^This period ends before .+ the date of the national estimate/,
    );
    expect(await empty.getByTestId("released-chart-empty").textContent()).toContain("Nothing in this view");
    await empty.close();

    await page.getByLabel("Region").selectOption("kurdistan");
    await page.getByLabel("From", { exact: true }).fill("2025-01-01");
    await page.getByLabel("To", { exact: true }).fill("2025-12-31");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/region=kurdistan/);
    const url = page.url();
    expect(url).toContain("from=2025-01-01");
    const released = await m2(page, "released-total");
    const api = (await (
      await page.request.get(`${baseUrl}/api/progress?region=kurdistan&from=2025-01-01&to=2025-12-31`)
    ).json()) as { releasedM2: { total: number } };
    expect(released).toBeCloseTo(api.releasedM2.total, 6);
    expect(released).toBeGreaterThan(0);
    expect(await m2(page, "by-governorate-total")).toBeCloseTo(released, 6);

    // Someone else opening the same address sees the same view.
    const other = await donor();
    await other.goto(url);
    expect(await m2(other, "released-total")).toBe(released);
    expect(await other.getByLabel("Region").inputValue()).toBe("kurdistan");

    // The released figure opens the approved reports that make it up.
    await other.getByTestId("released-total").click();
    await other.waitForURL(/\/reports\?/);
    expect(Number(await other.getByTestId("drill-summary").getAttribute("data-m2"))).toBeCloseTo(released, 6);
  });

  it("shows the funding chart, filtered by year and region in the URL", async () => {
    const page = await donor();
    await page.goto(`${baseUrl}/funding`);
    await page.getByTestId("donor-year-chart").locator("svg .recharts-bar-rectangle").first().waitFor();
    await page.getByLabel("Fiscal year").selectOption("2025");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/year=2025/);
    const committed = Number(await page.getByTestId("committed-total").getAttribute("data-usd"));
    const api = (await (await page.request.get(`${baseUrl}/api/funding/summary?groupBy=donor&year=2025`)).json()) as {
      totalUsd: number;
      items: { label: string }[];
    };
    expect(committed).toBe(api.totalUsd);
    expect(api.items.map((i) => i.label)).toEqual(["Demo Peace Fund (demo donor)"]); // a donor sees its own grants
    const again = await donor();
    await again.goto(page.url());
    expect(Number(await again.getByTestId("committed-total").getAttribute("data-usd"))).toBe(committed);
    // The demo grants name no region: they are placed where the tasks they fund are, and the page says so.
    await again.goto(`${baseUrl}/funding?year=2025&region=kurdistan`);
    const kurdistan = Number(await again.getByTestId("committed-total").getAttribute("data-usd"));
    const inKurdistan = (await (
      await again.request.get(`${baseUrl}/api/funding/summary?groupBy=donor&year=2025&region=kurdistan`)
    ).json()) as { totalUsd: number };
    expect(kurdistan).toBeGreaterThan(0);
    expect(kurdistan).toBe(inKurdistan.totalUsd);
    expect(await again.getByText("Region from the tasks this grant funds").count()).toBeGreaterThan(0);
    // Cost per m²: the rule beside the figures, the grant stating no split named, methods not spread evenly.
    await again.goto(`${baseUrl}/funding?year=2025`);
    expect(await again.getByTestId("attribution-rule").textContent()).toMatch(/^What counts against land: only/);
    expect(await again.getByTestId("method-rule").textContent()).toContain("not separable");
    expect(await again.getByTestId("split-not-stated").textContent()).toContain("DEMO-GRANT-2");
    const byMethod = again.getByTestId("cost-by-method");
    expect(await byMethod.locator('tr[data-key="mixed"] td').nth(2).textContent()).toBe("not separable");
    expect(await byMethod.locator("tr[data-key] td[data-per-m2='']").count()).toBeGreaterThan(0);
    // A year with none of the donor's grants stays chosen, and the page says why it is empty.
    await again.goto(`${baseUrl}/funding?year=2018`);
    expect(await again.getByLabel("Fiscal year").inputValue()).toBe("2018");
    expect(await again.getByTestId("funding-empty").textContent()).toContain(
      "None of your grants is of fiscal year 2018.",
    );
  });
});
