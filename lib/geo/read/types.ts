import type { Polygon } from "geojson";
import type { LocalisedText } from "@/lib/i18n/localised";

export type ReadLimits = {
  /** Largest file accepted, bytes. */
  maxBytes: number;
  /** Most positions over all polygons. */
  maxVertices: number;
  /** Most features (placemarks, shapes, CSV polygons) in one file. */
  maxFeatures: number;
  /** Most bytes a zipped shapefile may expand to (a small zip can inflate to gigabytes). */
  maxUnzippedBytes: number;
};

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxVertices: 100_000,
  maxFeatures: 1_000,
  maxUnzippedBytes: 100 * 1024 * 1024,
};

export type UtmZone = 37 | 38;

export type ReadOptions = {
  /** UTM zone (north) stated by the user for projected coordinates without a .prj; Iraq spans 37N and 38N. */
  utmZone?: UtmZone;
  limits?: Partial<ReadLimits>;
};

/** A published transformation from a datum to WGS 84, as applied to a file. */
export type DatumTransformation = {
  /** The datum as surveyors call it ("Nahrwan 1934"). */
  datum: string;
  /** The transformation's EPSG code and name ("Nahrwan 1934 to WGS 84 (6)"). */
  epsg: number;
  name: string;
  /** Its published accuracy (m); null where EPSG publishes none. */
  accuracyM: number | null;
};

export type ReadPolygon = { feature: number; name?: string; geometry: Polygon };

export type FeatureAttributes = Record<string, string | number | boolean | Date | null>;

export type ReadResult = {
  format: "geojson" | "kml" | "kmz" | "gpx" | "shapefile" | "csv" | "xlsx" | "geopackage";
  /** Every polygon found, in file order, in WGS84 [lon, lat]; not yet validated. */
  polygons: ReadPolygon[];
  /** Each feature's attributes (a shapefile's .dbf row, a KML placemark's data, GeoJSON properties), by feature index. */
  attributes: FeatureAttributes[];
  /** Source coordinate reference system, e.g. "EPSG:4326", "EPSG:32638", "EPSG:7006", or the .prj's name when it states no code. */
  sourceCrs: string;
  /** The datum shift applied to reach WGS 84, when the file's datum is not WGS 84 (also told in `notes`). */
  datumTransformation?: DatumTransformation;
  /** For a table of areas (CSV, Excel), the row number the sheet shows for each feature; else features count from 1. */
  rowNumbers?: readonly number[];
  /** What the user should know that is not an error (ignored waypoints, closed tracks…), in every language. */
  notes: LocalisedText[];
};
