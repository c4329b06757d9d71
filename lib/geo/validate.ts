// One validation policy for every polygon that enters the system, in the
// browser before upload and on the server before storing. Silent
// normalisation where the intent is unambiguous; a specific, located error
// where it is not. Never a crash, never a silently wrong area.
import { rewind } from "@turf/turf";
import type { Polygon, Position } from "geojson";
import type { LocalisedText, MessageValues } from "@/lib/i18n/localised";
import { geodesicAreaM2, ringAreaM2 } from "./area";
import { type Areal, intersects, unionAll } from "./boolean";
import { GeometryError, type GeometryLocation, type GeometryProblem, geometryProblem, locatedText } from "./errors";
import { type GeometryMessageKey, geometryText, inEach, joinTexts } from "./messages";
import { polygonValidity, repairPolygons, ringAt, type ValidityFault } from "./validity";

/** Iraq's bounding box (lon/lat), with a margin of about 10 km, for the "swapped" and "projected" checks. */
export const IRAQ_BBOX = [38.7, 29.0, 48.7, 37.5] as const;

/** Below this a ring is a line or a point, not land (one square metre, GPS-jitter scale). */
const MIN_RING_AREA_M2 = 1;

export type OverlapRequirement = {
  geometry: Areal;
  code: "OUTSIDE_IRAQ" | "OUTSIDE_HAZARD_AREA";
  /** What to tell the user when the polygon misses it, in every language. */
  text: LocalisedText;
};

/** A land-release report's polygon must overlap its hazardous area. */
export function mustOverlapHazardArea(code: string, geometry: Areal): OverlapRequirement {
  return { geometry, code: "OUTSIDE_HAZARD_AREA", text: geometryText("outsideHazardArea", { code }) };
}

export type ValidationOptions = {
  /** The polygon must overlap each of these (Iraq; for a report, its hazardous area). */
  mustOverlap?: readonly OverlapRequirement[];
  /** Most positions accepted (default 100,000, as for uploaded files). */
  maxVertices?: number;
  /**
   * Compute GEOS's repair of an invalid shape here (default). False leaves it
   * to the caller (`offerRepair`): repairing a shape that crosses itself
   * thousands of times costs minutes, so a server or browser runs it apart,
   * with its own time budget, and the validity verdict does not wait for it.
   */
  repair?: boolean;
};

export const MAX_VERTICES = 100_000;

export type ValidGeometry = {
  /** Closed rings, RFC 7946 winding, no repeated points, overlapping parts merged. */
  geometry: Areal;
  areaM2: number;
  /** What was normalised, for the user to see, in every language. */
  notes: LocalisedText[];
};

type RawPolygon = { feature?: number; rings: unknown };

const problem = (
  code: GeometryProblem["code"],
  loc: GeometryLocation,
  key: GeometryMessageKey,
  values?: MessageValues,
): GeometryProblem => geometryProblem(code, locatedText(key, loc, values), loc);

/** Notes in the order first met, each written once (a ring of 100,000 points with altitudes makes one note, not 100,000). */
type Notes = Map<GeometryMessageKey, LocalisedText>;

function note(notes: Notes, key: GeometryMessageKey, values?: MessageValues): void {
  if (!notes.has(key)) notes.set(key, geometryText(key, values));
}

/** Polygons inside a Geometry, Feature, FeatureCollection or GeometryCollection. */
function collectPolygons(
  input: unknown,
  feature: number | undefined,
  out: RawPolygon[],
  ignored: LocalisedText[],
): void {
  if (!input || typeof input !== "object") throw new GeometryError(problem("NOT_A_POLYGON", {}, "notGeoJson"));
  const g = input as {
    type?: unknown;
    coordinates?: unknown;
    geometry?: unknown;
    features?: unknown;
    geometries?: unknown;
  };
  switch (g.type) {
    case "FeatureCollection":
      if (!Array.isArray(g.features))
        throw new GeometryError(problem("NOT_A_POLYGON", {}, "featureCollectionWithoutFeatures"));
      g.features.forEach((f, i) => collectPolygons(f, i, out, ignored));
      return;
    case "Feature":
      if (g.geometry === null || g.geometry === undefined) {
        ignored.push(geometryText("ignoredFeatureWithoutGeometry"));
        return;
      }
      collectPolygons(g.geometry, feature, out, ignored);
      return;
    case "GeometryCollection":
      if (!Array.isArray(g.geometries))
        throw new GeometryError(problem("NOT_A_POLYGON", {}, "geometryCollectionWithoutGeometries"));
      g.geometries.forEach((x) => collectPolygons(x, feature, out, ignored));
      return;
    case "Polygon":
      out.push({ feature, rings: g.coordinates });
      return;
    case "MultiPolygon":
      if (!Array.isArray(g.coordinates))
        throw new GeometryError(problem("NOT_A_POLYGON", { feature }, "multiPolygonWithoutCoordinates"));
      for (const rings of g.coordinates) out.push({ feature, rings });
      return;
    case "Point":
    case "MultiPoint":
    case "LineString":
    case "MultiLineString":
      ignored.push(geometryText("ignoredGeometryType", { type: g.type }));
      return;
    default:
      throw new GeometryError(problem("NOT_A_POLYGON", { feature }, "unknownGeoJsonType", { type: String(g.type) }));
  }
}

