// Ground context on the drawing map, in Chromium, as a field officer uses it
// on the report form: typing an MGRS or a UTM coordinate centres the map
// there (to the metre, against PROJ's values in the committed reference
// table), a reference that cannot be read says why, the readout under the
// mouse gives the point's coordinates, and towns are named at field scale.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { distanceM } from "@/lib/geo/read/features";
import en from "@/lib/i18n/messages/en.json";
import { signIn } from "./browser";
import { demoTask } from "./demo-task";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();

type Reference = { name: string; lonDeg: number; latDeg: number; zone: number; eastingM: number; northingM: number };
const REFERENCE = (
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, "../tests/fixtures/geo/coordinates/reference.json"), "utf8"),
  ) as { points: (Reference & { mgrs: string })[] }
).points;
const point = (name: string) => REFERENCE.find((p) => p.name === name)!;

async function reportForm(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  await signIn(page, baseUrl, "partner@demo.test");
  await page.waitForURL(`${baseUrl}/`);
  const { taskId } = await demoTask(page, baseUrl);
  await page.goto(`${baseUrl}/tasks/${taskId}/reports/new`);
  await page.locator(".map[data-ready=true]").waitFor({ timeout: 30_000 });
  return page;
}

/** The map's centre as MapLibre reports it after the view has settled. */
async function centre(page: Page): Promise<[number, number]> {
  const text = await page.locator(".map").getAttribute("data-centre");
  const [lon, lat] = text!.split(",").map(Number);
  return [lon!, lat!];
}

async function goTo(page: Page, text: string) {
  await page.getByLabel(en.map.gotoLabel).fill(text);
  await page.getByLabel(en.map.gotoLabel).press("Enter");
}

describe("go to coordinates and the coordinate readout on the drawing map", () => {
  it("centres on an MGRS and a UTM coordinate to the metre, refuses a bad one saying why, reads out the pointer and names towns", async () => {
    const page = await reportForm();

    // MGRS at Zakho: the map centres on the reference's metre square; the town is named at field scale.
    const zakho = point("Zakho");
    await goTo(page, zakho.mgrs);
    await expect.poll(async () => distanceM(await centre(page), [zakho.lonDeg, zakho.latDeg])).toBeLessThan(1);
    expect(Number(await page.locator(".map").getAttribute("data-zoom"))).toBeGreaterThanOrEqual(15);
    await page.locator('.map-place[data-place="Zaxo"]').waitFor({ state: "visible" });
    expect(await page.getByTestId("readout-nearest").textContent()).toMatch(/^Zaxo, \d+(\.\d)? km to the /);
    // Enter in the box moved the map and did not submit the report around it.
    expect(page.url()).toMatch(/\/reports\/new$/);

    // UTM at Fao, in zone 39N east of 48°E.
    const fao = point("Fao");
    await goTo(page, `39N ${Math.round(fao.eastingM)} ${Math.round(fao.northingM)}`);
    await expect.poll(async () => distanceM(await centre(page), [fao.lonDeg, fao.latDeg])).toBeLessThan(1);

    // An uneven MGRS reference: the map stays where it was and the message names the digit counts.
    const before = await centre(page);
    await goTo(page, "38S MB 1234 567");
    expect(await page.getByTestId("goto-error").textContent()).toBe(
      en.map.goto.mgrsDigits
        .replace("{reference}", "38S MB 1234 567")
        .replace("{easting}", "4")
        .replace("{northing}", "3"),
    );
    expect(await centre(page)).toEqual(before);

    // The readout under the mouse, at zoom 18 (0.5 m a pixel), over the map's centre set to a known UTM point.
    const baghdad = point("Baghdad");
    const [e, n] = [Math.round(baghdad.eastingM), Math.round(baghdad.northingM)];
    await goTo(page, `38N ${e} ${n}`);
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: en.map.zoomIn }).click();
    await expect.poll(async () => Number(await page.locator(".map").getAttribute("data-zoom"))).toBeGreaterThan(17.99);
    const box = (await page.locator(".map canvas").first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(() => page.getByTestId("coordinate-readout").locator("h3").textContent())
      .toBe(en.map.readoutPointer);
    const [zone, easting, northing] = (await page.getByTestId("readout-utm").textContent())!.split(" ");
    expect(zone).toBe("38N");
    expect(Math.abs(Number(easting) - e)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(northing) - n)).toBeLessThanOrEqual(1);
    const mgrs = (await page.getByTestId("readout-mgrs").textContent())!.split(" ");
    expect(mgrs.slice(0, 2)).toEqual(["38S", "MB"]);
    expect(Math.abs(Number(mgrs[2]) - (e % 100_000))).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(mgrs[3]) - (n % 100_000))).toBeLessThanOrEqual(1);
    const latLon = /^([\d.]+)°N ([\d.]+)°E$/.exec((await page.getByTestId("readout-latlon").textContent())!)!;
    expect(distanceM([Number(latLon[2]), Number(latLon[1])], [baghdad.lonDeg, baghdad.latDeg])).toBeLessThan(1.5);
  });
});
