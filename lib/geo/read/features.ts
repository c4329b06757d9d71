// From GeoJSON features (as parsed from any format) to polygons: areal
// geometries pass through; a line that closes on itself is a boundary
// walked with a GPS; points and open lines are ignored with a note.
import type { Feature, Geometry, Polygon, Position } from "geojson";
import { GeometryError } from "../errors";
import { looksProjected, utmToLonLat, zoneFromCrsText } from "./utm";
import type { ReadOptions, ReadPolygon, UtmZone } from "./types";

/** A walked boundary whose ends are this close (metres) is closed. */
export const CLOSING_TOLERANCE_M = 10;

/** Haversine on the mean sphere: enough to judge a 10 m gap (error < 0.5 %). */
export function distanceM(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1]! - a[1]!) * rad;
  const dLon = (b[0]! - a[0]!) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type Collected = { polygons: ReadPolygon[]; notes: string[]; projectedZone?: UtmZone };

function name(properties: Record<string, unknown> | null | undefined): string | undefined {
  const value = properties && (properties.name ?? properties.Name ?? properties.NAME ?? properties.id ?? properties.ID);
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * Polygons from features. `what` names the format in messages ("track",
 * "line"). Coordinates that look projected are converted from the UTM zone
 * the file or the user states, or rejected with MISSING_PROJECTION.
 */
export function polygonsFromFeatures(features: readonly Feature<Geometry | null>[], options: ReadOptions & { crsText?: string }): Collected {
  const polygons: ReadPolygon[] = [];
  const ignored = { points: 0, openLines: [] as string[] };
  const notes: string[] = [];
  const zone = options.crsText ? zoneFromCrsText(options.crsText) : undefined;
  let projectedZone: UtmZone | undefined;

  const toLonLat = (ring: Position[], feature: number): Position[] => {
    if (!ring.some(looksProjected)) return ring;
    const z = zone ?? options.utmZone;
    if (!z) {
      throw new GeometryError({
        code: "MISSING_PROJECTION",
        feature,
        coordinate: ring[0],
        message: `Feature ${feature + 1} has projected coordinates (${ring[0]!.slice(0, 2).join(", ")}: metres, not degrees) and the file does not say which projection. State the UTM zone (37N or 38N in Iraq) and upload again.`,
      });
    }
    projectedZone = z;
    return ring.map(utmToLonLat(z));
  };

  const visit = (g: Geometry | null, feature: number, label: string | undefined) => {
    if (!g) return;
    switch (g.type) {
      case "Polygon":
        polygons.push({ feature, ...(label ? { name: label } : {}), geometry: { type: "Polygon", coordinates: g.coordinates.map((r) => toLonLat(r, feature)) } });
        return;
      case "MultiPolygon":
        for (const p of g.coordinates) visit({ type: "Polygon", coordinates: p }, feature, label);
        return;
      case "GeometryCollection":
        for (const x of g.geometries) visit(x, feature, label);
        return;
      case "LineString":
      case "MultiLineString": {
        const lines = g.type === "LineString" ? [g.coordinates] : g.coordinates;
        for (const raw of lines) {
          if (raw.length < 4) {
            ignored.openLines.push(`feature ${feature + 1} (only ${raw.length} points)`);
            continue;
          }
          const line = toLonLat(raw, feature);
          const gap = distanceM(line[0]!, line[line.length - 1]!);
          if (gap > CLOSING_TOLERANCE_M) {
            ignored.openLines.push(`feature ${feature + 1} (ends ${Math.round(gap)} m apart)`);
            continue;
          }
          const ring: Position[] = gap === 0 ? line : [...line, line[0]!];
          polygons.push({ feature, ...(label ? { name: label } : {}), geometry: { type: "Polygon", coordinates: [ring] } satisfies Polygon });
          notes.push(`Feature ${feature + 1} is a line that closes on itself: read as a walked boundary.`);
        }
        return;
      }
      case "Point":
      case "MultiPoint":
        ignored.points++;
        return;
    }
  };

  features.forEach((f, i) => visit(f.geometry, i, name(f.properties)));
  if (ignored.points) notes.push(`${ignored.points} point(s) ignored: only areas count as released land.`);
  if (ignored.openLines.length) notes.push(`Lines that do not close were ignored: ${ignored.openLines.join("; ")}.`);
  if (polygons.length === 0) {
    const found = [ignored.points && `${ignored.points} point(s)`, ignored.openLines.length && `${ignored.openLines.length} open line(s): ${ignored.openLines.join("; ")}`].filter(Boolean).join(" and ");
    throw new GeometryError({
      code: "NOT_A_POLYGON",
      message: `The file has ${found || "no geometry"} but no area. Upload a polygon, or walk the boundary back to its start (within ${CLOSING_TOLERANCE_M} m).`,
    });
  }
  return { polygons, notes, ...(projectedZone ? { projectedZone } : {}) };
}
