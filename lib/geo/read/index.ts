// Reads the files field teams send into WGS84 polygons, ready for
// validateAreal. Pure: bytes in, GeoJSON out; runs in the browser too.
import type { FeatureCollection } from "geojson";
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText } from "@/lib/geo/messages";
import type { LocalisedText } from "@/lib/i18n/localised";
import { readCsv } from "./csv";
import type { PrjCrs } from "./datums";
import type { Collected } from "./features";
import { readGeoJson } from "./geojson";
import { readGeoPackage } from "./geopackage";
import { readZippedShapefile } from "./shapefile";
import { readSpreadsheet } from "./spreadsheet";
import { DEFAULT_READ_LIMITS, type ReadOptions, type ReadResult } from "./types";
import { utmCrs, zoneFromCrsText } from "./utm";
import { readGpx, readKml, readKmz } from "./xml";

export * from "./types";

const FORMATS: Record<string, ReadResult["format"]> = {
  ".geojson": "geojson",
  ".json": "geojson",
  ".kml": "kml",
  ".kmz": "kmz",
  ".gpx": "gpx",
  ".zip": "shapefile",
  ".csv": "csv",
  ".xlsx": "xlsx",
  ".gpkg": "geopackage",
};

/**
 * What the user is told about a .prj's datum: the system read and the
 * transformation applied (with its published accuracy), or that an unknown
 * datum on WGS 84's ellipsoid was read as WGS 84. Nothing for WGS 84 itself.
 */
function notesOnCrs(crs: PrjCrs): LocalisedText[] {
  const t = crs.transformation;
  if (t) {
    const values = { crs: crs.name, datum: t.datum, epsg: String(t.epsg), transformation: t.name };
    return [
      t.accuracyM === null
        ? geometryText("noteDatumShiftedNoAccuracy", values)
        : geometryText("noteDatumShifted", { ...values, accuracy: String(t.accuracyM) }),
    ];
  }
  if (crs.prjParameters)
    return [geometryText("noteDatumShiftedByPrj", { crs: crs.name, parameters: crs.prjParameters.join(", ") })];
  if (crs.unknownDatum)
    return [geometryText("noteUnknownDatumReadAsWgs84", { crs: crs.name, datum: crs.unknownDatum })];
  return [];
}

/** Megabytes to one decimal, as the messages show them ("20.0"). */
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * Reads a GeoJSON, KML or KMZ, GPX, zipped shapefile or GeoPackage file, or a
 * CSV or Excel sheet (turning points, or areas as WKT).
 * Throws GeometryError for an unsupported, unreadable or oversized file, or
 * projected coordinates whose zone is unknown.
 */
export async function readGeometryFile(
  file: { name: string; bytes: Uint8Array },
  options: ReadOptions = {},
): Promise<ReadResult> {
  const limits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const ext = file.name.slice(file.name.lastIndexOf(".")).toLowerCase();
  const format = FORMATS[ext];
  if (!format) {
    throw new GeometryError(
      geometryProblem("UNSUPPORTED_FORMAT", geometryText("unsupportedFormat", { name: file.name })),
    );
  }
  if (file.bytes.byteLength > limits.maxBytes) {
    throw new GeometryError(
      geometryProblem(
        "FILE_TOO_LARGE",
        geometryText("fileTooLarge", { name: file.name, size: mb(file.bytes.byteLength), limit: mb(limits.maxBytes) }),
      ),
    );
  }
  const text = () => new TextDecoder().decode(file.bytes);
  let collected: Collected & { prj?: string };
  let crsFromFile: string | undefined;
  const crsNotes: LocalisedText[] = [];
  switch (format) {
    case "geojson":
      collected = readGeoJson(text(), options);
      break;
    case "kml":
      collected = readKml(text(), options);
      break;
    case "kmz":
      collected = await readKmz(file.bytes, options);
      break;
    case "xlsx":
      collected = await readSpreadsheet(file.bytes, options);
      break;
    case "geopackage": {
      const read = await readGeoPackage(file.bytes, options);
      collected = read;
      crsFromFile = read.sourceCrs;
      break;
    }
    case "gpx":
      collected = readGpx(text(), options);
      break;
    case "csv":
      collected = readCsv(text(), options);
      break;
    case "shapefile":
      collected = await readZippedShapefile(file.bytes, options);
      if (collected.prj && !collected.crs) {
        const zone = zoneFromCrsText(collected.prj);
        crsFromFile = zone
          ? utmCrs(zone)
          : /GEOGCS\["GCS_WGS_1984"|GEOGCS\["WGS 84"/.test(collected.prj) && !/PROJCS/.test(collected.prj)
            ? "EPSG:4326"
            : `PRJ: ${collected.prj.slice(0, 60)}`;
      }
      break;
  }
  if (collected.crs) {
    crsFromFile = collected.crs.sourceCrs;
    crsNotes.push(...notesOnCrs(collected.crs));
  }
  const features = new Set(collected.polygons.map((p) => p.feature)).size;
  if (features > limits.maxFeatures) {
    throw new GeometryError(
      geometryProblem(
        "TOO_MANY_FEATURES",
        geometryText("tooManyFeatures", {
          name: file.name,
          count: String(features),
          limit: String(limits.maxFeatures),
        }),
      ),
    );
  }
  const vertices = collected.polygons.reduce((s, p) => s + p.geometry.coordinates.reduce((t, r) => t + r.length, 0), 0);
  if (vertices > limits.maxVertices) {
    const text = geometryText("fileTooManyVertices", {
      name: file.name,
      count: vertices.toLocaleString("en"),
      limit: limits.maxVertices.toLocaleString("en"),
    });
    throw new GeometryError(geometryProblem("TOO_MANY_VERTICES", text));
  }
  return {
    format,
    ...(collected.rowNumbers ? { rowNumbers: collected.rowNumbers } : {}),
    polygons: collected.polygons,
    attributes: collected.attributes,
    sourceCrs: crsFromFile ?? (collected.projectedZone ? utmCrs(collected.projectedZone) : "EPSG:4326"),
    ...(collected.crs?.transformation ? { datumTransformation: collected.crs.transformation } : {}),
    // Once each: two segments of one track closing on themselves say the same thing.
    notes: [...new Map([...crsNotes, ...collected.notes].map((n) => [n.en, n])).values()],
  };
}

/** The polygons as one FeatureCollection, the form validateAreal takes. */
export function asFeatureCollection(result: ReadResult): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: result.polygons.map((p) => ({
      type: "Feature",
      properties: p.name ? { name: p.name } : {},
      geometry: p.geometry,
    })),
  };
}
