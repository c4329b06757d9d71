import { describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { box } from "@/tests/helpers/shapes";
import { overlapsWithRegistered } from "./hazard-area-overlap";
import "@/tests/helpers/geometry-engine"; // GEOS, which this file's code measures and overlays with

// Two registered areas near Mosul, side by side, each about 900 m × 1,100 m.
const west = { code: "SHA-W", name: "West", geometry: box(43.0, 36.3, 43.01, 36.31) };
const east = { code: "SHA-E", name: "East", geometry: box(43.01, 36.3, 43.02, 36.31) };

describe("overlapsWithRegistered", () => {
  it("names each registered area a new polygon overlaps and by how much, largest first", () => {
    // A CHA drawn across the boundary, mostly in the east.
    const found = overlapsWithRegistered(box(43.008, 36.302, 43.016, 36.304), [west, east]);
    expect(found.map((o) => o.code)).toEqual(["SHA-E", "SHA-W"]);
    expect(found[0]!.overlapM2).toBeCloseTo(geodesicAreaM2(box(43.01, 36.302, 43.016, 36.304)), -1);
    expect(found[1]!.overlapM2).toBeCloseTo(geodesicAreaM2(box(43.008, 36.302, 43.01, 36.304)), -1);
  });

  it("a polygon wholly inside a registered area overlaps it by its whole area", () => {
    const inside = box(43.002, 36.302, 43.004, 36.304);
    const [only, ...rest] = overlapsWithRegistered(inside, [west, east]);
    expect(rest).toEqual([]);
    expect(only!.overlapM2).toBeCloseTo(geodesicAreaM2(inside), -1);
  });

  it("land beside a registered area, or sharing its boundary, overlaps nothing", () => {
    expect(overlapsWithRegistered(box(43.02, 36.3, 43.03, 36.31), [west, east])).toEqual([]);
    expect(overlapsWithRegistered(box(43.05, 36.35, 43.06, 36.36), [west, east])).toEqual([]);
  });
});
