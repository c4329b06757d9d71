// The public progress page: open without signing in, approved aggregates
// only, nobody named; an authority withdraws it and publishes it again.
import { describe, expect, inject, it } from "vitest";
import { signIn } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();

describe("public progress page", () => {
  it("shows national and per-governorate figures to anyone, names no partner or user, and an authority can withdraw it", async () => {
    const visitor = await (await browser.newContext()).newPage();
    const res = await visitor.goto(`${baseUrl}/public?region=kurdistan`);
    expect(res!.status()).toBe(200);
    await visitor.getByTestId("burn-down-chart").waitFor();
    const html = await visitor.content();
    for (const name of ["Zagros", "Two Rivers", "Demo Partner Programme Officer", "Demo DMA Officer"])
      expect(html).not.toContain(name);
    // Same figures as the signed-in view of the same filter.
    const publicReleased = Number(await visitor.getByTestId("released-total").getAttribute("data-m2"));
    const rows = await visitor.getByTestId("by-governorate").locator("tbody tr").count();
    expect(rows).toBe(4); // Duhok, Erbil, Al-Sulaymaniyah, Halabja
    expect(await visitor.locator("a[href^='/reports']").count()).toBe(0);

    const dma = await (await browser.newContext()).newPage();
    await signIn(dma, baseUrl, "dma@demo.test");
    await dma.waitForURL(`${baseUrl}/`);
    const progress = (await (await dma.request.get(`${baseUrl}/api/progress?region=kurdistan`)).json()) as {
      releasedM2: { total: number };
    };
    expect(publicReleased).toBeCloseTo(progress.releasedM2.total, 6);

    await dma.getByRole("button", { name: "Withdraw it" }).click();
    await dma.getByRole("button", { name: "Publish it" }).waitFor();
    expect((await visitor.goto(`${baseUrl}/public`))!.status()).toBe(404);
    await dma.getByRole("button", { name: "Publish it" }).click();
    await dma.getByRole("button", { name: "Withdraw it" }).waitFor();
    expect((await visitor.goto(`${baseUrl}/public`))!.status()).toBe(200);
  });

  it("offers only its own views: another filter in the address opens the nearest one, whole years only", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}/public`);
    const national = await page.getByTestId("released-total").getAttribute("data-m2");
    // A two-day range, a contamination type: views the page does not offer, each of which would be computed and cached anew.
    await page.goto(`${baseUrl}/public?from=2024-01-01&to=2024-01-02&contamination=ied`);
    expect(await page.getByTestId("released-total").getAttribute("data-m2")).toBe(national);
    expect(await page.locator("input[type=date]").count()).toBe(0);
    expect(await page.getByLabel("Year").locator("option").count()).toBeGreaterThan(1);
    await page.context().close();
  });

  it("renders a reader who is not signed in so many views a minute from one address; a view already kept costs nothing", async () => {
    // From this machine, X-Forwarded-For is what a reverse proxy here says (scripts/app-server.ts): a visitor elsewhere.
    const from = (address: string, query: string) =>
      fetch(`${baseUrl}/public${query}`, { headers: { "x-forwarded-for": address } }).then((r) => r.text());
    // Addresses no one has asked for before: the pages cache keeps each apart, so each is rendered.
    const run = Date.now();
    let last = "";
    for (let i = 0; i <= 60; i++) last = await from("198.51.100.40", `?visit=${run}-${i}`);
    // The words are also in the page's message catalogue: look for them shown, and for the figures.
    expect(last).toContain('role="alert">Too many views of this page from your address');
    expect(last).not.toContain('data-testid="released-total"');
    // That refusal was for that address alone: the same view is rendered for another, and kept.
    const other = await from("198.51.100.41", `?visit=${run}-60`);
    expect(other).toContain('data-testid="released-total"');
    expect(other).not.toContain('role="alert">Too many views');
    // Now kept, it is served to the first address too: it costs no rendering.
    expect(await from("198.51.100.40", `?visit=${run}-60`)).toContain('data-testid="released-total"');
  });
});
