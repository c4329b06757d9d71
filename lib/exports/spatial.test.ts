import { describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { readGeometryFile } from "@/lib/geo/read";
import { boxRing } from "@/tests/helpers/shapes";
import { geojsonText, kmlText, type SpatialFeature, shapefileZip } from "./spatial";

// Near Mosul: a field with a hole (an excluded house plot), and a two-part released area.
const field: SpatialFeature = {
  type: "Feature",
  properties: { name: "حقل الموصل 1", code: "HA-1", area_m2: 0 },
  geometry: {
    type: "Polygon",
    // The hole is the house plot's box walked the other way, clockwise.
    coordinates: [boxRing(43.1, 36.3, 43.11, 36.31), boxRing(43.103, 36.303, 43.105, 36.305).toReversed()],
  },
};
const twoParts: SpatialFeature = {
  type: "Feature",
  properties: { name: "Sinjar road, both verges", code: "HA-2", area_m2: 0 },
  geometry: {
    type: "MultiPolygon",
    coordinates: [
      [
        [
          [41.8, 36.3],
          [41.802, 36.3],
          [41.802, 36.302],
          [41.8, 36.3],
        ],
      ],
      [boxRing(41.81, 36.31, 41.813, 36.313)],
    ],
  },
};
const features: SpatialFeature[] = [field, twoParts].map((f) => ({
  ...f,
  properties: { ...f.properties, area_m2: geodesicAreaM2(f.geometry) },
}));

async function reread(name: string, bytes: Uint8Array) {
  const result = await readGeometryFile({ name, bytes });
  const byFeature = new Map<number, { name?: string; m2: number }>();
  for (const p of result.polygons) {
    const seen = byFeature.get(p.feature) ?? { name: p.name, m2: 0 };
    seen.m2 += geodesicAreaM2(p.geometry);
    byFeature.set(p.feature, seen);
  }
  return { crs: result.sourceCrs, features: [...byFeature.values()] };
}

describe("spatial exports re-import with the same areas", () => {
  it.each([
    ["GeoJSON", "areas.geojson", async () => new TextEncoder().encode(geojsonText(features))],
    ["KML", "areas.kml", async () => new TextEncoder().encode(kmlText(features))],
    ["zipped shapefile", "areas.zip", () => shapefileZip("hazard_areas", features)],
  ])("%s", async (_, name, write) => {
    const back = await reread(name, await write());
    expect(back.crs).toBe("EPSG:4326");
    expect(back.features.map((f) => f.name)).toEqual(features.map((f) => f.properties.name));
    // Identical but for the order the area's terms are summed in (the shapefile winds rings the other way).
    back.features.forEach((f, i) =>
      expect(Math.abs(f.m2 / (features[i]!.properties.area_m2 as number) - 1)).toBeLessThan(1e-9),
    );
  });

  it("writes the shapefile's projection, encoding and all parts", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await shapefileZip("released", features));
    expect(Object.keys(zip.files).sort()).toEqual([
      "released.cpg",
      "released.dbf",
      "released.prj",
      "released.shp",
      "released.shx",
    ]);
    expect(await zip.file("released.prj")!.async("string")).toMatch(/^GEOGCS\["GCS_WGS_1984"/);
    expect(await zip.file("released.cpg")!.async("string")).toBe("UTF-8");
  });

  it("refuses a field name a .dbf cannot hold", async () => {
    await expect(shapefileZip("x", [{ ...field, properties: { releasedAreaM2: 1 } }])).rejects.toThrow(
      /releasedAreaM2.*10 characters/,
    );
  });
});
