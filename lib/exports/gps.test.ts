import { gpx, kml } from "@tmcw/togeojson";
import { booleanPointInPolygon } from "@turf/turf";
import { DOMParser } from "@xmldom/xmldom";
import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { type GpsLayers, gpxText, kmlFoldersText } from "./gps";

// An area with a hole (a house left out), and released land in two parts.
const withHole: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [44.0, 36.0],
      [44.01, 36.0],
      [44.01, 36.01],
      [44.0, 36.01],
      [44.0, 36.0],
    ],
    [
      [44.004, 36.004],
      [44.004, 36.006],
      [44.006, 36.006],
      [44.006, 36.004],
      [44.004, 36.004],
    ],
  ],
};
const twoParts: MultiPolygon = {
  type: "MultiPolygon",
  coordinates: [
    [
      [
        [44.0, 36.0],
        [44.002, 36.0],
        [44.002, 36.002],
        [44.0, 36.0],
      ],
    ],
    [
      [
        [44.008, 36.008],
        [44.01, 36.008],
        [44.01, 36.01],
        [44.008, 36.008],
      ],
    ],
  ],
};
const layers: GpsLayers = {
  title: "TSK-0007 · Farmland <north> & wells",
  hazardAreas: {
    folder: "Hazardous areas",
    areas: [{ name: "CHA-0042", description: "حقل الألغام قرب القرية & البئر", geometry: withHole }],
  },
  released: {
    folder: "Released land",
    areas: [{ name: "CHA-0042 cleared", description: "Cleared, approved 2025-03-02", geometry: twoParts }],
  },
};
const parse = (text: string) => new DOMParser().parseFromString(text, "text/xml");

describe("a task's areas for a GPS device", () => {
  it("GPX: a waypoint inside each hazardous area named by its code, and every ring as a closed track segment", () => {
    const text = gpxText(layers, "Mine Action Dashboard");
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    const read = gpx(parse(text)).features;
    const waypoints = read.filter((f) => f.geometry?.type === "Point");
    expect(waypoints.map((w) => w.properties?.name)).toEqual(["CHA-0042"]);
    const at = waypoints[0]!.geometry as { type: "Point"; coordinates: number[] };
    expect(booleanPointInPolygon(at.coordinates, withHole)).toBe(true);

    const tracks = read.filter((f) => f.geometry?.type !== "Point");
    expect(tracks.map((t) => [t.properties?.name, t.properties?.type])).toEqual([
      ["CHA-0042", "Hazardous areas"],
      ["CHA-0042 cleared", "Released land"],
    ]);
    expect(tracks[0]!.properties?.desc).toBe("حقل الألغام قرب القرية & البئر");
    // togeojson reads a track of several segments as a MultiLineString: one per ring, closed as written.
    expect(tracks[0]!.geometry).toEqual({ type: "MultiLineString", coordinates: withHole.coordinates });
    expect(tracks[1]!.geometry).toEqual({ type: "MultiLineString", coordinates: twoParts.coordinates.flat() });
    expect(parse(text).getElementsByTagName("metadata")[0]?.textContent).toContain(
      "TSK-0007 · Farmland <north> & wells",
    );
  });

  it("KML: the areas in two named folders, each a placemark keeping its holes and parts", () => {
    const doc = parse(kmlFoldersText(layers));
    const folders = Array.from(doc.getElementsByTagName("Folder"));
    expect(folders.map((f) => f.getElementsByTagName("name")[0]?.textContent)).toEqual([
      "Hazardous areas",
      "Released land",
    ]);
    const read = kml(doc).features;
    expect(read.map((f) => [f.properties?.name, f.properties?.description])).toEqual([
      ["CHA-0042", "حقل الألغام قرب القرية & البئر"],
      ["CHA-0042 cleared", "Cleared, approved 2025-03-02"],
    ]);
    expect(read[0]!.geometry).toEqual(withHole);
    // KML writes parts as a MultiGeometry, which togeojson reads back as a collection of polygons.
    expect(read[1]!.geometry).toEqual({
      type: "GeometryCollection",
      geometries: twoParts.coordinates.map((coordinates) => ({ type: "Polygon", coordinates })),
    });
  });
});
