import { describe, expect, it } from "vitest";
import { CONTAMINATION_TYPES } from "@/lib/schemas/hazard-area";
import { TREATY_CATEGORIES, treatyReport } from "./treaty-report";

const GOVERNORATES = [
  { pcode: "IQG11", nameEn: "Erbil", nameAr: "أربيل", nameCkb: "هەولێر", region: "KURDISTAN" as const },
  { pcode: "IQG15", nameEn: "Ninewa", nameAr: "نينوى", nameCkb: "نەینەوا", region: "FEDERAL" as const },
];

describe("treatyReport", () => {
  it("counts an area of several types in each of its columns and once in all types", () => {
    const report = treatyReport(
      [
        { pcode: "IQG15", types: ["IMPROVISED_AP_MINES", "UXO"], areas: 2, remainingM2: 300 },
        { pcode: "IQG15", types: ["IEDS"], areas: 1, remainingM2: 50 },
        { pcode: "IQG11", types: ["AP_MINES", "CLUSTER_MUNITION_REMNANTS"], areas: 1, remainingM2: 1_000 },
        // Released in full: nothing left to report.
        { pcode: "IQG11", types: ["AT_MINES"], areas: 4, remainingM2: 0 },
      ],
      GOVERNORATES,
    );
    expect(report.rows.map((r) => r.pcode)).toEqual(["IQG11", "IQG15"]);
    const ninewa = report.rows[1]!;
    expect(ninewa.antiPersonnelMines).toEqual({ areas: 2, m2: 300 });
    expect(ninewa.otherExplosiveRemnants).toEqual({ areas: 2, m2: 300 });
    expect(ninewa.improvisedDevices).toEqual({ areas: 1, m2: 50 });
    expect(ninewa.clusterMunitionRemnants).toEqual({ areas: 0, m2: 0 });
    expect(ninewa.allTypes).toEqual({ areas: 3, m2: 350 });
    expect(report.total.antiPersonnelMines).toEqual({ areas: 3, m2: 1_300 });
    expect(report.total.allTypes).toEqual({ areas: 4, m2: 1_350 });
    expect(report.total.allTypes.m2).toBe(report.rows.reduce((s, r) => s + r.allTypes.m2, 0));
  });

  it("places every contamination type the register knows in exactly one column", () => {
    const placed = Object.values(TREATY_CATEGORIES).flat();
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed].sort()).toEqual([...CONTAMINATION_TYPES].sort());
  });
});