function looksProjected(x: number, y: number): boolean {
  return Math.abs(x) > 180 && Math.abs(x) < 1e7 && Math.abs(y) > 90 && Math.abs(y) < 1e7;
}

function inIraqBox(x: number, y: number): boolean {
  return x >= IRAQ_BBOX[0] && x <= IRAQ_BBOX[2] && y >= IRAQ_BBOX[1] && y <= IRAQ_BBOX[3];
}

/** Checks positions and removes repeats and altitude; closes the ring. Returns null when the ring is unusable. */
function cleanRing(raw: unknown, loc: GeometryLocation, problems: GeometryProblem[], notes: Notes): Position[] | null {
  if (!Array.isArray(raw)) {
    problems.push(problem("INVALID_COORDINATE", loc, "ringNotAList"));
    return null;
  }
  const ring: Position[] = [];
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i] as unknown;
    const at = { ...loc, position: i };
    if (
      !Array.isArray(p) ||
      p.length < 2 ||
      typeof p[0] !== "number" ||
      typeof p[1] !== "number" ||
      !Number.isFinite(p[0]) ||
      !Number.isFinite(p[1])
    ) {
      problems.push(
        problem("INVALID_COORDINATE", at, "notACoordinatePair", { value: String(JSON.stringify(p)?.slice(0, 40)) }),
      );
      return null;
    }
    const [x, y] = p as [number, number];
    if (looksProjected(x, y)) {
      problems.push(problem("LOOKS_PROJECTED", { ...at, coordinate: [x, y] }, "looksProjected"));
      return null;
    }
    if (x < -180 || x > 180 || y < -90 || y > 90) {
      problems.push(problem("OUT_OF_RANGE", { ...at, coordinate: [x, y] }, "outOfRange"));
      return null;
    }
    if (p.length > 2) note(notes, "noteAltitudesDropped");
    const prev = ring[ring.length - 1];
    if (prev && prev[0] === x && prev[1] === y) {
      note(notes, "noteRepeatedPointsRemoved");
      continue;
    }
    ring.push([x, y]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && ring.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
    ring.push([first[0]!, first[1]!]);
    note(notes, "noteOpenRingsClosed");
  }
  if (ring.length < 4) {
    problems.push(
      problem("TOO_FEW_POSITIONS", loc, "tooFewPositions", { count: String(Math.max(0, ring.length - 1)) }),
    );
    return null;
  }
  if (isCollinear(ring)) {
    problems.push(problem("ZERO_AREA", { ...loc, coordinate: ring[0] }, "zeroArea"));
    return null;
  }
  return ring;
}

/** Every point within 1 cm of the line through the first point and the point farthest from it (local metres). */
function isCollinear(ring: readonly Position[]): boolean {
  const lat0 = ring[0]![1]!;
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_574;
  const pts = ring.map(([x, y]) => [(x! - ring[0]![0]!) * kx, (y! - lat0) * ky] as const);
  let far = pts[0]!;
  for (const p of pts) if (Math.hypot(p[0], p[1]) > Math.hypot(far[0], far[1])) far = p;
  const length = Math.hypot(far[0], far[1]);
  if (length < 0.01) return true;
  return pts.every(([x, y]) => Math.abs(x * far[1] - y * far[0]) / length < 0.01);
}

/** How each of GEOS's faults is told: the code the API returns and the sentence the user reads. */
const FAULTS: Partial<Record<ValidityFault, { code: GeometryProblem["code"]; key: GeometryMessageKey }>> = {
  "Self-intersection": { code: "SELF_INTERSECTION", key: "selfIntersection" },
  "Ring Self-intersection": { code: "SELF_INTERSECTION", key: "ringTouchesItself" },
  "Holes are nested": { code: "NESTED_HOLES", key: "nestedHoles" },
  "Hole lies outside shell": { code: "HOLE_OUTSIDE_BOUNDARY", key: "holeOutsideBoundary" },
  "Interior is disconnected": { code: "DISCONNECTED_INTERIOR", key: "interiorDisconnected" },
  "Duplicate Rings": { code: "SELF_INTERSECTION", key: "duplicateRings" },
};

/** The faults whose shape GEOS can repair into land the user may confirm. */
const REPAIRABLE = new Set<GeometryProblem["code"]>([
  "SELF_INTERSECTION",
  "NESTED_HOLES",
  "DISCONNECTED_INTERIOR",
  "HOLE_OUTSIDE_BOUNDARY",
]);

