// Polygon boolean operations (Turf 7 / polyclip-ts) on bare geometries.
// A null result means "empty". Inputs are never mutated.
import { difference as turfDifference, featureCollection, feature, intersect as turfIntersect, union as turfUnion } from "@turf/turf";
import type { MultiPolygon, Polygon } from "geojson";

export type Areal = Polygon | MultiPolygon;

function pair(a: Areal, b: Areal) {
  return featureCollection([feature(a), feature(b)]);
}

export function intersection(a: Areal, b: Areal): Areal | null {
  return turfIntersect(pair(a, b))?.geometry ?? null;
}

/** a minus b. */
export function difference(a: Areal, b: Areal): Areal | null {
  return turfDifference(pair(a, b))?.geometry ?? null;
}

export function union(a: Areal, b: Areal): Areal | null {
  return turfUnion(pair(a, b))?.geometry ?? null;
}
