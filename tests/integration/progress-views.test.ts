import { describe, expect, it } from "vitest";
import { drillDownWhere, getDashboard, getProgress } from "@/lib/server/queries/progress";
import { DATABASE_KINDS, useSeededDatabase } from "../helpers/databases";

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe.each(DATABASE_KINDS)("progress views on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("parts add up to the released total in every breakdown, chart and table", async () => {
    const d = await getDashboard(t().db);
    const total = d.releasedM2.total;
    expect(total).toBeGreaterThan(0);
    expect(sum(d.byGovernorate.map((g) => g.releasedM2))).toBeCloseTo(total, 4);
    expect(sum(d.byPartner.map((b) => b.total))).toBeCloseTo(total, 4);
    expect(sum(d.byLandUse.map((b) => b.total))).toBeCloseTo(total, 4);
    expect(sum(d.monthly.map((m) => m.cancelled + m.reduced + m.cleared))).toBeCloseTo(total, 4);
    expect(sum(d.yearly.map((m) => m.cancelled + m.reduced + m.cleared))).toBeCloseTo(total, 4);
    for (const m of ["cancelled", "reduced", "cleared"] as const) {
      expect(sum(d.byPartner.map((b) => b[m]))).toBeCloseTo(d.releasedM2[m], 4);
      expect(sum(d.monthly.map((x) => x[m]))).toBeCloseTo(d.releasedM2[m], 4);
    }
    expect(d.burnDown.at(-1)!.remainingM2).toBeCloseTo(d.remainingM2, 4);
    const devices = await t().db.deviceFound.aggregate({ where: { report: { status: "APPROVED", periodEnd: { gte: new Date("2024-01-01") } } }, _sum: { count: true } });
    expect(sum(d.devices.map((x) => x.count))).toBe(devices._sum.count);
  });

  it("the two regions make the country, and a governorate is the sum of its reports", async () => {
    const [all, federal, kurdistan] = await Promise.all([getProgress(t().db), getProgress(t().db, { region: "federal" }), getProgress(t().db, { region: "kurdistan" })]);
    expect(federal.releasedM2.total + kurdistan.releasedM2.total).toBeCloseTo(all.releasedM2.total, 4);
    expect(federal.byGovernorate.every((g) => g.region === "FEDERAL")).toBe(true);
    expect(federal.baselineBasis).toBe("registered-areas");
    expect(federal.releasedToDateM2 + federal.remainingM2).toBeCloseTo(federal.baselineM2, 4);
    const ninewa = await getProgress(t().db, { governorate: "IQG15" });
    const reports = await t().db.landReleaseReport.findMany({ where: { status: "APPROVED", hazardArea: { governoratePcode: "IQG15" } } });
    expect(ninewa.releasedM2.total).toBeCloseTo(sum(reports.map((r) => r.countedAreaM2)), 6);
    const areas = await t().db.hazardArea.findMany({ where: { governoratePcode: "IQG15" } });
    expect(ninewa.baselineM2).toBeCloseTo(sum(areas.map((a) => a.areaM2)), 4);
    expect(ninewa.remainingM2).toBeCloseTo(sum(areas.map((a) => a.areaM2 - a.releasedM2)), 4);
  });

  it("a period narrows what is released; remaining is measured at its end", async () => {
    const all = await getProgress(t().db);
    const in2025 = await getProgress(t().db, { from: "2025-01-01", to: "2025-12-31" });
    const by2024 = await getProgress(t().db, { to: "2024-12-31" });
    expect(in2025.releasedM2.total + by2024.releasedM2.total).toBeCloseTo(all.releasedM2.total, 4);
    expect(in2025.remainingM2).toBeCloseTo(all.remainingM2, 4); // nothing released after 2025 in the demo
    expect(by2024.remainingM2).toBeCloseTo(all.baselineM2 - by2024.releasedM2.total, 4);
    expect(in2025.monthly.every((m) => m.month >= "2025-01" && m.month <= "2025-12")).toBe(true);
  });

  it("every bar traces to the approved reports that make it up", async () => {
    const d = await getDashboard(t().db, { region: "kurdistan" });
    const bar = d.monthly.find((m) => m.cleared > 0)!;
    const where = await drillDownWhere(t().db, { region: "kurdistan", method: "cleared", month: bar.month });
    const behind = await t().db.landReleaseReport.aggregate({ where, _sum: { countedAreaM2: true }, _count: true });
    expect(behind._count).toBeGreaterThan(0);
    expect(behind._sum.countedAreaM2).toBeCloseTo(bar.cleared, 6);
    const partner = d.byPartner[0]!;
    const theirs = await t().db.landReleaseReport.aggregate({ where: await drillDownWhere(t().db, { region: "kurdistan", partner: partner.key }), _sum: { countedAreaM2: true } });
    expect(theirs._sum.countedAreaM2).toBeCloseTo(partner.total, 6);
  });

  it("projects completion from the trailing 12 months and says when the rate puts it decades away", async () => {
    const d = await getDashboard(t().db, { to: "2025-10-31" });
    expect(d.projection.trailing12M2).toBeCloseTo(sum(d.monthly.filter((m) => m.month > "2024-10").map((m) => m.cancelled + m.reduced + m.cleared)), 4);
    expect(d.projection.completionYear).toBe(2025 + Math.ceil(d.remainingM2 / d.projection.trailing12M2));
    expect(d.projection.decadesAway).toBe(true); // 650 km² at well under 1 km² a year
  });
});
