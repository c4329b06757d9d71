// Post-clearance inspection (IMAS 09.20): the land a failed inspection takes
// back from the releases it sampled, and the checks on the sampled area.
// Needs the geometry engine loaded (await loadGeometryEngine()).
import { geodesicAreaM2 } from "@/lib/geo/area";
import { type Areal, difference, intersection, unionAll } from "@/lib/geo/boolean";
import { MUST_BE_IN_IRAQ } from "@/lib/geo/iraq";
import { type ValidGeometry, validateAreal } from "@/lib/geo/validate";

/**
 * Pieces smaller than this (m²) are the slivers two overlays leave along a
 * shared edge, not land: a sample drawn along a release's boundary reopens nothing there.
 */
export const SLIVER_M2 = 0.01;

/** A sample may stray this far (m²) outside the task's hazardous areas: a vertex snapped on the map, not land. */
export const SAMPLE_OUTSIDE_TOLERANCE_M2 = 1;

export type SampledRelease = {
  id: string;
  hazardAreaId: string;
  /** The land the approved release counted, as fixed at its approval. */
  counted: Areal | null;
  /** The land earlier failed inspections already took back from it. */
  reopened: readonly Areal[];
};

export type Reopening = {
  releaseId: string;
  hazardAreaId: string;
  /** The land taken back: (counted − already reopened) ∩ sample. */
  geometry: Areal;
  /** Its ellipsoidal area, m² (> 0); the reopening entry counts minus this. */
  areaM2: number;
};

/**
 * The land a failed inspection reopens: for each release, the part of its
 * counted land the sample covers that no earlier inspection reopened. The
 * counted pieces of the releases in force tile their hazardous area's
 * released land, so the reopenings never overlap each other and released
 * land drops by exactly the sum of their areas.
 */
export function reopenSampledLand(sample: Areal, releases: readonly SampledRelease[]): Reopening[] {
  return releases.flatMap((release) => {
    if (!release.counted) return [];
    const remaining = release.reopened.length
      ? difference(release.counted, unionAll(release.reopened))
      : release.counted;
    const land = remaining ? intersection(remaining, sample) : null;
    const areaM2 = land ? geodesicAreaM2(land) : 0;
    return land && areaM2 > SLIVER_M2
      ? [{ releaseId: release.id, hazardAreaId: release.hazardAreaId, geometry: land, areaM2 }]
      : [];
  });
}

/** Per hazardous area, the reopened land and its m², for the area's running released state. */
export function reopenedByArea(reopenings: readonly Reopening[]): Map<string, { land: Areal[]; areaM2: number }> {
  const byArea = new Map<string, { land: Areal[]; areaM2: number }>();
  for (const r of reopenings) {
    const entry = byArea.get(r.hazardAreaId) ?? { land: [], areaM2: 0 };
    entry.land.push(r.geometry);
    entry.areaM2 += r.areaM2;
    byArea.set(r.hazardAreaId, entry);
  }
  return byArea;
}

export type SampleCheck = ValidGeometry & {
  /** Part of the sample outside every hazardous area of the task, m². */
  outsideM2: number;
};

/**
 * The sampled area as drawn or uploaded, checked as a report's polygon is
 * (valid, in Iraq), with how much of it lies outside the task's hazardous
 * areas: an inspection samples the land the task released. Throws GeometryError.
 */
export function checkSample(input: unknown, hazards: readonly Areal[]): SampleCheck {
  const valid = validateAreal(input, { repair: false, mustOverlap: [MUST_BE_IN_IRAQ] });
  const outside = hazards.length ? difference(valid.geometry, unionAll(hazards)) : valid.geometry;
  const outsideM2 = outside ? Math.max(0, geodesicAreaM2(outside)) : 0;
  return { ...valid, outsideM2 };
}

/**
 * Whether a result contradicts what was found: an explosive item in a sample
 * of cleared land means the clearance missed it, so that inspection cannot pass.
 * (Land released by survey alone may hold items the survey was not asked to remove.)
 */
export function passWithItemsOnClearedLand(result: "PASSED" | "FAILED", itemsFound: number, cleared: boolean): boolean {
  return result === "PASSED" && itemsFound > 0 && cleared;
}
