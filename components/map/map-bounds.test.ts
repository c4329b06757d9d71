import { describe, expect, it } from "vitest";
import type { Areal } from "./field-map";
import { bounds } from "./map-bounds";

const square: { type: "Feature"; properties: object; geometry: Areal } = {
  type: "Feature",
  properties: {},
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [43.1, 36.3],
        [43.2, 36.3],
        [43.2, 36.4],
        [43.1, 36.3],
      ],
    ],
  },
};

describe("where the field map opens", () => {
  it("on the polygons, and on the photos taken beside them, however far", () => {
    expect(bounds([square])).toEqual([43.1, 36.3, 43.2, 36.4]);
    // A photo of a marker taken near Erbil, 80 km from a report in Ninewa: the reviewer sees both at once.
    expect(bounds([square], [{ lon: 44.01, lat: 36.19 }])).toEqual([43.1, 36.19, 44.01, 36.4]);
    expect(bounds([], [])).toBeNull();
  });
});
