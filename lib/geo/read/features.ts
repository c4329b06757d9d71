// From GeoJSON features (as parsed from any format) to polygons: areal
// geometries pass through; a line that closes on itself is a boundary
// walked with a GPS; points and open lines are ignored with a note.
import type { Feature, Geometry, Polygon, Position } from "geojson";
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText, inEach, joinTexts } from "@/lib/geo/messages";
import type { LocalisedText } from "@/lib/i18n/localised";
import type { PrjCrs } from "./datums";
import { nestRings } from "./rings";
import type { FeatureAttributes, ReadOptions, ReadPolygon, UtmZone } from "./types";
import { looksProjected, utmToLonLat, zoneFromCrsText } from "./utm";

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

export type Collected = {
  polygons: ReadPolygon[];
  /** Each feature's attributes, by its index (ReadPolygon.feature). */
  attributes: FeatureAttributes[];
  notes: LocalisedText[];
  projectedZone?: UtmZone;
  crs?: PrjCrs;
  /** For a table of areas, the number a person reading it gives each feature's row (a sheet's, header row 1). */
  rowNumbers?: readonly number[];
};

/**
 * A feature's attributes with plain values (text, numbers, yes/no, dates):
 * the columns an import maps; KML's styles and nested objects are not columns.
 */
function plainAttributes(properties: Record<string, unknown> | null | undefined): FeatureAttributes {
  const out: FeatureAttributes = {};
  for (const [k, v] of Object.entries(properties ?? {}))
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date || v === null)
      out[k] = v;
  return out;
}

/** The geometry with every position converted (a file's coordinate system to WGS84). */
export function mapPositions(g: Geometry | null, f: (p: Position) => Position): Geometry | null {
  if (!g) return g;
  switch (g.type) {
    case "Point":
      return { type: "Point", coordinates: f(g.coordinates) };
    case "MultiPoint":
    case "LineString":
      return { type: g.type, coordinates: g.coordinates.map(f) } as Geometry;
    case "MultiLineString":
    case "Polygon":
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(f)) } as Geometry;
    case "MultiPolygon":
      return { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case "GeometryCollection":
      return { type: "GeometryCollection", geometries: g.geometries.map((x) => mapPositions(x, f)!) };
  }
}

function name(properties: Record<string, unknown> | null | undefined): string | undefined {
  const value = properties && (properties.name ?? properties.Name ?? properties.NAME ?? properties.id ?? properties.ID);
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * Polygons from features. `what` names the format in messages ("track",
 * "line"). Coordinates that look projected are converted from the UTM zone
 * the file or the user states, or rejected with MISSING_PROJECTION.
 */
export function polygonsFromFeatures(
  features: readonly Feature<Geometry | null>[],
  options: ReadOptions & { crsText?: string },
): Collected {
  const polygons: ReadPolygon[] = [];
  const ignored = { points: 0, openLines: [] as LocalisedText[] };
  const notes: LocalisedText[] = [];
  const zone = options.crsText ? zoneFromCrsText(options.crsText) : undefined;
  let projectedZone: UtmZone | undefined;

  const toLonLat = (ring: Position[], feature: number): Position[] => {
    if (!ring.some(looksProjected)) return ring;
    const z = zone ?? options.utmZone;
    if (!z) {
      const text = geometryText("missingProjection", {
        feature: String(feature + 1),
        coordinate: ring[0]!.slice(0, 2).join(", "),
      });
      throw new GeometryError(geometryProblem("MISSING_PROJECTION", text, { feature, coordinate: ring[0] }));
    }
    projectedZone = z;
    return ring.map(utmToLonLat(z));
  };

  const visit = (g: Geometry | null, feature: number, label: string | undefined) => {
    if (!g) return;
    switch (g.type) {
      case "Polygon":
        polygons.push({
          feature,
          ...(label ? { name: label } : {}),
          geometry: { type: "Polygon", coordinates: g.coordinates.map((r) => toLonLat(r, feature)) },
        });
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
        const rings: Position[][] = [];
        for (const raw of lines) {
          if (raw.length < 4) {
            ignored.openLines.push(
              geometryText("openLineTooShort", { feature: String(feature + 1), count: String(raw.length) }),
            );
            continue;
          }
          const line = toLonLat(raw, feature);
          const gap = distanceM(line[0]!, line[line.length - 1]!);
          if (gap > CLOSING_TOLERANCE_M) {
            ignored.openLines.push(
              geometryText("openLineGap", { feature: String(feature + 1), distance: String(Math.round(gap)) }),
            );
            continue;
          }
          rings.push(gap === 0 ? line : [...line, line[0]!]);
          notes.push(geometryText("noteClosedLine", { feature: String(feature + 1) }));
        }
        // A GPX track's segments walked around a shell and around ground left out of it: the inner one
        // is a hole, as KML's innerBoundaryIs, not a second area counted as land.
        for (const coordinates of nestRings(rings)) {
          polygons.push({
            feature,
            ...(label ? { name: label } : {}),
            geometry: { type: "Polygon", coordinates } satisfies Polygon,
          });
          if (coordinates.length > 1) notes.push(geometryText("noteTrackHole", { feature: String(feature + 1) }));
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
  const lines = joinTexts(ignored.openLines, "separatorSemicolon");
  if (ignored.points) notes.push(geometryText("notePointsIgnored", { count: String(ignored.points) }));
  if (ignored.openLines.length) notes.push(geometryText("noteOpenLinesIgnored", { lines: inEach(lines) }));
  if (polygons.length === 0) {
    const found = [
      ...(ignored.points ? [geometryText("foundPoints", { count: String(ignored.points) })] : []),
      ...(ignored.openLines.length
        ? [geometryText("foundOpenLines", { count: String(ignored.openLines.length), lines: inEach(lines) })]
        : []),
    ];
    const tolerance = String(CLOSING_TOLERANCE_M);
    const text =
      found.length === 0
        ? geometryText("fileHasNoGeometry", { tolerance })
        : geometryText("fileHasNoArea", {
            found: inEach(
              found.length === 1
                ? found[0]!
                : geometryText("foundBoth", { first: inEach(found[0]!), second: inEach(found[1]!) }),
            ),
            tolerance,
          });
    throw new GeometryError(geometryProblem("NOT_A_POLYGON", text));
  }
  return {
    polygons,
    attributes: features.map((f) => plainAttributes(f.properties)),
    notes,
    ...(projectedZone ? { projectedZone } : {}),
  };
}
