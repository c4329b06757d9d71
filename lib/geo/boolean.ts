// Polygon overlay on bare GeoJSON geometries, computed by GEOS (engine.ts) in
// a gnomonic plane centred on the shapes (gnomonic.ts). A null result means
// "empty". Inputs are never mutated; every GEOS object is freed before
// returning, so a long-running server does not leak WebAssembly memory.
import type { Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { geojsonToGeosGeom, geosGeomToGeojson } from "geos-wasm/helpers";
import { geosEngine, takeGeosError } from "./engine";
import { GeometryError, geometryProblem } from "./errors";
import { gnomonicAt, mapPositions } from "./gnomonic";
import { geometryText } from "./messages";

export type Areal = Polygon | MultiPolygon;

type Ptr = number;
type Op = "intersection" | "difference" | "union";
type BBox = [number, number, number, number];

/** Grid for the retry after a failed overlay, in the plane's metres: far below survey accuracy. */
const RETRY_GRID_M = 1e-4;
/** Rings enclosing less than this (m², in the plane) are noding debris, not land. */
const SLIVER_M2 = 1e-6;

function bboxOf(rings: readonly (readonly Position[])[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings)
    for (const [x, y] of ring) {
      if (x! < box[0]) box[0] = x!;
      if (y! < box[1]) box[1] = y!;
      if (x! > box[2]) box[2] = x!;
      if (y! > box[3]) box[3] = y!;
    }
  return box;
}

const overlaps = (p: BBox, q: BBox) => p[0] <= q[2] && q[0] <= p[2] && p[1] <= q[3] && q[1] <= p[3];

function ringsOf(g: Geometry): Position[][] {
  if (g.type === "Polygon") return g.coordinates;
  if (g.type === "MultiPolygon") return g.coordinates.flat();
  if (g.type === "GeometryCollection") return g.geometries.flatMap(ringsOf);
  return [];
}

function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === "Polygon") return [g.coordinates];
  if (g.type === "MultiPolygon") return g.coordinates;
  if (g.type === "GeometryCollection") return g.geometries.flatMap(polygonsOf);
  return [];
}

const planarRingArea = (ring: readonly Position[]) => {
  let s = 0;
  const [ox, oy] = [ring[0]![0]!, ring[0]![1]!];
  for (let k = 1; k < ring.length - 1; k++)
    s += (ring[k]![0]! - ox) * (ring[k + 1]![1]! - oy) - (ring[k + 1]![0]! - ox) * (ring[k]![1]! - oy);
  return Math.abs(s / 2);
};

function fromPolygons(polygons: Position[][][]): Areal | null {
  if (polygons.length === 0) return null;
  return polygons.length === 1
    ? { type: "Polygon", coordinates: polygons[0]! }
    : { type: "MultiPolygon", coordinates: polygons };
}

/**
 * The polygonal part of an overlay result in the plane, without debris:
 * touching inputs can add points and lines, and noding can leave slivers of
 * 1e-20 m² that collapse to a line once unprojected.
 */
function landOnly(projected: Geometry): Position[][][] {
  const out: Position[][][] = [];
  for (const rings of polygonsOf(projected)) {
    if (!rings[0] || rings[0].length < 4 || planarRingArea(rings[0]) < SLIVER_M2) continue;
    out.push(rings.filter((r, i) => i === 0 || (r.length >= 4 && planarRingArea(r) >= SLIVER_M2)));
  }
  return out;
}

/**
 * Runs GEOS on the inputs projected to a gnomonic plane centred on them;
 * results come back in lon/lat. Vertices GEOS passes through unchanged get
 * their original coordinates back exactly (a projection round trip drifts in
 * the last digit); only new intersection vertices are unprojected.
 */
