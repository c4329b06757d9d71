// Where the field map's features lie: their bounds, and a point for each hazardous area at small scales.
import type { Feature, FeatureCollection } from "geojson";
import type { LngLatBoundsLike } from "maplibre-gl";
import type { Areal, HazardFeature } from "./field-map";

/**
 * The box (west, south, east, north) around the features and any extra points, such as where a report's photos
 * were taken: a reviewer opens the map on the polygon and its photos together, however far apart they are.
 */
export function bounds(
  features: Feature<Areal>[],
  points: readonly { lon: number; lat: number }[] = [],
): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const corners = [
    ...features.flatMap((f) =>
      (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2),
    ),
    ...points.map((p) => [p.lon, p.lat]),
  ] as unknown as [number, number][];
  for (const [lon, lat] of corners) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
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

export const IRAQ: LngLatBoundsLike = [38.79, 29.06, 48.57, 37.38];
