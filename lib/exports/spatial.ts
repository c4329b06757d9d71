// Hazardous areas and released land as the GIS files partners and
// authorities hand on: GeoJSON (RFC 7946), KML (Google Earth, IMSMA) and a
// zipped ESRI shapefile with its .prj. Pure: features in, file bytes out.

import * as shpwrite from "@mapbox/shp-write";
import { toKML } from "@placemarkio/tokml";
import { rewind } from "@turf/turf";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import JSZip from "jszip";

/** Attribute values a shapefile's .dbf can hold: text or number, never null. */
export type SpatialProperties = Record<string, string | number>;
export type SpatialFeature = Feature<Polygon | MultiPolygon, SpatialProperties>;

// WGS 84 geographic, as ArcGIS and QGIS write it: the coordinates are EPSG:4326 longitude, latitude.
const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

export function featureCollection(
  features: SpatialFeature[],
): FeatureCollection<Polygon | MultiPolygon, SpatialProperties> {
  return { type: "FeatureCollection", features };
}

export const geojsonText = (features: SpatialFeature[]) => JSON.stringify(featureCollection(features));

/** GeoJSON text a feature at a time, from features read in batches: it streams without a limit. */
export async function* geojsonChunks(features: AsyncIterable<SpatialFeature[]>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const batch of features) {
    for (const feature of batch) {
      yield (first ? "" : ",") + JSON.stringify(feature);
      first = false;
    }
  }
  yield "]}\n";
}

/** KML with each feature's attributes as ExtendedData; `name` becomes the placemark's name. */
export const kmlText = (features: SpatialFeature[]) => toKML(featureCollection(features));

/**
 * A zipped shapefile (.shp, .shx, .dbf, .prj, .cpg) named `layer`. Field
 * names are the properties' keys, so they must fit the .dbf's 10 characters.
 * Written with shp-write's low-level writer, because its zip() gives
 * Polygon and MultiPolygon features the same file name (one overwrites the
 * other), keeps GeoJSON's ring order where a shapefile wants outer rings
 * clockwise, and writes text as Latin-1; here every shape is a multipart
 * polygon wound the shapefile way and text is UTF-8, declared in the .cpg.
 */
export async function shapefileZip(layer: string, features: SpatialFeature[]): Promise<Uint8Array> {
  const long = Object.keys(features[0]?.properties ?? {}).find((k) => k.length > 10);
  if (long) throw new Error(`Shapefile field '${long}' is longer than 10 characters.`);
  const shapes = features.map((f) => {
    const wound = rewind(f.geometry, { reverse: true }) as Polygon | MultiPolygon;
    return wound.type === "Polygon" ? [wound.coordinates] : wound.coordinates;
  });
  // The .dbf writer stores one byte per character: give it UTF-8 bytes.
  const rows = features.map((f) =>
    Object.fromEntries(
      Object.entries(f.properties).map(([k, v]) => [
        k,
        typeof v === "string" ? Buffer.from(v, "utf8").toString("latin1") : v,
      ]),
    ),
  );
  const files = await new Promise<{ shp: DataView; shx: DataView; dbf: DataView }>((resolve, reject) =>
    shpwrite.write(rows, "POLYGON", shapes, (err, written) => (err ? reject(err) : resolve(written))),
  );
  const zip = new JSZip();
  zip.file(`${layer}.shp`, files.shp.buffer as ArrayBuffer);
  zip.file(`${layer}.shx`, files.shx.buffer as ArrayBuffer);
  zip.file(`${layer}.dbf`, files.dbf.buffer as ArrayBuffer);
  zip.file(`${layer}.prj`, WGS84_PRJ);
  zip.file(`${layer}.cpg`, "UTF-8");
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
