// The geometry a review needs beyond the approval's own accounting, run in the
// geometry pool: which reports a polygon shares land with, and a queue page's
// reports accounted as approving each now would. Both reuse the accounting
// and overlap functions approval and registration use.
// Needs the geometry engine loaded (await loadGeometryEngine()).
import { type Areal, intersection } from "@/lib/geo/boolean";
import { overlapsWithRegistered } from "./hazard-area-overlap";
import { accountRelease } from "./land-release";
import type { SharedLand } from "./report-review";

type ReportLand = { id: string; geometry: Areal };

const sharedWith = (land: Areal | null, reports: readonly ReportLand[], released: Areal | null = null): SharedLand[] =>
  land && reports.length
    ? overlapsWithRegistered(
        land,
        reports.map((r) => ({ id: r.id, code: r.id, name: "", geometry: r.geometry })),
        released,
      ).map((o) => ({ id: o.id!, sharedM2: o.overlapM2 }))
    : [];

/**
 * The land a polygon shares (at least OVERLAP_TOLERANCE_M2, largest first)
 * with the approved reports' counted land (who released it first), and with
 * the other reports under review where it matters: land inside the hazardous
 * area not yet released, which whichever is approved first counts, m².
 */
export function sharedWithReports(
  submitted: Areal,
  area: { hazard: Areal; released: Areal | null },
  others: { approved: readonly ReportLand[]; underReview: readonly ReportLand[] },
): { releasedBy: SharedLand[]; underReview: SharedLand[] } {
  const inside = others.underReview.length ? intersection(submitted, area.hazard) : null;
  return {
    releasedBy: sharedWith(submitted, others.approved),
    underReview: sharedWith(inside, others.underReview, area.released),
  };
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
