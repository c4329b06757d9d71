// Land-release accounting: a square metre is counted once, and only inside
// the hazardous area it was reported against. Needs the geometry engine
// loaded (await loadGeometryEngine()).
import { geodesicAreaM2 } from "@/lib/geo/area";
import { type Areal, covers, difference, intersection, union, unionAll } from "@/lib/geo/boolean";

export type ReleaseMethod = "CANCELLED" | "REDUCED" | "CLEARED";

export type ReleaseAccount = {
  /** Area of the polygon as submitted, m². */
  submittedAreaM2: number;
  /** Part of the submission outside the hazardous area, m² (reported, not counted). */
  outsideHazardM2: number;
  /** Part inside the hazardous area that approved reports had already released, m². */
  alreadyReleasedM2: number;
  /** What this report adds to land released: area((submitted ∩ hazard) − released), m². */
  countedAreaM2: number;
  /** submitted ∩ hazard: what the hazardous area's released land grows by on approval. */
  insideGeometry: Areal | null;
};

/**
 * Accounts one land-release report against its hazardous area and the land
 * approved reports had already released there (kept per hazardous area, so
 * this is incremental rather than a union of all history).
 * counted = inside − already, with already = area(inside ∩ released): one
 * overlay fewer vertices than building inside − released, which is only
 * needed for display (countedGeometry).
 * Invariant: submitted = outside + alreadyReleased + counted; each ≥ 0.
 */
export function accountRelease(input: { submitted: Areal; hazard: Areal; released: Areal | null }): ReleaseAccount {
  const submittedAreaM2 = geodesicAreaM2(input.submitted);
  const wholly = covers(input.hazard, input.submitted);
  const inside = wholly ? input.submitted : intersection(input.submitted, input.hazard);
  const insideM2 = wholly ? submittedAreaM2 : inside ? geodesicAreaM2(inside) : 0;
  const already = inside && input.released ? intersection(inside, input.released) : null;
  // Clamped: slivers can measure ±1e-6 m² after rounding.
  const alreadyReleasedM2 = already ? Math.min(insideM2, Math.max(0, geodesicAreaM2(already))) : 0;
  return {
    submittedAreaM2,
    outsideHazardM2: Math.max(0, submittedAreaM2 - insideM2),
    alreadyReleasedM2,
    countedAreaM2: insideM2 - alreadyReleasedM2,
    insideGeometry: inside,
  };
}

/**
 * A hazardous area's released land once a report is approved: what was
 * released plus the report's part inside the hazardous area.
 */
export function releasedAfterApproval(released: Areal | null, inside: Areal | null): Areal | null {
  if (!inside) return released;
  if (!released) return inside;
  return union(released, inside);
}

/** The land a report counted, (submitted ∩ hazard) − released, for maps and records. */
export function countedGeometry(inside: Areal | null, released: Areal | null): Areal | null {
  if (!inside) return null;
  return released ? difference(inside, released) : inside;
}

export type CorrectionAccount = ReleaseAccount & {
  /** The hazardous area's released land once the correction is approved. */
  releasedAfter: Areal | null;
  /** The correction's piece of that land; with the other reports' pieces it tiles releasedAfter. */
  countedGeometry: Areal | null;
  /**
   * Land other approved reports released that only the superseded report had
   * counted (it was approved first); it passes to the correction, so the
   * counted areas of the reports in force still add up to the released total.
   */
  reinstatedM2: number;
};

/**
 * Accounts a correction that replaces an approved report. The land the other
 * approved reports released is rebuilt from their polygons (the superseded
 * report may have counted part of it first); the correction counts what the
 * released land then holds beyond the other reports' counted pieces:
 *   others   = (∪ others' submitted) ∩ hazard
 *   after    = others ∪ (submitted ∩ hazard)
 *   counted  = after − (releasedBefore − supersededCounted)
 * Invariant: submitted + reinstated = outside + alreadyReleased + counted.
 */
export function accountCorrection(input: {
  submitted: Areal;
  hazard: Areal;
  othersSubmitted: readonly Areal[];
  releasedBefore: Areal | null;
  supersededCounted: Areal | null;
}): CorrectionAccount {
  const othersAll = input.othersSubmitted.length ? unionAll(input.othersSubmitted) : null;
  const others = othersAll ? intersection(othersAll, input.hazard) : null;
  const own = accountRelease({ submitted: input.submitted, hazard: input.hazard, released: others });
  const releasedAfter = releasedAfterApproval(others, own.insideGeometry);
  const othersCounted =
    input.releasedBefore && input.supersededCounted
      ? difference(input.releasedBefore, input.supersededCounted)
      : input.releasedBefore;
  const counted = releasedAfter ? (othersCounted ? difference(releasedAfter, othersCounted) : releasedAfter) : null;
  const countedAreaM2 = counted ? Math.max(0, geodesicAreaM2(counted)) : 0;
  return {
    ...own,
    countedAreaM2,
    releasedAfter,
    countedGeometry: counted,
    reinstatedM2: Math.max(0, countedAreaM2 - own.countedAreaM2),
  };
}

/** A past release's account at import: approved as it is committed, so its counted land is kept too. */
export type ImportedReleaseAccount = Omit<ReleaseAccount, "insideGeometry"> & { row: number; counted: Areal | null };

/**
 * Past releases in one hazardous area, accounted one after another in the
 * order given (oldest first) as successive approvals would be: each counts
 * only what the area's released land and the earlier rows had not released,
 * so every m² counts once, on the day it was first released.
 */
export function accountImportedReleases(area: {
  hazard: Areal;
  released: Areal | null;
  rows: readonly { row: number; geometry: Areal }[];
}): { accounts: ImportedReleaseAccount[]; releasedAfter: Areal | null } {
  let released = area.released;
  const accounts = area.rows.map(({ row, geometry }) => {
    const { insideGeometry, ...account } = accountRelease({ submitted: geometry, hazard: area.hazard, released });
    const counted = countedGeometry(insideGeometry, released);
    released = releasedAfterApproval(released, insideGeometry);
    return { row, ...account, counted };
  });
  return { accounts, releasedAfter: released };
}

/**
 * An area's released land once the land some imported releases counted is
 * taken back: what they counted had not been released before them, so the
 * difference is the land released without them.
 */
export function releasedWithout(released: Areal | null, counted: readonly Areal[]): Areal | null {
  if (!released || !counted.length) return released;
  return difference(released, unionAll(counted));
}
