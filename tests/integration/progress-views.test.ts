import { describe, expect, it } from "vitest";
import { createTask } from "@/lib/server/commands/create-task";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import { drillDownWhere, getDashboard, getProgress } from "@/lib/server/queries/progress";
import { actorFor } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

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
    const devices = await t().db.deviceFound.aggregate({
      where: { report: { status: "APPROVED", periodEnd: { gte: new Date("2024-01-01") } } },
      _sum: { count: true },
    });
    expect(sum(d.devices.map((x) => x.count))).toBe(devices._sum.count);
  });

  it("the two regions make the country, and a governorate is the sum of its reports", async () => {
    const [all, federal, kurdistan] = await Promise.all([
      getProgress(t().db),
      getProgress(t().db, { region: "federal" }),
      getProgress(t().db, { region: "kurdistan" }),
    ]);
    expect(federal.releasedM2.total + kurdistan.releasedM2.total).toBeCloseTo(all.releasedM2.total, 4);
    expect(federal.byGovernorate.every((g) => g.region === "FEDERAL")).toBe(true);
    expect(federal.baselineBasis).toBe("registered-areas");
    expect(federal.releasedToDateM2 + federal.remainingM2).toBeCloseTo(federal.baselineM2, 4);
    const ninewa = await getProgress(t().db, { governorate: "IQG15" });
    const reports = await t().db.landReleaseReport.findMany({
      where: { status: "APPROVED", hazardArea: { governoratePcode: "IQG15" } },
    });
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
    const theirs = await t().db.landReleaseReport.aggregate({
      where: await drillDownWhere(t().db, { region: "kurdistan", partner: partner.key }),
      _sum: { countedAreaM2: true },
    });
    expect(theirs._sum.countedAreaM2).toBeCloseTo(partner.total, 6);
  });

  it("projects completion from the trailing 12 months and says when the rate puts it decades, or centuries, away", async () => {
    const d = await getDashboard(t().db, { to: "2025-10-31" });
    expect(d.projection.trailing12M2).toBeCloseTo(
      sum(d.monthly.filter((m) => m.month > "2024-10").map((m) => m.cancelled + m.reduced + m.cleared)),
      4,
    );
    // Counted from the end of October 2025, the view's last month: 650 km² at well under 1 km² a year ends
    // centuries away, which is said as "not by 2100", not as a year.
    expect(Math.ceil(2025 + 10 / 12 + d.remainingM2 / d.projection.trailing12M2) - 1).toBeGreaterThan(2100);
    expect(d.projection).toMatchObject({ completionYear: null, completionBeyond: true, decadesAway: true });
  });

  it("projects technical survey and clearance apart from cancellation, from the approved reports of each method", async () => {
    const d = await getDashboard(t().db, { to: "2025-10-31" });
    const { groundWork, cancellation } = d.projectionByMethod;
    const approved = async (methods: ("CANCELLED" | "REDUCED" | "CLEARED")[]) =>
      (
        await t().db.landReleaseReport.aggregate({
          where: {
            ...(await drillDownWhere(t().db, { from: "2024-11-01", to: "2025-10-31" })),
            method: { in: methods },
          },
          _sum: { countedAreaM2: true },
        })
      )._sum.countedAreaM2 ?? 0;
    expect(groundWork.trailing12M2).toBeCloseTo(await approved(["REDUCED", "CLEARED"]), 4);
    expect(cancellation.trailing12M2).toBeCloseTo(await approved(["CANCELLED"]), 4);
    expect(groundWork.trailing12M2 + cancellation.trailing12M2).toBeCloseTo(d.projection.trailing12M2, 4);
    // The whole remaining at the ground-work rate: never sooner than with cancellation counted too.
    expect(groundWork.yearsAtTrailingRate ?? Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(
      d.projection.yearsAtTrailingRate!,
    );
    // Cancellation's range is its own complete years, as the yearly series has them.
    const cancelledIn = new Map(d.yearly.map((y) => [y.year, y.cancelled]));
    for (const y of [cancellation.bestYear, cancellation.worstYear].filter((x) => x !== null))
      expect(y.releasedM2).toBeCloseTo(cancelledIn.get(y.year) ?? 0, 4);
  });

  // Last: it releases land after the demo's periods.
  it("a partner's view leaves out land other partners released in its areas, so its remaining is the land still to release there", async () => {
    const db = t().db;
    const [dma, zagros] = [await actorFor(db, "dma@demo.test"), await actorFor(db, "partner@demo.test")];
    const other = await db.organisation.findFirstOrThrow({ where: { name: { startsWith: "Two Rivers" } } });
    const user = await db.user.create({
      data: {
        email: `two-rivers-progress-${kind}@test.invalid`,
        name: "Two Rivers officer",
        passwordHash: "unusable",
        role: "PARTNER",
        organisationId: other.id,
      },
    });
    // The other partner clears a strip of the eastern, unreleased part of one of Zagros's areas (600 m × 400 m around 43.05, 36.30).
    const shared = await db.hazardArea.findUniqueOrThrow({ where: { code: "DEMO-NIN-001" } });
    const task = await createTask(db, dma, {
      title: "Shared area",
      hazardAreaIds: [shared.id],
      partnerId: other.id,
      priority: 2,
    });
    const strip = {
      type: "Polygon",
      coordinates: [
        [
          [43.052, 36.2985],
          [43.053, 36.2985],
          [43.053, 36.3015],
          [43.052, 36.3015],
          [43.052, 36.2985],
        ],
      ],
    };
    const report = await submitLandReleaseReport(
      db,
      { id: user.id, role: "PARTNER", organisationId: other.id },
      task.id,
      { method: "cleared", clearanceDepthCm: 30, periodStart: "2026-11-01", periodEnd: "2026-11-10", geometry: strip },
    );
    await reviewLandReleaseReport(db, dma, report.id, { decision: "approve" });
    expect(report.countedAreaM2).toBeGreaterThan(1_000);

    for (const partner of [zagros.organisationId, other.id]) {
      const view = await getProgress(db, { partner });
      const areas = await db.hazardArea.findMany({ where: { tasks: { some: { task: { partnerId: partner } } } } });
      expect(areas.some((a) => a.id === shared.id)).toBe(true);
      expect(view.remainingM2).toBeCloseTo(sum(areas.map((a) => a.areaM2 - a.releasedM2)), 4);
      expect(view.releasedToDateM2 + view.remainingM2).toBeCloseTo(view.baselineM2, 4);
      const own = await db.landReleaseReport.aggregate({
        where: { status: "APPROVED", partnerId: partner, periodEnd: { gte: new Date(view.baselineSource!.asOf) } },
        _sum: { countedAreaM2: true },
      });
      expect(view.releasedToDateM2).toBeCloseTo(own._sum.countedAreaM2!, 4);
    }
  });

  it("a period starting mid-month: the month's bar, the released figure and the reports behind the bar agree", async () => {
    const db = t().db;
    // Zagros clears a strip of DEMO-NIN-001's unreleased east in a period ending on the 10th; the view starts on the 11th.
    const task = await db.task.findUniqueOrThrow({ where: { code: "DEMO-TASK-001" } });
    const strip = {
      type: "Polygon",
      coordinates: [
        [
          [43.0507, 36.2985],
          [43.0515, 36.2985],
          [43.0515, 36.3015],
          [43.0507, 36.3015],
          [43.0507, 36.2985],
        ],
      ],
    };
    const report = await submitLandReleaseReport(db, await actorFor(db, "partner@demo.test"), task.id, {
      method: "cleared",
      clearanceDepthCm: 30,
      periodStart: "2026-11-01",
      periodEnd: "2026-11-10",
      geometry: strip,
    });
    await reviewLandReleaseReport(db, await actorFor(db, "dma@demo.test"), report.id, { decision: "approve" });
    expect(report.countedAreaM2).toBeGreaterThan(1_000);
    const from = "2026-11-11";
    const d = await getDashboard(db, { from, to: "2026-11-30" });
    expect(sum(d.monthly.map((m) => m.cancelled + m.reduced + m.cleared))).toBeCloseTo(d.releasedM2.total, 4);
    expect(sum(d.yearly.map((m) => m.cancelled + m.reduced + m.cleared))).toBeCloseTo(d.releasedM2.total, 4);
    const bar = d.monthly.find((m) => m.month === "2026-11")!;
    const behind = await db.landReleaseReport.aggregate({
      where: await drillDownWhere(db, { from, to: "2026-11-30", month: "2026-11" }),
      _sum: { countedAreaM2: true },
    });
    expect(bar.cancelled + bar.reduced + bar.cleared).toBeCloseTo(behind._sum.countedAreaM2 ?? 0, 4);
    expect(bar.cleared).toBeCloseTo(d.releasedM2.cleared, 4);
  });
});
