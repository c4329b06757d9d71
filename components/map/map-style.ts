// The field map's style: the offline basemap (shipped boundaries; an
// installation's PMTiles file or tile server beneath them) and the sources and
// layers the map's data is pushed into.
import type { Feature, FeatureCollection } from "geojson";
import type { ExpressionSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import { MAP_COLOURS } from "@/lib/colours";

export type BasemapSettings = {
  /** An XYZ raster tile template on a tile server. */
  tileUrl?: string;
  /** A raster PMTiles archive, on this app's origin (a path) or a server (https://), read through the pmtiles protocol. */
  pmtilesUrl?: string;
  tileAttribution?: string;
};

/** A hazardous area's colour by its status (open, partly or wholly released), for its fill, outline and dot. */
const HAZARD_STATUS_COLOUR: ExpressionSpecification = [
  "match",
  ["get", "status"],
  "released",
  MAP_COLOURS.hazard.released,
  "partial",
  MAP_COLOURS.hazard.partial,
  MAP_COLOURS.hazard.open,
];
export const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };
export const collection = (features: Feature[] | undefined): FeatureCollection => ({
  type: "FeatureCollection",
  features: features ?? [],
});

/** Shown with the map's sources: the town names (place-labels.ts) are markers, not a map source. */
export const PLACES_ATTRIBUTION = "Place names: GeoNames (CC BY 4.0)";

/** The PMTiles protocol takes an absolute URL: a path on this app's origin is resolved against it. */
export const pmtilesSourceUrl = (url: string, origin: string) => `pmtiles://${new URL(url, origin).href}`;

/** The installation's raster basemap beneath the boundaries: its PMTiles file first (it works offline), else its tile server. */
function rasterBasemap(basemap: BasemapSettings | undefined, origin: string): SourceSpecification | null {
  const attribution = basemap?.tileAttribution ?? "";
  if (basemap?.pmtilesUrl) {
    return { type: "raster", url: pmtilesSourceUrl(basemap.pmtilesUrl, origin), tileSize: 256, attribution };
  }
  if (basemap?.tileUrl) return { type: "raster", tiles: [basemap.tileUrl], tileSize: 256, attribution };
  return null;
}

// The basemap ships with the app (public/basemap) so the map works offline;
// a raster basemap is drawn underneath only when an installation configures one.
export function style(basemap: BasemapSettings | undefined, origin: string): StyleSpecification {
  const attribution = "Boundaries: OCHA / Iraq CSO (CC BY-IGO 3.0)";
  const raster = rasterBasemap(basemap, origin);
  return {
    version: 8,
    sources: {
      ...(raster ? { tiles: raster } : {}),
      governorates: { type: "geojson", data: "/basemap/iraq-governorates.geojson", attribution },
      hazards: { type: "geojson", data: EMPTY },
      "hazard-points": { type: "geojson", data: EMPTY },
      released: { type: "geojson", data: EMPTY },
      submitted: { type: "geojson", data: EMPTY },
      repaired: { type: "geojson", data: EMPTY },
      cells: { type: "geojson", data: EMPTY },
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#dfe7ec" } },
      ...(raster ? [{ id: "tiles", type: "raster" as const, source: "tiles" }] : []),
      {
        id: "governorates-fill",
        type: "fill",
        source: "governorates",
        paint: { "fill-color": "#fbfaf6", "fill-opacity": raster ? 0.15 : 1 },
      },
      {
        id: "governorates-line",
        type: "line",
        source: "governorates",
        paint: { "line-color": "#8a949c", "line-width": 1 },
      },
      {
        id: "hazards-fill",
        type: "fill",
        source: "hazards",
        paint: {
          "fill-color": HAZARD_STATUS_COLOUR,
          "fill-opacity": 0.25,
        },
      },
      {
        id: "hazards-line",
        type: "line",
        source: "hazards",
        paint: {
          "line-color": HAZARD_STATUS_COLOUR,
          "line-width": 2,
        },
      },
      // Hazardous areas are hundreds of metres across: at country scale they show as dots.
      {
        id: "hazard-points",
        type: "circle",
        source: "hazard-points",
        maxzoom: 11,
        paint: {
          "circle-radius": 6,
          "circle-color": HAZARD_STATUS_COLOUR,
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 1.5,
        },
      },
      {
        id: "released-fill",
        type: "fill",
        source: "released",
        paint: {
          "fill-color": [
            "match",
            ["get", "method"],
            "CANCELLED",
            MAP_COLOURS.method.CANCELLED,
            "REDUCED",
            MAP_COLOURS.method.REDUCED,
            "REOPENED",
            MAP_COLOURS.method.REOPENED,
            MAP_COLOURS.method.CLEARED,
          ],
          "fill-opacity": 0.6,
        },
      },
      {
        id: "cells",
        type: "circle",
        source: "cells",
        paint: {
          "circle-radius": ["interpolate", ["linear"], ["sqrt", ["get", "areas"]], 1, 5, 30, 24],
          "circle-color": HAZARD_STATUS_COLOUR,
          "circle-opacity": 0.75,
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 1,
        },
      },
      {
        id: "repaired-fill",
        type: "fill",
        source: "repaired",
        paint: { "fill-color": MAP_COLOURS.drawn.fill, "fill-opacity": 0.55 },
      },
      {
        id: "repaired-line",
        type: "line",
        source: "repaired",
        paint: { "line-color": MAP_COLOURS.drawn.outline, "line-width": 1.5 },
      },
      {
        id: "submitted-line",
        type: "line",
        source: "submitted",
        paint: { "line-color": MAP_COLOURS.submitted, "line-width": 2.5, "line-dasharray": [2, 1] },
      },
    ],
  };
}
