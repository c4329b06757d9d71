// A square metre belongs to one hazardous area. Land release is accounted per
// area (a report counts what is not yet released in its own area), so land
// registered in two areas would be released, and counted, twice.
// Needs the geometry engine loaded (await loadGeometryEngine()).
import { bbox } from "@turf/turf";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { type Areal, intersection } from "@/lib/geo/boolean";

/** Below this an overlap is the noise of two boundaries drawn along each other, not land. */
export const OVERLAP_TOLERANCE_M2 = 1;

export type RegisteredArea = { code: string; name: string; geometry: Areal };
export type Overlap = { code: string; name: string; overlapM2: number };

/** The registered areas a new polygon overlaps by at least the tolerance, largest overlap first. */
export function overlapsWithRegistered(candidate: Areal, registered: readonly RegisteredArea[]): Overlap[] {
  const [w, s, e, n] = bbox(candidate);
  const found: Overlap[] = [];
  for (const r of registered) {
    const [rw, rs, re, rn] = bbox(r.geometry);
    if (rw > e || w > re || rs > n || s > rn) continue;
    const common = intersection(candidate, r.geometry);
    const overlapM2 = common ? geodesicAreaM2(common) : 0;
    if (overlapM2 >= OVERLAP_TOLERANCE_M2) found.push({ code: r.code, name: r.name, overlapM2 });
  }
  return found.sort((a, b) => b.overlapM2 - a.overlapM2);
}
