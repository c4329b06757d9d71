import { booleanPointInPolygon, centroid, feature } from "@turf/turf";
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon } from "geojson";

export type Boundary<P extends GeoJsonProperties> = Feature<Polygon | MultiPolygon, P>;

/**
 * The boundary containing the geometry's centroid, or null when none does
 * (e.g. a site outside Iraq). A site straddling two governorates belongs to
 * the one holding its centroid.
 */
export function locate<P extends GeoJsonProperties>(
  geometry: Polygon | MultiPolygon,
  boundaries: readonly Boundary<P>[],
): Boundary<P> | null {
  const c = centroid(feature(geometry));
  return boundaries.find((b) => booleanPointInPolygon(c, b)) ?? null;
}

/** Whether the position [longitude, latitude] (WGS84 degrees) lies in the area, its edge included. */
export function areaContains(area: Polygon | MultiPolygon, position: readonly [number, number]): boolean {
  return booleanPointInPolygon([position[0], position[1]], area);
}
