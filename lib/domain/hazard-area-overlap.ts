// A square metre of contamination belongs to one hazardous area. Land release
// is accounted per area (a report counts what is not yet released in its own
// area), so land left to release in two areas would be released, and counted,
// twice. Land already released is another matter: contamination found there
// later is a new area over it (see register-changes.ts), so an overlap counts
// only where both sides still hold land to release.
// Needs the geometry engine loaded (await loadGeometryEngine()).
import { bbox } from "@turf/turf";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { type Areal, difference, intersection } from "@/lib/geo/boolean";

/** Below this an overlap is the noise of two boundaries drawn along each other, not land. */
export const OVERLAP_TOLERANCE_M2 = 1;

export type RegisteredArea = {
  id?: string;
  code: string;
  name: string;
  geometry: Areal;
  /** Its land approved as released; none given, all of it is still to release. */
  released?: Areal | null;
};
/** overlapM2: land left to release on both sides; onReleasedM2: the candidate's land the area has released. */
export type Overlap = { id?: string; code: string; name: string; overlapM2: number; onReleasedM2: number };

const areaOf = (g: Areal | null) => (g ? geodesicAreaM2(g) : 0);
const unreleased = (g: Areal, released: Areal | null | undefined) => (released ? difference(g, released) : g);

/**
 * The registered areas a polygon meets by at least the tolerance, on land
 * either still to release there or released there, largest first. `released`
 * is the candidate's own released land (a boundary revised), left out of it.
 */
export function overlapsWithRegistered(
  candidate: Areal,
  registered: readonly RegisteredArea[],
  released: Areal | null = null,
): Overlap[] {
  const [w, s, e, n] = bbox(candidate);
  const open = unreleased(candidate, released);
  const found: Overlap[] = [];
  for (const r of registered) {
    const [rw, rs, re, rn] = bbox(r.geometry);
    if (rw > e || w > re || rs > n || s > rn) continue;
    // The land shared first, then how much of it is released there: most areas a box finds share none,
    // and the shared land is small beside an area's released land, so this costs one overlay for most.
    const common = open ? intersection(open, r.geometry) : null;
    const commonM2 = areaOf(common);
    if (commonM2 < OVERLAP_TOLERANCE_M2) continue;
    const onReleasedM2 = r.released ? Math.min(commonM2, areaOf(intersection(common!, r.released))) : 0;
    const overlapM2 = commonM2 - onReleasedM2;
    if (overlapM2 >= OVERLAP_TOLERANCE_M2 || onReleasedM2 >= OVERLAP_TOLERANCE_M2)
      found.push({ ...(r.id ? { id: r.id } : {}), code: r.code, name: r.name, overlapM2, onReleasedM2 });
  }
  return found.sort((a, b) => b.overlapM2 + b.onReleasedM2 - (a.overlapM2 + a.onReleasedM2));
}

/** The overlaps that refuse a polygon: land still to release on both sides. */
export const blockingOverlaps = (found: readonly Overlap[]) => found.filter((o) => o.overlapM2 >= OVERLAP_TOLERANCE_M2);
