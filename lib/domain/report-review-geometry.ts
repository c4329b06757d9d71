// The geometry a review needs beyond the approval's own accounting, run in the
// geometry pool: which reports a polygon shares land with, and a queue page's
// reports accounted as approving each now would. Both reuse the accounting
// and overlap functions approval and registration use.
// Needs the geometry engine loaded (await loadGeometryEngine()).
import type { Areal } from "@/lib/geo/boolean";
import { overlapsWithRegistered } from "./hazard-area-overlap";
import { accountRelease } from "./land-release";
import type { SharedLand } from "./report-review";

type ReportLand = { id: string; geometry: Areal };

const sharedWith = (submitted: Areal, reports: readonly ReportLand[]): SharedLand[] =>
  overlapsWithRegistered(
    submitted,
    reports.map((r) => ({ id: r.id, code: r.id, name: "", geometry: r.geometry })),
  ).map((o) => ({ id: o.id!, sharedM2: o.overlapM2 }));

/**
 * The land a polygon shares (at least OVERLAP_TOLERANCE_M2, largest first)
 * with the approved reports' counted land (who released it first) and with
 * the other reports under review (whose approval would count it first), m².
 */
export function sharedWithReports(
  submitted: Areal,
  others: { approved: readonly ReportLand[]; underReview: readonly ReportLand[] },
): { releasedBy: SharedLand[]; underReview: SharedLand[] } {
  return { releasedBy: sharedWith(submitted, others.approved), underReview: sharedWith(submitted, others.underReview) };
}

/**
 * What approving each report now would count, m², area by area against the
 * land released there now (each report on its own, as if approved first).
 */
export function accountQueuePage(
  areas: readonly { hazard: Areal; released: Areal | null; reports: readonly { id: string; submitted: Areal }[] }[],
): { id: string; countedAreaM2: number }[] {
  return areas.flatMap((a) =>
    a.reports.map((r) => ({
      id: r.id,
      countedAreaM2: accountRelease({ submitted: r.submitted, hazard: a.hazard, released: a.released }).countedAreaM2,
    })),
  );
}
