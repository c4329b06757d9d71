import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { turningPoints } from "./turning-points";

const polygon = (ring: [number, number][]): Polygon => ({ type: "Polygon", coordinates: [[...ring, ring[0]!]] });

describe("turning points", () => {
  it("lists each corner of each part once, numbered by part and point", () => {
    const square = polygon([
      [43, 36],
      [43.001, 36],
      [43.001, 36.001],
      [43, 36.001],
    ]);
    expect(turningPoints(square).map((p) => [p.part, p.point, p.lon, p.lat])).toEqual([
      [1, 1, 43, 36],
      [1, 2, 43.001, 36],
      [1, 3, 43.001, 36.001],
      [1, 4, 43, 36.001],
    ]);
    expect(turningPoints(null)).toEqual([]);
  });

  it("leaves out a point on a straight edge and a zero-width spike an overlay left, which no one could mark", () => {
    // The spike: the top edge runs west past the corner to 43.0 and straight back, 1.5 mm off the line.
    const cut = polygon([
      [43.003, 36.001],
      [43.003, 36],
      [43.002, 36],
      [43.001, 36.0000000149],
      [43.001, 36.0010000149],
      [43, 36.001],
    ]);
    expect(turningPoints(cut).map((p) => [p.lon, p.lat])).toEqual([
      [43.003, 36.001],
      [43.003, 36],
      [43.001, 36.0000000149],
      [43.001, 36.0010000149],
    ]);
  });
});
