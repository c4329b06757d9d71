import { programmeDay } from "@/lib/domain/calendar";
import { COUNTS_NOTHING_BELOW_M2, dayOfDate, type ReviewWarning, reviewWarnings } from "@/lib/domain/report-review";
import { GeometryError } from "@/lib/geo/errors";
import { CommandError } from "@/lib/server/command-error";
import { runGeometry } from "@/lib/server/geometry-pool";
import type { Db } from "@/lib/server/prisma";
import { accountIfApprovedNow, asAreal } from "./land-release";

/** Beyond this many other reports under review in one area, the overlap check looks at the oldest only. */
const UNDER_REVIEW_CHECKED = 200;

type ReportUnderReview = Parameters<typeof accountIfApprovedNow>[1] & {
  id: string;
  periodStart: Date;
  periodEnd: Date;
};

/** A report another one's warning names, as the reviewer is shown it. */
export type NamedReport = { id: string; submittedAt: Date; partner: string; sourceReference: string | null };

/**
 * What the review page says before an approval: what approving now would
 * count (the approval's own accounting, in the geometry pool) and the
 * warnings on it, with the reports they name. Only for the reviewer: it names
 * other partners' reports under review. `sharedUnchecked` when the overlap
 * check did not finish (the pool busy, the shapes too complex): the page says
 * so rather than fail.
 */
export async function reviewOfReport(db: Db, report: ReportUnderReview, now: Date = new Date()) {
  const area = await db.hazardArea.findUniqueOrThrow({
    where: { id: report.hazardArea.id },
    select: { createdAt: true, informationDate: true },
  });
  const account = await accountIfApprovedNow(db, report);
  const shared = await sharedLand(db, report, account);
  const periodFacts = {
    periodStart: dayOfDate(report.periodStart),
    periodEnd: dayOfDate(report.periodEnd),
    registeredOn: area.informationDate ? dayOfDate(area.informationDate) : programmeDay(area.createdAt),
    today: programmeDay(now),
  };
  // A correction whose report was replaced meanwhile cannot be approved: no figures to warn on, only its period.
  const noFigures = { submittedAreaM2: 1, outsideHazardM2: 0, alreadyReleasedM2: 0, countedAreaM2: 1 };
  const warnings = reviewWarnings({
    account: account ?? noFigures,
    releasedBy: shared.releasedBy,
    underReview: shared.underReview,
    ...periodFacts,
  });
  const ids = [...shared.releasedBy, ...shared.underReview].map((s) => s.id);
  const named = ids.length
    ? await db.landReleaseReport.findMany({
        where: { id: { in: ids } },
        select: { id: true, submittedAt: true, sourceReference: true, partner: { select: { name: true } } },
      })
    : [];
  const reports = new Map<string, NamedReport>(named.map((r) => [r.id, { ...r, partner: r.partner.name }]));
  return { account, warnings, reports, sharedUnchecked: shared.unchecked };
}

/** The land this report shares with approved reports (only when it would count nothing) and with others under review. */
async function sharedLand(
  db: Db,
  report: ReportUnderReview,
  account: Awaited<ReturnType<typeof accountIfApprovedNow>>,
) {
  const whoReleased =
    account !== null &&
    account.countedAreaM2 < COUNTS_NOTHING_BELOW_M2 &&
    account.alreadyReleasedM2 >= COUNTS_NOTHING_BELOW_M2;
  const [approved, underReview] = await Promise.all([
    whoReleased
      ? db.landReleaseReport.findMany({
          // A reopening's land is land taken back, not land some report released.
          where: { hazardAreaId: report.hazardArea.id, status: "APPROVED", kind: "RELEASE" },
          select: { id: true, countedGeometry: true },
        })
      : [],
    db.landReleaseReport.findMany({
      where: { hazardAreaId: report.hazardArea.id, status: "SUBMITTED", id: { not: report.id } },
      orderBy: { submittedAt: "asc" },
      take: UNDER_REVIEW_CHECKED,
      select: { id: true, submittedGeometry: true },
    }),
  ]);
  const none = { releasedBy: [], underReview: [], unchecked: false };
  if (!approved.length && !underReview.length) return none;
  try {
    const area = {
      hazard: asAreal(report.hazardArea.geometry)!,
      released: asAreal(report.hazardArea.releasedGeometry),
    };
    const found = await runGeometry("sharedWithReports", asAreal(report.submittedGeometry)!, area, {
      approved: approved.flatMap((r) =>
        r.countedGeometry ? [{ id: r.id, geometry: asAreal(r.countedGeometry)! }] : [],
      ),
      underReview: underReview.map((r) => ({ id: r.id, geometry: asAreal(r.submittedGeometry)! })),
    });
    return { ...found, unchecked: false };
  } catch (err) {
    if (didNotRun(err)) return { ...none, unchecked: true };
    throw err;
  }
}

/** A geometry job the pool refused (busy) or stopped (too complex): said on the page; any other error is a fault. */
const didNotRun = (err: unknown) =>
  err instanceof GeometryError || (err instanceof CommandError && err.code === "unavailable");

export type ReviewOfReport = Awaited<ReturnType<typeof reviewOfReport>>;
export type { ReviewWarning };

/**
 * What approving each report of a review queue's page now would count, m²,
 * in one geometry job for the page (each report as if approved first). A
 * correction, accounted against the other approved reports' polygons, keeps
 * its figure from submission (`atSubmission`), as does every report when the
 * job does not finish.
 */
export async function wouldCountNow(
  db: Db,
  rows: readonly { id: string; status: string; supersedesId: string | null; countedAreaM2: number }[],
): Promise<Map<string, { countedAreaM2: number; atSubmission: boolean }>> {
  const figures = new Map(rows.map((r) => [r.id, { countedAreaM2: r.countedAreaM2, atSubmission: true }]));
  const ids = rows.filter((r) => r.status === "SUBMITTED" && !r.supersedesId).map((r) => r.id);
  if (!ids.length) return figures;
  const reports = await db.landReleaseReport.findMany({
    where: { id: { in: ids } },
    select: { id: true, submittedGeometry: true, hazardAreaId: true },
  });
  const areas = await db.hazardArea.findMany({
    where: { id: { in: [...new Set(reports.map((r) => r.hazardAreaId))] } },
    select: { id: true, geometry: true, releasedGeometry: true },
  });
  try {
    const counted = await runGeometry(
      "accountQueuePage",
      areas.map((a) => ({
        hazard: asAreal(a.geometry)!,
        released: asAreal(a.releasedGeometry),
        reports: reports
          .filter((r) => r.hazardAreaId === a.id)
          .map((r) => ({ id: r.id, submitted: asAreal(r.submittedGeometry)! })),
      })),
    );
    for (const c of counted) figures.set(c.id, { countedAreaM2: c.countedAreaM2, atSubmission: false });
  } catch (err) {
    // The stored figures stand, marked as from submission.
    if (!didNotRun(err)) throw err;
  }
  return figures;
}