function checkTopology(polygon: Polygon, loc: GeometryLocation, problems: GeometryProblem[]): boolean {
  const validity = polygonValidity(polygon);
  if (!validity.valid) {
    const told = FAULTS[validity.fault as ValidityFault] ?? FAULTS["Self-intersection"]!;
    const ring = ringAt(polygon, validity.location);
    const at = {
      ...loc,
      ...(ring !== undefined ? { ring } : {}),
      ...(validity.location ? { coordinate: validity.location } : {}),
    };
    problems.push(problem(told.code, at, told.key));
    return false;
  }
  const sliver = polygon.coordinates.findIndex((ring) => ringAreaM2(ring) < MIN_RING_AREA_M2);
  if (sliver >= 0) {
    problems.push(
      problem("ZERO_AREA", { ...loc, ring: sliver, coordinate: polygon.coordinates[sliver]![0] }, "sliver"),
    );
    return false;
  }
  return true;
}

/**
 * Validates and normalises a land polygon (GeoJSON Polygon or MultiPolygon,
 * or a Feature / FeatureCollection of them). Throws GeometryError listing
 * every problem found, with its location; an input GEOS calls invalid comes
 * with `repaired`, GEOS's own repair and its area, for the user to confirm.
 */
export function validateAreal(input: unknown, options: ValidationOptions = {}): ValidGeometry {
  const raw: RawPolygon[] = [];
  const ignored: LocalisedText[] = [];
  collectPolygons(input, undefined, raw, ignored);
  if (raw.length === 0) {
    throw new GeometryError(
      ignored.length
        ? problem("NOT_A_POLYGON", {}, "onlyNonAreal", { items: inEach(joinTexts(ignored, "separatorComma")) })
        : problem("NOT_A_POLYGON", {}, "nothingFound"),
    );
  }
  const vertices = raw.reduce(
    (s, p) =>
      s +
      (Array.isArray(p.rings)
        ? p.rings.reduce((t: number, r: unknown) => t + (Array.isArray(r) ? r.length : 0), 0)
        : 0),
    0,
  );
  const maxVertices = options.maxVertices ?? MAX_VERTICES;
  if (vertices > maxVertices) {
    throw new GeometryError(
      problem("TOO_MANY_VERTICES", {}, "tooManyVertices", {
        count: vertices.toLocaleString("en"),
        limit: maxVertices.toLocaleString("en"),
      }),
    );
  }
  const notes: Notes = new Map();
  if (ignored.length) note(notes, "noteIgnoredNonAreal", { items: inEach(joinTexts(ignored, "separatorComma")) });
  const problems: GeometryProblem[] = [];
  const polygons: Polygon[] = [];
  const kinked: Polygon[] = [];
  raw.forEach((p, part) => {
    const loc = { ...(p.feature !== undefined ? { feature: p.feature } : {}), ...(raw.length > 1 ? { part } : {}) };
    if (!Array.isArray(p.rings) || p.rings.length === 0) {
      problems.push(problem("EMPTY", loc, "emptyPolygon"));
      return;
    }
    const rings = p.rings.map((ring, r) => cleanRing(ring, { ...loc, ring: r }, problems, notes));
    if (rings.some((r) => r === null)) return;
    const polygon = rewind({ type: "Polygon", coordinates: rings as Position[][] }) as Polygon;
    if (checkTopology(polygon, loc, problems)) polygons.push(polygon);
    else kinked.push(polygon);
  });
  detectSwapped(polygons, problems);
  if (problems.length) {
    if (!kinked.length || !problems.every((x) => REPAIRABLE.has(x.code))) throw new GeometryError(problems);
    const all = [...polygons, ...kinked];
    if (options.repair === false) throw new GeometryError(problems, undefined, all);
    throw new GeometryError(problems, offerRepair(all));
  }

  let geometry: Areal =
    polygons.length === 1 ? polygons[0]! : { type: "MultiPolygon", coordinates: polygons.map((p) => p.coordinates) };
  if (polygons.length > 1) {
    const merged = unionAll(polygons);
    const summed = polygons.reduce((s, p) => s + geodesicAreaM2(p), 0);
    geometry = merged;
    if (summed - geodesicAreaM2(merged) > 0.01) note(notes, "noteOverlapsMerged");
  }
  for (const req of options.mustOverlap ?? []) {
    if (!intersects(geometry, req.geometry)) throw new GeometryError(geometryProblem(req.code, req.text));
  }
  return { geometry, areaM2: geodesicAreaM2(geometry), notes: [...notes.values()] };
}

/** All coordinates would be in Iraq if longitude and latitude were exchanged, and none is as given. */
function detectSwapped(polygons: readonly Polygon[], problems: GeometryProblem[]): void {
  const first = polygons[0]?.coordinates[0]?.[0];
  if (!first) return;
  const all = polygons.flatMap((p) => p.coordinates.flat());
  if (all.every(([x, y]) => inIraqBox(y!, x!)) && !all.some(([x, y]) => inIraqBox(x!, y!))) {
    problems.push(problem("LOOKS_SWAPPED", { coordinate: first }, "looksSwapped"));
  }
}

/** GEOS's repair of invalid polygons, with its area: offered for confirmation, never applied silently. */
export function offerRepair(polygons: readonly Polygon[]): { geometry: Areal; areaM2: number } | undefined {
  try {
    const geometry = repairPolygons(polygons);
    return geometry ? { geometry, areaM2: geodesicAreaM2(geometry) } : undefined;
  } catch {
    return undefined;
  }
}
