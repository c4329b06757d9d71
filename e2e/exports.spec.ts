// A partner exports its reports from the browser as CSV, XLSX and GeoJSON;
// the files are read back and their totals checked against the dashboard
// for the same view.
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { readSheet } from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { launchBrowser, signIn } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true })).newPage();
  await signIn(page, baseUrl, "partner@demo.test");
  await page.waitForURL(`${baseUrl}/`);
});
afterAll(() => browser?.close());

/** Clicks an export button and returns the saved file's name and bytes. */
async function exportFile(label: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: label }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe("exports for a partner", () => {
  it("exports its approved reports as CSV, XLSX and GeoJSON, each adding up to the dashboard's released figure", async () => {
    await page.getByRole("link", { name: "Exports" }).click();
    await page.waitForURL(`${baseUrl}/exports`);
    // A partner's exports start from its own work: the partner filter is its organisation.
    const partner = await page.getByLabel("Implementing partner").inputValue();
    expect(partner).not.toBe("");
    await page.getByLabel("Region").selectOption("kurdistan");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/region=kurdistan/);

    const csv = await exportFile("Land-release reports: CSV");
    // Named after the partner, not its database id.
    expect(csv.name).toMatch(/^reports_approved_kurdistan_partner-ZCL-demo_as-of_\d{4}-\d{2}-\d{2}\.csv$/);
    await page.getByTestId("export-saved").waitFor();
    const rows = Papa.parse<Record<string, string>>(csv.bytes.toString("utf8").replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.partner)).size).toBe(1);
    const csvTotal = sum(rows.map((r) => Number(r.countedAreaM2)));

    const xlsx = await exportFile("Land-release reports: Excel (XLSX)");
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const sheet = await readSheet(xlsx.bytes);
    // The workbook is for a person: its columns are named in the reader's language, with the unit.
    const counted = sheet[0]!.indexOf("Counted area (m²)");
    expect(counted).toBeGreaterThanOrEqual(0);
    const xlsxTotal = sum(sheet.slice(1).map((r) => r[counted] as number));

    const geojson = await exportFile("Released land: GeoJSON");
    const collection = JSON.parse(geojson.bytes.toString("utf8")) as GeoJSON.FeatureCollection<
      GeoJSON.Polygon | GeoJSON.MultiPolygon,
      { counted_m2: number }
    >;
    const geojsonTotal = sum(collection.features.map((f) => f.properties.counted_m2));
    const measured = sum(collection.features.map((f) => geodesicAreaM2(f.geometry)));

    // The dashboard for the same view, opened from the exports page.
    await page.getByRole("link", { name: "The same view on the dashboard" }).click();
    await page.waitForURL(/\/\?region=kurdistan/);
    const dashboard = Number(await page.getByTestId("released-total").getAttribute("data-m2"));
    expect(dashboard).toBeGreaterThan(0);
    expect(csvTotal).toBeCloseTo(dashboard, 4);
    expect(xlsxTotal).toBeCloseTo(dashboard, 4);
    expect(geojsonTotal).toBeCloseTo(dashboard, 4);
    expect(Math.abs(measured / dashboard - 1)).toBeLessThan(1e-6);
  });

  it("cannot export another organisation's grants", async () => {
    const res = await page.request.get(`${baseUrl}/api/exports/grants.csv`);
    expect(res.status()).toBe(403);
    await page.goto(`${baseUrl}/exports`);
    expect(await page.getByRole("button", { name: "Grants: CSV" }).count()).toBe(0);
  });
});
