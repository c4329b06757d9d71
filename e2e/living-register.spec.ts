// An authority keeps its register alive from an area's page: it reclassifies
// an area after survey, splits it by a polygon uploaded from the field, and
// finds the parts carrying on with the history; the national figures do not
// move by a square metre.
import { describe, expect, inject, it } from "vitest";
import { signIn } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();

type Progress = { registeredM2: number; remainingM2: number; registeredRemainingM2: number };

// About 700 m × 550 m of farmland in Kirkuk, away from the demo's areas, and a polygon over its eastern half.
const [W, S, E, N] = [44.55, 35.25, 44.5577, 35.255];
const ring = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

describe("a living register", () => {
  it("an authority reclassifies an area and splits it, and no figure moves", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, baseUrl, "dma@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    const registered = await page.request.post(`${baseUrl}/api/hazard-areas`, {
      headers: { origin: baseUrl },
      data: {
        code: "SHA-KRK-E2E-LIFE",
        name: "E2E: farmland south of the road",
        kind: "SHA",
        contamination: ["UXO"],
        landUse: "AGRICULTURE",
        priorityRank: 2,
        geometry: { type: "Polygon", coordinates: [ring(W, S, E, N)] },
      },
    });
    expect(registered.status()).toBe(201);
    const { id } = (await registered.json()) as { id: string };
    const figures = async () => (await (await page.request.get(`${baseUrl}/api/progress`)).json()) as Progress;
    const before = await figures();

    // Survey confirms it, with improvised mines among the UXO.
    await page.goto(`${baseUrl}/hazard-areas/${id}`);
    const form = page.getByTestId("area-changes");
    await form.getByRole("combobox", { name: /^Type/ }).selectOption("CHA");
    await form.getByLabel("Improvised anti-personnel mines").check();
    await form.getByLabel("What it rests on").fill("Technical survey report TS-KRK-2026-031");
    await form.getByRole("button", { name: "Reclassify" }).click();
    const history = page.locator('[aria-label="History"]');
    await expect.poll(() => history.textContent(), { timeout: 15_000 }).toContain("Reclassified");
    expect(await history.textContent()).toContain("TS-KRK-2026-031");

    // Split by a polygon over its eastern half, uploaded as GeoJSON.
    await form.getByRole("combobox", { name: /^Change/ }).selectOption("split");
    await form.getByLabel("Upload a GPS file").check();
    await form.getByLabel("File", { exact: true }).setInputFiles({
      name: "east-half.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(
        JSON.stringify({
          type: "Polygon",
          coordinates: [ring((W + E) / 2, S - 0.001, E + 0.001, N + 0.001)],
        }),
      ),
    });
    await form.getByTestId("change-area-m2").waitFor({ timeout: 30_000 });
    await form.getByLabel("New code").first().fill("CHA-KRK-E2E-EAST");
    await form.getByLabel("New name").first().fill("E2E: farmland, east of the track");
    await form.getByLabel("New code").nth(1).fill("CHA-KRK-E2E-WEST");
    await form.getByLabel("New name").nth(1).fill("E2E: farmland, west of the track");
    await form.getByLabel("What it rests on").fill("Re-survey RS-KRK-2026-007: a track divides the area");
    await form.getByRole("button", { name: "Split" }).click();

    // On to the first part, whose history names the area it came from.
    await page.waitForURL((url) => url.pathname.startsWith("/hazard-areas/") && !url.pathname.endsWith(id), {
      timeout: 30_000,
    });
    await expect.poll(() => page.locator("h1").textContent()).toContain("CHA-KRK-E2E-EAST");
    expect(await page.getByTestId("area-status").textContent()).toBe("Active");
    await page.getByRole("link", { name: "SHA-KRK-E2E-LIFE" }).click();
    await expect.poll(() => page.getByTestId("area-status").textContent()).toBe("Superseded by a split or merge");

    const after = await figures();
    for (const key of ["registeredM2", "remainingM2", "registeredRemainingM2"] as const)
      expect(Math.abs(after[key] - before[key])).toBeLessThan(1e-6 * Math.max(1, before[key]));
    expect(errors).toEqual([]);
    await context.close();
  });
});
