// OGC validity as GEOS defines it (IsValidOp, the code behind PostGIS's
// ST_IsValid), and GEOS's own repair (MakeValid). GEOS finds the first fault
// with an indexed noder, O(n log n) for ordinary shapes: a 99,999-vertex
// circle checks in about 2 ms, where Turf's kinks() compared every segment
// with every other and took 104 s. A ring touching itself or a hole at one
// point is valid here, as in GEOS; crossings, spikes, nested holes and holes
// that cut the polygon apart are not.
import type { Polygon, Position } from "geojson";
import { geojsonToGeosGeom, geosGeomToGeojson } from "geos-wasm/helpers";
import { type Areal, makeValid, unionAll } from "./boolean";
import { geosEngine } from "./engine";

/** GEOS's reason strings (geos/operation/valid/TopologyValidationError.cpp), the ones a polygon can give. */
export type ValidityFault =
  | "Self-intersection"
  | "Ring Self-intersection"
  | "Holes are nested"
  | "Hole lies outside shell"
  | "Interior is disconnected"
  | "Duplicate Rings"
  | "Too few points in geometry component"
  | "Invalid Coordinate"
  | "Nested shells";

export type Validity = { valid: true } | { valid: false; fault: ValidityFault | string; location?: Position };

type EmscriptenModule = {
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  getValue(ptr: number, type: "i32"): number;
  UTF8ToString(ptr: number): string;
};

/** GEOS's verdict on one polygon in its own coordinates, with the first fault and where it is. */
export function polygonValidity(polygon: Polygon): Validity {
  const geos = geosEngine();
  const module = (geos as unknown as { Module: EmscriptenModule }).Module;
  const geometry = geojsonToGeosGeom(polygon, geos);
  const reasonOut = module._malloc(4);
  const locationOut = module._malloc(4);
  try {
    const verdict = geos.GEOSisValidDetail(geometry, 0, reasonOut, locationOut);
    if (verdict === 1) return { valid: true };
    if (verdict !== 0) throw new Error("GEOS could not decide the polygon's validity");
    const reason = module.getValue(reasonOut, "i32");
    const location = module.getValue(locationOut, "i32");
    const fault = reason ? module.UTF8ToString(reason) : "Self-intersection";
    if (reason) geos.GEOSFree(reason);
    let at: Position | undefined;
    if (location) {
      try {
        const point = geosGeomToGeojson(location, geos) as { type: string; coordinates?: Position };
        if (point.type === "Point" && point.coordinates) at = [point.coordinates[0]!, point.coordinates[1]!];
      } finally {
        geos.GEOSGeom_destroy(location);
      }
    }
    return { valid: false, fault, ...(at ? { location: at } : {}) };
  } finally {
    module._free(reasonOut);
    module._free(locationOut);
    geos.GEOSGeom_destroy(geometry);
  }
}

/**
 * The ring a fault's location is a vertex of, when exactly one ring has it
 * (a hole outside its boundary is reported at its first vertex). A crossing
 * between two segments is usually no vertex at all: then no ring is named.
 */
export function ringAt(polygon: Polygon, location: Position | undefined): number | undefined {
  if (!location) return undefined;
  const rings = polygon.coordinates.flatMap((ring, r) =>
    ring.some((p) => p[0] === location[0] && p[1] === location[1]) ? [r] : [],
  );
  return rings.length === 1 ? rings[0] : undefined;
}

/**
 * GEOS's repair of invalid polygons (MakeValid, its default "linework"
 * method, as PostGIS's ST_MakeValid): every piece of land the boundaries
 * enclose, each counted once, with no crossing left. Offered to the user for
 * confirmation, never applied silently. Null when nothing areal survives.
 */
export function repairPolygons(polygons: readonly Polygon[]): Areal | null {
  // Each part on its own: the linework method run on overlapping parts together would drop their overlap.
  const pieces = polygons.map(makeValid).filter((g): g is Areal => g !== null);
  if (pieces.length === 0) return null;
  return pieces.length === 1 ? pieces[0]! : unionAll(pieces);
}
