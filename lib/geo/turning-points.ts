import type { MultiPolygon, Polygon } from "geojson";

/** Turning points of an area's outer boundaries, numbered by part and point, as a completion certificate lists them. */
export function turningPoints(
  geometry: Polygon | MultiPolygon | null,
): { part: number; point: number; lon: number; lat: number }[] {
  if (!geometry) return [];
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((rings, part) =>
    rings[0]!.slice(0, -1).map(([lon, lat], point) => ({ part: part + 1, point: point + 1, lon: lon!, lat: lat! })),
  );
}
