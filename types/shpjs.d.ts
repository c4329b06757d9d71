// shpjs ships no types; these are the two parsers lib/geo/read/shapefile.ts uses.
declare module "shpjs" {
  import type { Geometry } from "geojson";
  /** Parses .shp bytes; with a .prj (WKT) the coordinates are reprojected to WGS84 lon/lat by proj4. */
  export function parseShp(shp: Uint8Array | ArrayBuffer | DataView, prj?: string): Geometry[];
  /** Parses .dbf bytes into one attribute object per record. */
  export function parseDbf(dbf: Uint8Array | ArrayBuffer | DataView, cpg?: string): Record<string, unknown>[];
}
