// A table of areas, as registers are kept in spreadsheets and as IMSMA and
// GIS tools export them to CSV or Excel: one row per area, its polygon as WKT
// (or EWKT with its SRID) in one column, every other column an attribute the
// import maps. WKT is read by betterknown (Placemark's WKT/WKB reader).

import { wktToGeoJSON } from "betterknown";
import type { Feature, Geometry } from "geojson";
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText } from "@/lib/geo/messages";
import { crsFromEpsgCode } from "./datums";
import { type Collected, mapPositions, polygonsFromFeatures } from "./features";
import type { FeatureAttributes, ReadOptions } from "./types";

/** A cell that begins as WKT (or EWKT) of an area does. */
const LOOKS_LIKE_WKT = /^\s*(SRID=\d+\s*;\s*)?(MULTI)?POLYGON\b|^\s*(SRID=\d+\s*;\s*)?GEOMETRYCOLLECTION\b/i;

/**
 * The column holding the areas' WKT, whatever its name (QGIS writes WKT, ArcGIS SHAPE@WKT, PostGIS geom): the
 * first whose first filled cell is WKT of a polygon.
 */
export function wktColumn(headers: readonly string[], rows: readonly Record<string, unknown>[]): string | undefined {
  return headers.find((h) => {
    const first = rows.find((r) => String(r[h] ?? "").trim() !== "");
    return first !== undefined && LOOKS_LIKE_WKT.test(String(first[h]));
  });
}

/** An EWKT's SRID and its WKT ("SRID=32638;POLYGON ((…))"), or the WKT alone. */
function splitEwkt(text: string): { srid?: number; wkt: string } {
  const m = /^\s*SRID=(\d+)\s*;\s*(.*)$/is.exec(text);
  return m ? { srid: Number(m[1]), wkt: m[2]! } : { wkt: text };
}

/**
 * Rows of a table (the header's names as keys, `rowNumbers` the number a
 * spreadsheet shows for each) with their polygons in `column`.
 * An empty cell leaves the row without a polygon (the import says so for that
 * row); WKT that cannot be read refuses the file, naming the row and column.
 */
export function readWktTable(
  rows: readonly Record<string, unknown>[],
  column: string,
  options: ReadOptions,
  rowNumbers: readonly number[],
): Collected {
  const srids = new Set<number | "none">();
  const features: Feature<Geometry | null>[] = rows.map((row, i) => {
    const properties: FeatureAttributes = {};
    for (const [k, v] of Object.entries(row))
      if (
        k !== column &&
        (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date)
      )
        properties[k] = v;
    const cell = String(row[column] ?? "").trim();
    if (!cell) return { type: "Feature", properties, geometry: null };
    const { srid, wkt } = splitEwkt(cell);
    let geometry: Geometry | null;
    try {
      geometry = wktToGeoJSON(wkt) as Geometry | null;
    } catch {
      geometry = null;
    }
    if (!geometry) {
      const text = geometryText("wktUnreadable", {
        row: String(rowNumbers[i]),
        column,
        value: cell.length > 40 ? `${cell.slice(0, 40)}…` : cell,
      });
      throw new GeometryError(geometryProblem("UNREADABLE_FILE", text, { feature: i }));
    }
    srids.add(srid ?? "none");
    return { type: "Feature", properties, geometry };
  });
  // One SRID for the file: a system on one of Iraq's datums is shifted to WGS 84 (datums.ts); UTM on WGS 84
  // is converted by the zone its code names; 4326 is taken as it is.
  // Some rows with an SRID and others without are refused too: which system the others are in is not said.
  if (srids.size > 1) {
    const text = geometryText("wktMixedSrids", { srids: [...srids].join(", ") });
    throw new GeometryError(geometryProblem("UNREADABLE_FILE", text));
  }
  const [given] = srids;
  const srid = given === "none" ? undefined : given;
  const crs = srid !== undefined ? crsFromEpsgCode(srid) : undefined;
  if (crs) {
    const converted = features.map((f) => ({ ...f, geometry: mapPositions(f.geometry, crs.toLonLat) }));
    return { ...polygonsFromFeatures(converted, options), crs, rowNumbers };
  }
  const collected = polygonsFromFeatures(features, {
    ...options,
    ...(srid !== undefined && srid !== 4326 ? { crsText: `EPSG:${srid}` } : {}),
  });
  return { ...collected, rowNumbers };
}
