// Land-release accounting: a square metre is counted once, and only inside
// the hazardous area it was reported against.
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
  countedGeometry: Areal | null;
  /** The hazardous area's released geometry once this report is approved. */
  releasedAfter: Areal | null;
};

/**
 * Accounts one land-release report against its hazardous area and what
 * approved reports had already released there. Invariant:
 * submitted = outside + alreadyReleased + counted (to floating-point rounding).
 */
export function accountRelease(input: {
  submitted: Areal;
  hazard: Areal;
  released: Areal | null;
}): ReleaseAccount {
  const submittedAreaM2 = geodesicAreaM2(input.submitted);
  const inside = intersection(input.submitted, input.hazard);
  const insideM2 = inside ? geodesicAreaM2(inside) : 0;
  const counted = inside && input.released ? difference(inside, input.released) : inside;
  const countedAreaM2 = counted ? geodesicAreaM2(counted) : 0;
  const releasedAfter = counted ? (input.released ? union(input.released, counted) : counted) : input.released;
  return {
    submittedAreaM2,
    outsideHazardM2: Math.max(0, submittedAreaM2 - insideM2),
    alreadyReleasedM2: Math.max(0, insideM2 - countedAreaM2),
    countedAreaM2,
    countedGeometry: counted,
    releasedAfter,
  };
}
