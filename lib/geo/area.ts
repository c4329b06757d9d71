// Ellipsoidal area on WGS84 with GeographicLib (Karney 2013, "Algorithms for
// geodesics"), the method PostGIS geography and ArcGIS geodesic area use.
// Turf's area() assumes a sphere and is off by −0.04 % to +0.11 % across
// Iraq's latitudes: not good enough for official figures.
// A UMD bundle: Node and bundlers expose it as the default export only.
import geographiclib from "geographiclib-geodesic";
import type { MultiPolygon, Polygon, Position } from "geojson";

const WGS84 = geographiclib.Geodesic.WGS84;

/**
 * Unsigned area of one linear ring in m². The ring may or may not repeat its
 * first position at the end; orientation does not matter.
 */
export function ringAreaM2(ring: readonly Position[]): number {
  const polygon = WGS84.Polygon(false);
  const n = ring.length > 1 && samePosition(ring[0]!, ring[ring.length - 1]!) ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) {
    const position = ring[i]!;
    polygon.AddPoint(position[1]!, position[0]!);
  }
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

/**
 * Area of a Polygon or MultiPolygon in m²: outer rings minus holes, summed
 * over parts. Parts are assumed not to overlap (normalise with a union first).
 */
export function geodesicAreaM2(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      total += i === 0 ? ringAreaM2(ring) : -ringAreaM2(ring);
    });
  }
  return total;
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
