import type { Feature, Geometry } from "geojson";
import { GeometryError } from "../errors";
import { polygonsFromFeatures, type Collected } from "./features";
import type { ReadOptions } from "./types";

/** GeoJSON: a bare geometry, a Feature or a FeatureCollection; an old-style `crs` member may name UTM 37N/38N. */
export function readGeoJson(text: string, options: ReadOptions): Collected {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new GeometryError({ code: "UNREADABLE_FILE", message: `This is not valid JSON (${(err as Error).message}). Export the file again as GeoJSON.` });
  }
  const doc = parsed as { type?: string; features?: Feature[]; geometry?: Geometry; crs?: { properties?: { name?: string } } };
  const crsText = doc.crs?.properties?.name;
  let features: Feature[];
  if (doc.type === "FeatureCollection" && Array.isArray(doc.features)) features = doc.features;
  else if (doc.type === "Feature") features = [doc as Feature];
  else if (typeof doc.type === "string") features = [{ type: "Feature", properties: {}, geometry: doc as Geometry }];
  else throw new GeometryError({ code: "UNREADABLE_FILE", message: "This JSON file is not GeoJSON: it has no \"type\". Export the file again as GeoJSON." });
  return polygonsFromFeatures(features, { ...options, ...(crsText ? { crsText } : {}) });
}
