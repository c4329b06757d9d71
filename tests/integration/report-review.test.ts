import { describe, expect, it } from "vitest";
import { programmeDay } from "@/lib/domain/calendar";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import type { Actor } from "@/lib/server/permissions";
import { asReportSort, getReport, listReports } from "@/lib/server/queries/land-release";
import { reviewOfReport, wouldCountNow } from "@/lib/server/queries/report-review";
import { partner as newPartner, task as newTask, partlyReleasedTask } from "@/tests/factories";
import { DATABASE_KINDS, useReferenceDatabase } from "@/tests/helpers/databases";
import { strip } from "@/tests/helpers/shapes";

const DAY_MS = 86_400_000;
const today = programmeDay();
const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

describe.each(DATABASE_KINDS)("an authority's review of land-release reports on %s", (kind) => {
  const t = useReferenceDatabase(kind);
  // Each test its own 600 m × 400 m area in Ninewa, its western 60 % released by an approved report.
  let nextCentre = 0;
  const scene = () => partlyReleasedTask(t().db, [43.2 + 0.02 * nextCentre++, 36.35]);
  type Scene = Awaited<ReturnType<typeof scene>>;
  const submit = (s: Scene, from: number, to: number, period = { periodStart: today, periodEnd: today }, who?: Actor) =>
    submitLandReleaseReport(t().db, who ?? s.partner, s.task.id, {
      method: "cleared",
      clearanceDepthCm: 30,
      ...period,
      geometry: strip(s.boundary, from, to),
      devices: [],
    });
  const review = async (s: Scene, id: string, now?: Date) =>
    reviewOfReport(t().db, (await getReport(t().db, s.dma, id))!, now);
  const approvedIn = (s: Scene) =>
    t().db.landReleaseReport.findFirstOrThrow({ where: { hazardAreaId: s.hazardArea.id, status: "APPROVED" } });

  it("a report on land already released would count 0 m², and the warning names the report that released it", async () => {
    const s = await scene();
    const r = await submit(s, 0.1, 0.5);
    // Another report under review on the same released land: neither would count it, so no overlap to weigh.
    await submit(s, 0.3, 0.55);
    const { account, warnings, reports } = await review(s, r.id);
    expect(account!.countedAreaM2).toBeLessThan(0.5);
    const released = await approvedIn(s);
    expect(warnings).toEqual([
      { kind: "countsNothing", cause: "released", releasedBy: [{ id: released.id, sharedM2: expect.any(Number) }] },
    ]);
    expect(reports.get(released.id)!.partner).toBe(s.partnerOrganisation.name);
  });

  it("a polygon mostly outside its area says how much, and approval counts what the review said it would", async () => {
    const s = await scene();
    const r = await submit(s, 0.9, 1.5); // five sixths of it east of the area
    const { account, warnings } = await review(s, r.id);
    const outside = warnings.find((w) => w.kind === "mostlyOutside");
    expect(outside).toMatchObject({ kind: "mostlyOutside" });
    expect(outside?.kind === "mostlyOutside" && outside.outsideShare).toBeCloseTo(5 / 6, 2);
    expect(warnings.map((w) => w.kind)).toEqual(["mostlyOutside"]);
    const approved = await reviewLandReleaseReport(t().db, s.dma, r.id, { decision: "approve" });
    expect(approved.countedAreaM2).toBeCloseTo(account!.countedAreaM2, 6);
  });

  it("reports under review that claim the same land warn of each other, with the m² they share", async () => {
    const s = await scene();
    const a = await submit(s, 0.7, 0.9);
    const b = await submit(s, 0.8, 1.0);
    const elsewhere = await submit(s, 0.6, 0.65);
    const shared = geodesicAreaM2(strip(s.boundary, 0.8, 0.9));
    const ofA = await review(s, a.id);
    expect(ofA.warnings).toEqual([
      { kind: "overlapsUnderReview", reports: [{ id: b.id, sharedM2: expect.closeTo(shared, 0) }] },
    ]);
    expect((await review(s, b.id)).warnings).toEqual([
      { kind: "overlapsUnderReview", reports: [{ id: a.id, sharedM2: expect.closeTo(shared, 0) }] },
    ]);
    expect((await review(s, elsewhere.id)).warnings).toEqual([]);
    // Once one is decided, the other is no longer warned of it.
    await reviewLandReleaseReport(t().db, s.dma, b.id, { decision: "reject", reason: "Polygon off the lanes." });
    expect((await review(s, a.id)).warnings).toEqual([]);
  });

  it("a period ending after today in Baghdad, or starting before the area was registered, is warned of", async () => {
    const s = await scene();
    const future = await submit(s, 0.6, 0.7, { periodStart: today, periodEnd: dayAfter(today, 1) });
    expect((await review(s, future.id)).warnings).toEqual([
      { kind: "periodInFuture", periodEnd: dayAfter(today, 1), today },
    ]);
    const early = await submit(s, 0.7, 0.8, { periodStart: dayAfter(today, -1), periodEnd: today });
    expect((await review(s, early.id)).warnings).toEqual([
      { kind: "periodBeforeRegistered", periodStart: dayAfter(today, -1), registeredOn: today },
    ]);
    // Reviewed a day later, the future period is today's: no warning.
    const tomorrow = new Date(Date.now() + DAY_MS);
    expect((await review(s, future.id, tomorrow)).warnings).toEqual([]);
  });

  it("the queue shows what approval would count now, recounted after another approval took part of the land", async () => {
    const s = await scene();
    const other = (await newPartner(t().db)).actor;
    const otherTask = await newTask(t().db, s.dma, { hazardAreas: [s.hazardArea], partnerId: other.organisationId });
    const first = await submit(s, 0.6, 0.9);
    const second = await submitLandReleaseReport(t().db, other, otherTask.id, {
      method: "reduced",
      periodStart: today,
      periodEnd: today,
      geometry: strip(s.boundary, 0.8, 1.0),
      devices: [],
    });
    const atSubmission = second.countedAreaM2;
    await reviewLandReleaseReport(t().db, s.dma, first.id, { decision: "approve" });

    const { rows } = await listReports(t().db, s.dma, { status: "SUBMITTED", perPage: 50 });
    const figures = await wouldCountNow(t().db, rows);
    const now = figures.get(second.id)!;
    expect(now.atSubmission).toBe(false);
    expect(now.countedAreaM2).toBeCloseTo(geodesicAreaM2(strip(s.boundary, 0.9, 1.0)), 0);
    expect(now.countedAreaM2).toBeLessThan(atSubmission);
    const approved = await reviewLandReleaseReport(t().db, s.dma, second.id, { decision: "approve" });
    expect(approved.countedAreaM2).toBeCloseTo(now.countedAreaM2, 6);
  });

  it("a correction in the queue keeps its figure from submission, and says so", async () => {
    const s = await scene();
    const corrected = await approvedIn(s);
    const correction = await submitLandReleaseReport(t().db, s.partner, s.task.id, {
      method: "cleared",
      clearanceDepthCm: 30,
      periodStart: today,
      periodEnd: today,
      geometry: strip(s.boundary, 0, 0.7),
      devices: [],
      supersedesId: corrected.id,
    });
    const { rows } = await listReports(t().db, s.dma, { status: "SUBMITTED", perPage: 50 });
    expect((await wouldCountNow(t().db, rows)).get(correction.id)).toEqual({
      countedAreaM2: correction.countedAreaM2,
      atSubmission: true,
    });
  });

  it("the queue sorts by partner, by the m² at submission and by the longest wait, across the authority's reports", async () => {
    const s = await scene();
    await submit(s, 0.6, 0.7);
    await submit(s, 0.7, 0.95);
    const list = async (by: string, dir: string) =>
      (await listReports(t().db, s.dma, { status: "SUBMITTED", sort: asReportSort(by, dir) })).rows;
    const counted = (await list("counted", "desc")).map((r) => r.countedAreaM2);
    expect(counted).toEqual([...counted].sort((x, y) => y - x));
    const names = (await list("partner", "asc")).map((r) => r.partner.name);
    expect(names).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    const waited = (await list("submitted", "asc")).map((r) => r.submittedAt.getTime());
    expect(waited).toEqual([...waited].sort((x, y) => x - y));
    expect(asReportSort("geometry", "asc")).toBeUndefined();
  });
});
