// Typed geometry errors in words a field officer understands: what is wrong,
// where (feature, part, ring, position and the coordinate), and what to do.

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
  // where it lies
  | "OUTSIDE_IRAQ"
  | "OUTSIDE_HAZARD_AREA"
  // the geometry engine
  | "GEOMETRY_ENGINE_FAILED";

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
  /** One or two sentences: what is wrong and what to do about it. */
  message: string;
};

export class GeometryError extends Error {
  readonly problems: readonly GeometryProblem[];
  /** For a self-intersecting boundary: the repaired shape, to show the user for confirmation. */
  readonly repaired?: import("geojson").Polygon | import("geojson").MultiPolygon;

  constructor(problems: GeometryProblem | readonly GeometryProblem[], repaired?: GeometryError["repaired"]) {
    const list = Array.isArray(problems) ? problems : [problems as GeometryProblem];
    super(list.map((p) => p.message).join(" "));
    this.name = "GeometryError";
    this.problems = list;
    if (repaired) this.repaired = repaired;
  }

  get code(): GeometryErrorCode {
    return this.problems[0]!.code;
  }
}

/** "ring 2 of part 1, position 14 (coordinate 43.1, 36.3)": the location in words, for messages. */
export function describeLocation(loc: GeometryLocation): string {
  const parts: string[] = [];
  if (loc.feature !== undefined) parts.push(`feature ${loc.feature + 1}`);
  if (loc.part !== undefined) parts.push(`part ${loc.part + 1}`);
  if (loc.ring !== undefined) parts.push(loc.ring === 0 ? "outer boundary" : `hole ${loc.ring}`);
  if (loc.position !== undefined) parts.push(`point ${loc.position + 1}`);
  const where = parts.join(", ");
  const coordinate = loc.coordinate ? ` (${loc.coordinate.map((c) => Number(c.toPrecision(10))).join(", ")})` : "";
  return `${where}${coordinate}`;
}
