// Typed geometry errors in words a field officer understands: what is wrong,
// where (feature, part, ring, position and the coordinate), and what to do,
// in every language the app speaks (messages.ts).
import type { LocalisedText, MessageValues } from "@/lib/i18n/localised";
import { type GeometryMessageKey, geometryText, inEach, joinTexts, perLanguage } from "./messages";

export type GeometryErrorCode =
  // reading files
  | "FILE_TOO_LARGE"
  | "TOO_MANY_FEATURES"
  | "TOO_MANY_VERTICES"
  | "UNSUPPORTED_FORMAT"
  | "UNREADABLE_FILE"
  | "MISSING_PROJECTION"
  | "UNSUPPORTED_PROJECTION"
  // the geometry itself
  | "NOT_A_POLYGON"
  | "EMPTY"
  | "INVALID_COORDINATE"
  | "OUT_OF_RANGE"
  | "LOOKS_PROJECTED"
  | "LOOKS_SWAPPED"
  | "TOO_FEW_POSITIONS"
  | "ZERO_AREA"
  | "SELF_INTERSECTION"
  | "HOLE_OUTSIDE_BOUNDARY"
  | "NESTED_HOLES"
  | "DISCONNECTED_INTERIOR"
  // where it lies
  | "OUTSIDE_IRAQ"
  | "OUTSIDE_HAZARD_AREA"
  // the geometry engine
  | "GEOMETRY_ENGINE_FAILED"
  | "GEOMETRY_TOO_COMPLEX";

/** Where in the input the problem is; indexes are 0-based, as in GeoJSON arrays. */
export type GeometryLocation = {
  /** Feature (or placemark, row group, shape) in the file. */
  feature?: number;
  /** Polygon within a MultiPolygon. */
  part?: number;
  /** 0 is the outer boundary, 1… the holes. */
  ring?: number;
  /** Position within the ring (or the CSV row). */
  position?: number;
  /** The offending coordinate as given, e.g. [lon, lat] or [easting, northing]. */
  coordinate?: readonly number[];
};

export type GeometryProblem = GeometryLocation & {
  code: GeometryErrorCode;
  /** `text` in English: for logs, and for callers that ask for no language. */
  message: string;
  /** One or two sentences in every language: what is wrong, where, and what to do about it. */
  text: LocalisedText;
};

/** A problem from its sentence in every language, with where it is. */
export function geometryProblem(
  code: GeometryErrorCode,
  text: LocalisedText,
  loc: GeometryLocation = {},
): GeometryProblem {
  return { code, ...loc, message: text.en, text };
}

/** A check that could not run at all (the engine or the reader failed to load): the error's own words inside. */
export function checkFailedProblem(err: unknown): GeometryProblem {
  return geometryProblem(
    "GEOMETRY_ENGINE_FAILED",
    geometryText("checkFailed", { detail: err instanceof Error ? err.message : String(err) }),
  );
}

/**
 * Marks a GeometryError whichever copy of this module made it. The geometry
 * pool is one per process (globalThis), but Next.js loads a module once per
 * layer (pages, route handlers): a refusal the pool rejected with, made by the
 * class of the layer that started the pool, failed another layer's
 * `instanceof` and became a 500 instead of a 422.
 */
const GEOMETRY_ERROR = Symbol.for("mine-action.GeometryError");

export class GeometryError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && GEOMETRY_ERROR in value;
  }

  readonly problems: readonly GeometryProblem[];
  /** For a shape GEOS calls invalid: GEOS's repair of it, to show the user for confirmation. */
  readonly repaired?: import("geojson").Polygon | import("geojson").MultiPolygon;
  /** The repaired shape's area (m², WGS84 ellipsoid), shown beside the offer. */
  readonly repairedAreaM2?: number;

  /** The polygons to repair, when the repair was left to the caller (validateAreal's `repair: false`). */
  readonly repairable?: readonly import("geojson").Polygon[];

  constructor(
    problems: GeometryProblem | readonly GeometryProblem[],
    repaired?: { geometry: NonNullable<GeometryError["repaired"]>; areaM2: number },
    repairable?: readonly import("geojson").Polygon[],
  ) {
    const list = Array.isArray(problems) ? problems : [problems as GeometryProblem];
    super(list.map((p) => p.message).join(" "));
    Object.defineProperty(this, GEOMETRY_ERROR, { value: true });
    this.name = "GeometryError";
    this.problems = list;
    if (repaired) {
      this.repaired = repaired.geometry;
      this.repairedAreaM2 = repaired.areaM2;
    }
    if (repairable) this.repairable = repairable;
  }

  get code(): GeometryErrorCode {
    return this.problems[0]!.code;
  }
}

/**
 * "feature 2, part 1, outer boundary, point 14 (43.1, 36.3)": the location in
 * each language's words, or null when the location names nothing. The
 * coordinate keeps its digits as given (to 10 significant figures) in every
 * language, isolated left to right inside Arabic and Sorani text.
 */
export function describeLocation(loc: GeometryLocation): LocalisedText | null {
  const parts: LocalisedText[] = [];
  if (loc.feature !== undefined) parts.push(geometryText("locationFeature", { number: String(loc.feature + 1) }));
  if (loc.part !== undefined) parts.push(geometryText("locationPart", { number: String(loc.part + 1) }));
  if (loc.ring !== undefined)
    parts.push(
      loc.ring === 0
        ? geometryText("locationOuterBoundary")
        : geometryText("locationHole", { number: String(loc.ring) }),
    );
  if (loc.position !== undefined) parts.push(geometryText("locationPoint", { number: String(loc.position + 1) }));
  const where = parts.length ? joinTexts(parts, "separatorComma") : null;
  if (!loc.coordinate) return where;
  const coordinate = loc.coordinate.map((c) => Number(c.toPrecision(10))).join(", ");
  return where
    ? geometryText("locationWithCoordinate", { where: inEach(where), coordinate })
    : geometryText("locationCoordinateOnly", { coordinate });
}

/**
 * A problem's sentence in every language, opening with where it is: the
 * message's {where} is the location in the same language ("Part 2, outer
 * boundary: …"), or "The geometry" when it names nothing.
 */
export function locatedText(key: GeometryMessageKey, loc: GeometryLocation, values?: MessageValues): LocalisedText {
  const where = describeLocation(loc);
  const subject = where ? perLanguage((l) => capitalise(where[l])) : geometryText("locationNone");
  return geometryText(key, { ...values, where: inEach(subject) });
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
