import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { ZExportFilter } from "@/lib/schemas/export-filter";
import { registerHazardArea } from "@/lib/server/commands/register-hazard-area";
import { buildExport } from "@/lib/server/exports";
import { getDashboard } from "@/lib/server/queries/progress";
import { actorFor } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { square } from "@/tests/helpers/shapes";

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe.each(DATABASE_KINDS)("national figures reconcile with the register on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("remaining is what is left in the registered areas plus the estimate not yet registered", async () => {
    const d = await getDashboard(t().db);
    const areas = await t().db.hazardArea.findMany({ select: { areaM2: true, releasedM2: true } });
    expect(d.baselineBasis).toBe("national-record");
    expect(d.registeredM2).toBeCloseTo(sum(areas.map((a) => a.areaM2)), 4);
    expect(d.registeredRemainingM2).toBeCloseTo(sum(areas.map((a) => a.areaM2 - a.releasedM2)), 4);
    expect(sum(d.byGovernorate.map((g) => g.remainingM2))).toBeCloseTo(d.registeredRemainingM2, 4);
    expect(d.unregisteredEstimateM2).toBeGreaterThan(0);
    expect(d.registeredRemainingM2 + d.unregisteredEstimateM2).toBeCloseTo(d.remainingM2, 4);
    expect(d.releasedToDateM2 + d.remainingM2).toBeCloseTo(d.baselineM2, 4);
  });

  it("registering an area moves the registered figures by exactly its area and leaves remaining as it was", async () => {
    const before = await getDashboard(t().db);
    const dma = await actorFor(t().db, "dma@demo.test");
    const created = await registerHazardArea(t().db, dma, {
      code: "CHA-KRK-0900",
      name: "Test area, Kirkuk",
      kind: "CHA",
      contamination: ["IEDS"],
      landUse: "AGRICULTURE",
      priorityRank: 2,
      geometry: square(44.39, 35.47, 0.004),
    });
    const after = await getDashboard(t().db);
    expect(after.registeredM2 - before.registeredM2).toBeCloseTo(created.areaM2, 4);
    expect(after.registeredRemainingM2 - before.registeredRemainingM2).toBeCloseTo(created.areaM2, 4);
    expect(before.unregisteredEstimateM2 - after.unregisteredEstimateM2).toBeCloseTo(created.areaM2, 4);
    expect(after.remainingM2).toBeCloseTo(before.remainingM2, 4);
    const kirkuk = (d: typeof before) => d.byGovernorate.find((g) => g.pcode === "IQG13")?.remainingM2 ?? 0;
    expect(kirkuk(after) - kirkuk(before)).toBeCloseTo(created.areaM2, 4);
  });

  it("the Article 7 table's all-types column is the governorate table's remaining, and its export says the same", async () => {
    const d = await getDashboard(t().db, { region: "federal" });
    expect(d.treaty.rows.length).toBeGreaterThan(0);
    const remaining = new Map(d.byGovernorate.map((g) => [g.pcode, g.remainingM2]));
    for (const row of d.treaty.rows) {
      expect(row.allTypes.m2).toBeCloseTo(remaining.get(row.pcode)!, 4);
      for (const key of ["antiPersonnelMines", "improvisedDevices", "clusterMunitionRemnants"] as const) {
        expect(row[key].m2).toBeLessThanOrEqual(row.allTypes.m2 + 1e-6);
        // An area released in full (to the accounting's noise) is not one with contamination left.
        expect(row[key].areas > 0).toBe(row[key].m2 >= 0.01);
      }
    }
    expect(d.treaty.total.allTypes.m2).toBeCloseTo(d.registeredRemainingM2, 4);
    const out = await buildExport(
      t().db,
      await actorFor(t().db, "donor@demo.test"),
      "article-7.csv",
      ZExportFilter.parse({ region: "federal" }),
    );
    const csv = await new Response(out.body as ReadableStream<Uint8Array>).text();
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.governoratePcode)).toEqual(d.treaty.rows.map((r) => r.pcode));
    expect(sum(rows.map((r) => Number(r.allTypesRemainingM2)))).toBeCloseTo(d.treaty.total.allTypes.m2, 1);
    expect(sum(rows.map((r) => Number(r.antiPersonnelMinesAreas)))).toBe(d.treaty.total.antiPersonnelMines.areas);
  });
});