function withGeos<T>(inputs: readonly Geometry[], run: (ptrs: Ptr[], read: (result: Ptr) => Areal | null) => T): T {
  const geos = geosEngine();
  const box = bboxOf(inputs.flatMap(ringsOf));
  const plane = gnomonicAt((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
  const originals = new Map<string, Position>();
  const forward = (p: Position): Position => {
    const q = plane.forward(p);
    originals.set(`${q[0]} ${q[1]}`, [p[0]!, p[1]!]);
    return q;
  };
  const inverse = (q: Position): Position => originals.get(`${q[0]} ${q[1]}`) ?? plane.inverse(q);
  const read = (result: Ptr): Areal | null => {
    if (!result) throw new Error(`GEOS: ${takeGeosError() ?? "overlay failed"}`);
    try {
      if (geos.GEOSisEmpty(result)) return null;
      const land = fromPolygons(landOnly(geosGeomToGeojson(result, geos) as Geometry));
      return land && mapPositions(land, inverse);
    } finally {
      geos.GEOSGeom_destroy(result);
    }
  };
  const ptrs: Ptr[] = [];
  try {
    for (const g of inputs) ptrs.push(geojsonToGeosGeom(mapPositions(g, forward), geos));
    return run(ptrs, read);
  } finally {
    for (const p of ptrs) if (p) geos.GEOSGeom_destroy(p);
  }
}

/** GEOS's make-valid that keeps areas only (collapsed rings dropped, not turned into lines). */
function makeValidAreal(p: Ptr): Ptr {
  const geos = geosEngine();
  const params = geos.GEOSMakeValidParams_create();
  try {
    geos.GEOSMakeValidParams_setMethod(params, 1 /* GEOS_MAKE_VALID_STRUCTURE */);
    geos.GEOSMakeValidParams_setKeepCollapsed(params, 0);
    return geos.GEOSMakeValidWithParams(p, params);
  } finally {
    geos.GEOSMakeValidParams_destroy(params);
  }
}

/**
 * Runs one GEOS operation and, if it fails, again on a 0.1 mm grid, then on
 * made-valid inputs; a submission is never lost to a noding failure.
 */
function robustly(
  what: Op,
  ptrs: Ptr[],
  read: (r: Ptr) => Areal | null,
  exact: (...p: Ptr[]) => Ptr,
  onGrid: (...p: Ptr[]) => Ptr,
) {
  const geos = geosEngine();
  try {
    return read(exact(...ptrs));
  } catch {
    try {
      return read(onGrid(...ptrs));
    } catch {
      const valid = ptrs.map(makeValidAreal);
      try {
        if (valid.every(Boolean)) return read(onGrid(...valid));
      } catch {
        // reported below
      } finally {
        for (const v of valid) if (v) geos.GEOSGeom_destroy(v);
      }
      throw new GeometryError(
        geometryProblem("GEOMETRY_ENGINE_FAILED", geometryText("engineFailed", { operation: what })),
      );
    }
  }
}

/**
 * The parts of b whose bounding box meets a's: the only ones that can change
 * a ∩ b or a − b. A hazardous area's released land is a MultiPolygon of many
 * lanes and boxes, and a new report usually touches a few of them.
 */
function partsNear(a: Areal, b: Areal): Areal | null {
  if (b.type === "Polygon") return b;
  const box = bboxOf(ringsOf(a));
  return fromPolygons(b.coordinates.filter((part) => overlaps(box, bboxOf(part))));
}

function overlay(op: Op, a: Areal, bAll: Areal): Areal | null {
  const geos = geosEngine();
  const b = op === "union" ? bAll : partsNear(a, bAll);
  if (!b) return op === "intersection" ? null : a;
  const exact = { intersection: geos.GEOSIntersection, difference: geos.GEOSDifference, union: geos.GEOSUnion }[
    op
  ].bind(geos);
  const onGrid = {
    intersection: geos.GEOSIntersectionPrec,
    difference: geos.GEOSDifferencePrec,
    union: geos.GEOSUnionPrec,
  }[op].bind(geos);
  return withGeos([a, b], (ptrs, read) =>
    robustly(
      op,
      ptrs,
      read,
      (p, q) => exact(p!, q!),
      (p, q) => onGrid(p!, q!, RETRY_GRID_M),
    ),
  );
}

export const intersection = (a: Areal, b: Areal): Areal | null => overlay("intersection", a, b);

/** a minus b. */
export const difference = (a: Areal, b: Areal): Areal | null => overlay("difference", a, b);

export const union = (a: Areal, b: Areal): Areal | null => overlay("union", a, b);

/**
 * Whether a covers b (no point of b outside a). A prepared-geometry test,
 * far cheaper than an overlay: a report drawn wholly inside its hazardous
 * area, the common case, needs no clipping.
 */
export function covers(a: Areal, b: Areal): boolean {
  return prepared("covers", a, b);
}

/**
 * Whether a and b share any point. A prepared-geometry predicate: "does
 * this 100,000-vertex polygon reach Iraq at all" answers in milliseconds,
 * where computing the intersection itself took seconds.
 */
export function intersects(a: Areal, b: Areal): boolean {
  return prepared("intersects", a, b);
}

/** A GEOS prepared-geometry predicate of a against b. */
function prepared(predicate: "covers" | "intersects", a: Areal, b: Areal): boolean {
  const geos = geosEngine();
  const test = predicate === "covers" ? geos.GEOSPreparedCovers.bind(geos) : geos.GEOSPreparedIntersects.bind(geos);
  return withGeos([a, b], ([pa, pb]) => {
    const p = geos.GEOSPrepare(pa!);
    try {
      const result = test(p, pb!);
      if (result === 2) throw new Error(`GEOS: ${takeGeosError() ?? `${predicate} failed`}`);
      return result === 1;
    } finally {
      geos.GEOSPreparedGeom_destroy(p);
    }
  });
}

/** GEOS's MakeValid (default method), areal part only: null when nothing areal survives. */
export function makeValid(polygon: Areal): Areal | null {
  const geos = geosEngine();
  return withGeos([polygon], ([p], read) => read(geos.GEOSMakeValid(p!)));
}

/** The union of many polygons in one cascaded pass (far faster than folding union over the list). */
export function unionAll(list: readonly Areal[]): Areal {
  if (list.length === 1) return list[0]!;
  const geos = geosEngine();
  const collection: Geometry = { type: "GeometryCollection", geometries: [...list] };
  const result = withGeos([collection], (ptrs, read) =>
    robustly(
      "union",
      ptrs,
      read,
      (p) => geos.GEOSUnaryUnion(p!),
      (p) => geos.GEOSUnaryUnionPrec(p!, RETRY_GRID_M),
    ),
  );
  if (!result) throw new Error("the union of non-empty polygons was empty");
  return result;
}
