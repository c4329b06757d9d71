// Which place names the field map shows, and the nearest place to a point:
// the gazetteer (public/basemap/iraq-places.json, from GeoNames) is sparse,
// so at field scale, where no town may be in view, the nearest one and its
// distance and direction still place the area on the ground.

import { distanceM } from "@/lib/geo/read/features";

/** One row of iraq-places.json: [lonDeg, latDeg, population, rank (0 capital … 4 other), latin, ar, ckb]. */
export type PlaceRow = [number, number, number, number, string, string, string];
export type PlaceLanguage = "en" | "ar" | "ckb";

/** A place's name for a page language: Arabic script for Arabic and Sorani where the source has it, Latin otherwise. */
export function placeName(row: PlaceRow, language: PlaceLanguage): string {
  if (language === "ar") return row[5] || row[4];
  if (language === "ckb") return row[6] || row[5] || row[4];
  return row[4];
}

/**
 * The places to label in a view (bbox west, south, east, north in degrees) at
 * a zoom: governorate seats from country scale, towns over 20,000 people from
 * zoom 8, every place from zoom 10; at most `limit`, larger first (the rows
 * come sorted by rank, then population).
 */
export function placesInView(
  rows: readonly PlaceRow[],
  bbox: readonly [number, number, number, number],
  zoom: number,
  limit = 60,
): PlaceRow[] {
  const [w, s, e, n] = bbox;
  const shown = (r: PlaceRow) => (zoom >= 10 ? true : zoom >= 8 ? r[3] <= 2 || r[2] >= 20_000 : r[3] <= 1);
  return rows.filter((r) => r[0] >= w && r[0] <= e && r[1] >= s && r[1] <= n && shown(r)).slice(0, limit);
}

/** Bearing from a to b, degrees clockwise from north (0–360), on the sphere. */
export function bearingDeg(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const [lon1, lat1, lon2, lat2] = [a[0] * rad, a[1] * rad, b[0] * rad, b[1] * rad];
  const y = Math.sin(lon2 - lon1) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(lon2 - lon1);
  return (((Math.atan2(y, x) / rad) % 360) + 360) % 360;
}

export type CompassPoint = "N" | "NE" | "E" | "SE" | "S" | "SW" | "W" | "NW";
const POINTS: CompassPoint[] = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];

/** The nearest place to a point, its distance (m) and which way it lies from the point. */
export function nearestPlace(
  rows: readonly PlaceRow[],
  lonDeg: number,
  latDeg: number,
): { row: PlaceRow; distanceM: number; direction: CompassPoint } | null {
  let best: { row: PlaceRow; distanceM: number } | null = null;
  for (const row of rows) {
    const d = distanceM([lonDeg, latDeg], [row[0], row[1]]);
    if (!best || d < best.distanceM) best = { row, distanceM: d };
  }
  if (!best) return null;
  const bearing = bearingDeg([lonDeg, latDeg], [best.row[0], best.row[1]]);
  return { ...best, direction: POINTS[Math.round(bearing / 45) % 8]! };
}
