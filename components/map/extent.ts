// Where the field map's features lie: their bounds to open the view on, and
// each hazardous area's centre for its dot at small scales.
import type { Feature, FeatureCollection } from "geojson";
import type { Areal, HazardFeature } from "./field-map";

export function bounds(features: Feature<Areal>[]): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const [lon, lat] of polygons.flat(2) as unknown as [number, number][]) {
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** Each hazardous area as a point at the centre of its bounds, for small scales. */
export function centres(features: HazardFeature[] | undefined): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: (features ?? []).flatMap((f) => {
      const b = bounds([f]);
      return b
        ? [
            {
              type: "Feature" as const,
              properties: f.properties,
              geometry: { type: "Point" as const, coordinates: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] },
            },
          ]
        : [];
    }),
  };
}
