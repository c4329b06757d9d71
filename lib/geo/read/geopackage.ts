// GeoPackage (.gpkg), what QGIS and ArcGIS Pro export: an SQLite database
// (read with sql.js, SQLite compiled to WebAssembly) whose feature tables
// hold geometries as GeoPackage blobs, a header and then WKB (wkb.ts). The
// first polygon layer is read, each row a feature with its columns as
// attributes, in the system its srs_id names (datums.ts shifts Iraq's own).
// Server side only: the browser would need sql.js's 650 KB of WebAssembly
// served for it, and a GeoPackage is an authority's register, imported on the server.
import type { Feature, Geometry } from "geojson";
import type { SqlJsStatic } from "sql.js";
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText } from "@/lib/geo/messages";
import { crsFromEpsgCode, crsFromPrj, type PrjCrs } from "./datums";
import { type Collected, mapPositions, polygonsFromFeatures } from "./features";
import { DEFAULT_READ_LIMITS, type FeatureAttributes, type ReadOptions } from "./types";
import { wkbToGeoJSON } from "./wkb";

const SQLITE_HEADER = "SQLite format 3\0";
/** Bytes of the envelope after a GeoPackage blob's fixed header, by its envelope indicator (flags bits 1–3). */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];
const AREA_TYPES = ["POLYGON", "MULTIPOLYGON", "CURVEPOLYGON", "MULTISURFACE", "GEOMETRY", "GEOMETRYCOLLECTION"];

let sqlJs: Promise<SqlJsStatic> | undefined;

/** sql.js with its WebAssembly read from node_modules (no network, no public file). */
function loadSqlJs(): Promise<SqlJsStatic> {
  const builtin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  if (!builtin) {
    throw new GeometryError(geometryProblem("UNSUPPORTED_FORMAT", geometryText("geopackageOnServerOnly")));
  }
  sqlJs ??= (async () => {
    const fs = builtin("node:fs") as typeof import("node:fs");
    const { createRequire } = builtin("node:module") as typeof import("node:module");
    const wasm = fs.readFileSync(createRequire(import.meta.url).resolve("sql.js/dist/sql-wasm.wasm"));
    const init = (await import("sql.js")).default;
    return init({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
  })();
  return sqlJs;
}

const unreadable = (detail: string) =>
  new GeometryError(geometryProblem("UNREADABLE_FILE", geometryText("geopackageUnreadable", { detail })));

/** The WKB of a GeoPackage geometry blob, null for an empty geometry. */
function geometryOfBlob(blob: Uint8Array, row: number): Geometry | null {
  if (blob.byteLength < 8 || blob[0] !== 0x47 || blob[1] !== 0x50)
    throw unreadable(`row ${row}: the geometry is not a GeoPackage geometry (no 'GP' header)`);
  const flags = blob[3]!;
  if (flags & 0x20) throw unreadable(`row ${row}: an extended geometry type this app does not read`);
  if (flags & 0x10) return null;
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0x07];
  if (envelope === undefined) throw unreadable(`row ${row}: an unknown envelope indicator`);
  return wkbToGeoJSON(blob, 8 + envelope);
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function readGeoPackage(
  bytes: Uint8Array,
  options: ReadOptions,
): Promise<Collected & { sourceCrs?: string; crs?: PrjCrs }> {
  if (new TextDecoder().decode(bytes.subarray(0, 16)) !== SQLITE_HEADER) throw unreadable("it is not an SQLite file");
  const SQL = await loadSqlJs();
  let db: InstanceType<SqlJsStatic["Database"]> | undefined;
  try {
    db = new SQL.Database(bytes);
    const tables = db.exec(
      `SELECT count(*) FROM sqlite_master WHERE type = 'table'
       AND name IN ('gpkg_contents', 'gpkg_geometry_columns', 'gpkg_spatial_ref_sys')`,
    )[0]?.values[0]?.[0];
    if (tables !== 3) throw unreadable("it lacks the GeoPackage tables (gpkg_contents, gpkg_geometry_columns)");
    const layers = db.exec(
      `SELECT c.table_name, g.column_name, g.srs_id, upper(g.geometry_type_name)
       FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
       JOIN sqlite_master t ON t.name = c.table_name AND t.type = 'table'
       WHERE c.data_type = 'features' ORDER BY c.rowid LIMIT 100`,
    )[0]?.values as [string, string, number, string][] | undefined;
    const layer = layers?.find((l) => AREA_TYPES.includes(l[3]));
    if (!layer) throw unreadable("it has no layer of polygons (gpkg_geometry_columns)");
    const [table, column, srsId] = layer;
    const notes = (layers ?? [])
      .filter((l) => l !== layer)
      .map((l) => geometryText("noteGeoPackageLayerNotRead", { layer: table, other: l[0] }));
    const srs = db.exec(
      `SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ${Number(srsId)} LIMIT 1`,
    )[0]?.values[0] as [string, number, string] | undefined;
    const epsg = srs && srs[0].toUpperCase() === "EPSG" ? Number(srs[1]) : undefined;

    const features: Feature<Geometry | null>[] = [];
    // A real table only (a view, recursive, could make rows without end), and no more rows than a file may
    // have features: one more says it has too many (readGeometryFile refuses it).
    const most = (options.limits?.maxFeatures ?? DEFAULT_READ_LIMITS.maxFeatures) + 1;
    const statement = db.prepare(`SELECT * FROM ${quoted(table)} LIMIT ${most}`);
    try {
      while (statement.step()) {
        const values = statement.getAsObject();
        const properties: FeatureAttributes = {};
        for (const [k, v] of Object.entries(values))
          if (k !== column && (typeof v === "string" || typeof v === "number" || v === null)) properties[k] = v;
        const blob = values[column];
        const geometry = blob instanceof Uint8Array ? geometryOfBlob(blob, features.length + 1) : null;
        features.push({ type: "Feature", properties, geometry });
      }
    } finally {
      statement.free();
    }
    // Iraq's own datums by their EPSG codes; any other system by its WKT definition; WGS 84 as it is.
    const crs =
      epsg === 4326
        ? undefined
        : ((epsg ? crsFromEpsgCode(epsg) : undefined) ??
          (srs?.[2] && srs[2] !== "undefined" ? crsFromPrj(srs[2]) : undefined));
    const collected = crs
      ? polygonsFromFeatures(
          features.map((f) => ({ ...f, geometry: mapPositions(f.geometry, crs.toLonLat) })),
          options,
        )
      : polygonsFromFeatures(features, { ...options, ...(epsg && epsg !== 4326 ? { crsText: `EPSG:${epsg}` } : {}) });
    return {
      ...collected,
      notes: [...notes, ...collected.notes],
      ...(crs ? { crs } : epsg ? { sourceCrs: `EPSG:${epsg}` } : {}),
    };
  } catch (err) {
    if (err instanceof GeometryError) throw err;
    throw unreadable((err as Error).message);
  } finally {
    db?.close();
  }
}
