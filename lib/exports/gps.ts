// A task's ground for a team's GPS device and for Google Earth: its
// hazardous areas and the land already released in them, as GPX 1.1 and
// KML 2.2. Pure: features in, file text out.
//
// GPX has no polygons. Handheld GPS units (Garmin, the teams' usual) draw
// tracks as lines and list waypoints to navigate to, so each area is one
// track whose segments are its rings, closed, plus a waypoint on its surface
// named by its code: the team walks to "CHA-0042" and sees its boundary.

import GeoJsonToGpx from "@dwayneparton/geojson-to-gpx";
import { foldersToKML } from "@placemarkio/tokml";
import { pointOnFeature } from "@turf/turf";
import { DOMImplementation, XMLSerializer } from "@xmldom/xmldom";
import type { Feature, MultiLineString, MultiPolygon, Point, Polygon } from "geojson";

export type GpsArea = {
  /** Short and Latin (a hazardous area's code, a report's area code and method): device screens are narrow. */
  name: string;
  /** The longer words (the area's name, the method and date) in the reader's language. */
  description: string;
  geometry: Polygon | MultiPolygon;
};

export type GpsLayers = {
  /** The file's own title, e.g. the task's code and title. */
  title: string;
  hazardAreas: { folder: string; areas: GpsArea[] };
  released: { folder: string; areas: GpsArea[] };
};

const rings = (g: Polygon | MultiPolygon) => (g.type === "Polygon" ? g.coordinates : g.coordinates.flat());

/** GPX 1.1: a waypoint on each hazardous area, then one track per area (hazardous, then released), a segment per ring. */
export function gpxText(layers: GpsLayers, creator: string): string {
  const waypoints: Feature<Point>[] = layers.hazardAreas.areas.map((a) => ({
    type: "Feature",
    properties: { name: a.name, desc: a.description },
    geometry: pointOnFeature(a.geometry).geometry,
  }));
  const track = (a: GpsArea, type: string): Feature<MultiLineString> => ({
    type: "Feature",
    properties: { name: a.name, desc: a.description, type },
    geometry: { type: "MultiLineString", coordinates: rings(a.geometry) },
  });
  const doc = GeoJsonToGpx(
    {
      type: "FeatureCollection",
      features: [
        ...waypoints,
        ...layers.hazardAreas.areas.map((a) => track(a, layers.hazardAreas.folder)),
        ...layers.released.areas.map((a) => track(a, layers.released.folder)),
      ],
    },
    { creator, metadata: { name: layers.title } },
    new DOMImplementation() as unknown as globalThis.DOMImplementation,
  );
  return `${new XMLSerializer().serializeToString(doc as never)}\n`;
}

/** KML 2.2 with the hazardous areas and the released land in two folders, each area a placemark. */
export function kmlFoldersText(layers: GpsLayers): string {
  const folder = (layer: GpsLayers["hazardAreas"]) => ({
    type: "folder" as const,
    meta: { name: layer.folder },
    children: layer.areas.map((a) => ({
      type: "Feature" as const,
      properties: { name: a.name, description: a.description },
      geometry: a.geometry,
    })),
  });
  return foldersToKML({ type: "root", children: [folder(layers.hazardAreas), folder(layers.released)] });
}
