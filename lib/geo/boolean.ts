// Polygon overlay on bare GeoJSON geometries, computed by GEOS (engine.ts).
// A null result means "empty". Inputs are never mutated; every GEOS object
// is freed before returning, so long-running servers do not leak WASM memory.
import type { Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { geojsonToGeosGeom, geosGeomToGeojson } from "geos-wasm/helpers";
import { geosEngine } from "./engine";
import { GeometryError } from "./errors";

export type Areal = Polygon | MultiPolygon;

type Ptr = number;
type Op = "intersection" | "difference" | "union";

/** Grid for the retry after a failed overlay: 1e-9° is about 0.1 mm, far below survey accuracy. */
const RETRY_GRID_DEG = 1e-9;

/** Keeps only the polygonal part of an overlay result (touching inputs can add points or lines). */
export function polygonalPart(g: Geometry): Areal | null {
  const polygons: Position[][][] = [];
  const collect = (x: Geometry) => {
    if (x.type === "Polygon") polygons.push(x.coordinates);
    else if (x.type === "MultiPolygon") polygons.push(...x.coordinates);
    else if (x.type === "GeometryCollection") x.geometries.forEach(collect);
  };
  collect(g);
  const nonEmpty = polygons.filter((p) => p.length > 0 && p[0]!.length > 0);
  if (nonEmpty.length === 0) return null;
  return nonEmpty.length === 1 ? { type: "Polygon", coordinates: nonEmpty[0]! } : { type: "MultiPolygon", coordinates: nonEmpty };
}

function withGeos<T>(inputs: readonly Geometry[], run: (ptrs: Ptr[]) => T): T {
  const geos = geosEngine();
  const ptrs: Ptr[] = [];
  try {
    for (const g of inputs) ptrs.push(geojsonToGeosGeom(g, geos));
    return run(ptrs);
  } finally {
    for (const p of ptrs) if (p) geos.GEOSGeom_destroy(p);
  }
}

function readResult(result: Ptr): Areal | null {
  const geos = geosEngine();
  if (!result) throw new Error("GEOS overlay failed");
  try {
    return geos.GEOSisEmpty(result) ? null : polygonalPart(geosGeomToGeojson(result, geos) as Geometry);
  } finally {
    geos.GEOSGeom_destroy(result);
  }
}

type BBox = [number, number, number, number];

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

/**
 * The parts of b whose bounding box meets a's: the only ones that can change
 * a ∩ b or a − b. A hazardous area's released land is a MultiPolygon of many
 * lanes and boxes, and a new report usually touches a few of them.
 */
function partsNear(a: Areal, b: Areal): Areal | null {
  if (b.type === "Polygon") return b;
  const box = bboxOf(a.type === "Polygon" ? a.coordinates : a.coordinates.flat());
  const near = b.coordinates.filter((part) => overlaps(box, bboxOf(part)));
  if (near.length === 0) return null;
  return near.length === 1 ? { type: "Polygon", coordinates: near[0]! } : { type: "MultiPolygon", coordinates: near };
}

function overlay(op: Op, a: Areal, bAll: Areal): Areal | null {
  const geos = geosEngine();
  const b = op === "union" ? bAll : partsNear(a, bAll);
  if (!b) return op === "intersection" ? null : a;
  return withGeos([a, b], ([pa, pb]) => {
    const exact = { intersection: geos.GEOSIntersection, difference: geos.GEOSDifference, union: geos.GEOSUnion }[op];
    const onGrid = { intersection: geos.GEOSIntersectionPrec, difference: geos.GEOSDifferencePrec, union: geos.GEOSUnionPrec }[op];
    try {
      return readResult(exact.call(geos, pa!, pb!));
    } catch {
      try {
        return readResult(onGrid.call(geos, pa!, pb!, RETRY_GRID_DEG));
      } catch {
        throw new GeometryError({
          code: "GEOMETRY_ENGINE_FAILED",
          message: `The geometry engine could not compute the ${op} of these shapes, even on a 0.1 mm grid. Nothing was saved; send the file to your administrator.`,
        });
      }
    }
  });
}

export const intersection = (a: Areal, b: Areal): Areal | null => overlay("intersection", a, b);

/** a minus b. */
export const difference = (a: Areal, b: Areal): Areal | null => overlay("difference", a, b);

export const union = (a: Areal, b: Areal): Areal | null => overlay("union", a, b);

/** The union of many polygons in one cascaded pass (far faster than folding union over the list). */
export function unionAll(list: readonly Areal[]): Areal {
  if (list.length === 1) return list[0]!;
  const geos = geosEngine();
  const collection: Geometry = { type: "GeometryCollection", geometries: [...list] };
  return withGeos([collection], ([p]) => {
    let result: Areal | null;
    try {
      result = readResult(geos.GEOSUnaryUnion(p!));
    } catch {
      result = readResult(geos.GEOSUnaryUnionPrec(p!, RETRY_GRID_DEG));
    }
    if (!result) throw new Error("the union of non-empty polygons was empty");
    return result;
  });
}
