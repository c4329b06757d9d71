// Map features from stored records, built on the server for the FieldMap.
import { hazardStatus } from "@/lib/colours";
import type { Areal, HazardFeature, ReleasedFeature } from "./field-map";

type Json = unknown;

export function hazardFeatures(
  areas: readonly { code: string; name: string; areaM2: number; releasedM2: number; geometry: Json }[],
): HazardFeature[] {
  return areas.map((h) => ({
    type: "Feature",
    properties: { code: h.code, name: h.name, status: hazardStatus(h.areaM2, h.releasedM2) },
    geometry: h.geometry as Areal,
  }));
}

/**
 * Released land by method, in the order given (oldest first, so later land is drawn over earlier); a reopening
 * (land a failed post-clearance inspection took back) is drawn as reopened over the release it reverses.
 */
export function releasedFeatures(
  reports: readonly {
    method: "CANCELLED" | "REDUCED" | "CLEARED";
    countedGeometry: Json;
    kind?: "RELEASE" | "REOPENING";
  }[],
): ReleasedFeature[] {
  return reports
    .filter((r) => r.countedGeometry)
    .map((r) => ({
      type: "Feature",
      properties: { method: r.kind === "REOPENING" ? "REOPENED" : r.method },
      geometry: r.countedGeometry as Areal,
    }));
}

export function polygonFeatures(geometries: readonly Json[]) {
  return geometries.filter(Boolean).map((g) => ({ type: "Feature" as const, properties: {}, geometry: g as Areal }));
}
