import type { Feature, Geometry } from "geojson";
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText } from "@/lib/geo/messages";
import { crsFromEpsgCode } from "./datums";
import { type Collected, mapPositions, polygonsFromFeatures } from "./features";
import type { ReadOptions } from "./types";

/**
 * GeoJSON: a bare geometry, a Feature or a FeatureCollection; an old-style
 * `crs` member may name UTM 37N/38N or a system on one of Iraq's older datums.
 */
export function readGeoJson(text: string, options: ReadOptions): Collected {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new GeometryError(
      geometryProblem("UNREADABLE_FILE", geometryText("invalidJson", { detail: (err as Error).message })),
    );
  }
  const doc = parsed as {
    type?: string;
    features?: Feature[];
    geometry?: Geometry;
    crs?: { properties?: { name?: string } };
  };
  const crsText = doc.crs?.properties?.name;
  let features: Feature[];
  if (doc.type === "FeatureCollection" && Array.isArray(doc.features)) features = doc.features;
  else if (doc.type === "Feature") features = [doc as Feature];
  else if (typeof doc.type === "string") features = [{ type: "Feature", properties: {}, geometry: doc as Geometry }];
  else throw new GeometryError(geometryProblem("UNREADABLE_FILE", geometryText("jsonWithoutType")));
  const code = crsText ? /EPSG:{1,2}(\d+)/i.exec(crsText)?.[1] : undefined;
  const crs = code ? crsFromEpsgCode(Number(code)) : undefined;
  if (crs) {
    const converted = features.map((f) => ({ ...f, geometry: mapPositions(f.geometry, crs.toLonLat) }) as Feature);
    return { ...polygonsFromFeatures(converted, options), crs };
  }
  return polygonsFromFeatures(features, { ...options, ...(crsText ? { crsText } : {}) });
}
