// Land-release accounting: a square metre is counted once, and only inside
// the hazardous area it was reported against. Needs the geometry engine
// loaded (await loadGeometryEngine()).
import { geodesicAreaM2 } from "../geo/area";
import { difference, intersection, union, type Areal } from "../geo/boolean";

export type ReleaseMethod = "CANCELLED" | "REDUCED" | "CLEARED";

export type ReleaseAccount = {
  /** Area of the polygon as submitted, m². */
  submittedAreaM2: number;
  /** Part of the submission outside the hazardous area, m² (reported, not counted). */
  outsideHazardM2: number;
  /** Part inside the hazardous area that approved reports had already released, m². */
  alreadyReleasedM2: number;
  /** What this report adds to land released: (submitted ∩ hazard) − released, m². */
  countedAreaM2: number;
  /** (submitted ∩ hazard) − released; null when nothing counts. */
  countedGeometry: Areal | null;
};

/**
 * Accounts one land-release report against its hazardous area and the land
 * approved reports had already released there (kept per hazardous area, so
 * this is incremental rather than a union of all history).
 * Invariant: submitted = outside + alreadyReleased + counted, to rounding;
 * each part ≥ 0.
 */
export function accountRelease(input: { submitted: Areal; hazard: Areal; released: Areal | null }): ReleaseAccount {
  const submittedAreaM2 = geodesicAreaM2(input.submitted);
  const inside = intersection(input.submitted, input.hazard);
  const insideM2 = inside ? geodesicAreaM2(inside) : 0;
  const countedGeometry = inside && input.released ? difference(inside, input.released) : inside;
  // Clamped: a sliver with a hole can measure −1e-6 m² after rounding.
  const countedAreaM2 = countedGeometry ? Math.min(insideM2, Math.max(0, geodesicAreaM2(countedGeometry))) : 0;
  return {
    submittedAreaM2,
    outsideHazardM2: Math.max(0, submittedAreaM2 - insideM2),
    alreadyReleasedM2: Math.max(0, insideM2 - countedAreaM2),
    countedAreaM2,
    countedGeometry,
  };
}

/**
 * A hazardous area's released land once a report is approved: what was
 * released plus what the report counted (disjoint from it by construction).
 */
export function releasedAfterApproval(released: Areal | null, counted: Areal | null): Areal | null {
  if (!counted) return released;
  if (!released) return counted;
  return union(released, counted);
}
