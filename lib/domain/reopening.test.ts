import { describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import type { Areal } from "@/lib/geo/boolean";
import { deepFreeze } from "@/tests/helpers/freeze";
import { box } from "@/tests/helpers/shapes";
import { releasedWithout } from "./land-release";
import {
  checkSample,
  passWithItemsOnClearedLand,
  reopenedByArea,
  reopenSampledLand,
  SAMPLE_OUTSIDE_TOLERANCE_M2,
} from "./reopening";
import "@/tests/helpers/geometry-engine"; // GEOS, which this file's code measures and overlays with

// Two releases near Mosul tiling a hazardous area's released land: west and east halves of 43.00–43.01.
const hazard = deepFreeze(box(43.0, 36.3, 43.01, 36.31));
const west = deepFreeze(box(43.0, 36.3, 43.005, 36.31));
const east = deepFreeze(box(43.005, 36.3, 43.01, 36.31));
const release = (id: string, counted: Areal, reopened: Areal[] = []) => ({ id, hazardAreaId: "H1", counted, reopened });
/** Lon/lat boxes measured after overlay agree to ~1e-5 relative (geodesic edges), not exactly. */
const closeTo = (actual: number, expected: number, relative = 1e-5) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));

describe("reopenSampledLand", () => {
  it("takes from each release the part of its counted land the sample covers", () => {
    const sample = deepFreeze(box(43.004, 36.302, 43.006, 36.304));
    const r = reopenSampledLand(sample, [release("W", west), release("E", east)]);
    expect(r.map((x) => x.releaseId)).toEqual(["W", "E"]);
    closeTo(r[0]!.areaM2, geodesicAreaM2(box(43.004, 36.302, 43.005, 36.304)));
    closeTo(r[1]!.areaM2, geodesicAreaM2(box(43.005, 36.302, 43.006, 36.304)));
  });

  it("conserves area: released land drops by exactly the sum of the reopenings", () => {
    const sample = deepFreeze(box(43.003, 36.301, 43.008, 36.305));
    const r = reopenSampledLand(sample, [release("W", west), release("E", east)]);
    const reopenedM2 = r.reduce((s, x) => s + x.areaM2, 0);
    const released = releasedWithout(
      hazard,
      r.map((x) => x.geometry),
    );
    const droppedM2 = geodesicAreaM2(hazard) - geodesicAreaM2(released!);
    expect(Math.abs(droppedM2 - reopenedM2) / reopenedM2).toBeLessThan(1e-6);
    closeTo(reopenedM2, geodesicAreaM2(sample));
  });

  it("reopens land once: what an earlier inspection took back is not taken again", () => {
    const first = box(43.001, 36.301, 43.003, 36.303);
    const [earlier] = reopenSampledLand(first, [release("W", west)]);
    const overlapping = box(43.002, 36.301, 43.004, 36.303);
    const r = reopenSampledLand(overlapping, [release("W", west, [earlier!.geometry])]);
    closeTo(r[0]!.areaM2, geodesicAreaM2(box(43.003, 36.301, 43.004, 36.303)));
    expect(reopenSampledLand(first, [release("W", west, [earlier!.geometry])])).toEqual([]);
  });

  it("reopens nothing where the sample misses released land or only touches it", () => {
    expect(reopenSampledLand(box(43.02, 36.3, 43.03, 36.31), [release("W", west)])).toEqual([]);
    expect(reopenSampledLand(box(43.005, 36.3, 43.006, 36.31), [release("W", west)])).toEqual([]);
    expect(reopenSampledLand(west, [{ id: "X", hazardAreaId: "H1", counted: null, reopened: [] }])).toEqual([]);
  });

  it("adds the reopened land up by hazardous area", () => {
    const r = reopenSampledLand(box(43.004, 36.302, 43.006, 36.304), [
      release("W", west),
      { ...release("E", east), hazardAreaId: "H2" },
    ]);
    const byArea = reopenedByArea(r);
    expect([...byArea.keys()]).toEqual(["H1", "H2"]);
    expect(byArea.get("H1")!.areaM2).toBe(r[0]!.areaM2);
  });
});

describe("checkSample", () => {
  it("measures the sample and the part outside the task's hazardous areas", () => {
    const inside = checkSample(box(43.001, 36.301, 43.002, 36.302), [hazard]);
    expect(inside.outsideM2).toBeLessThan(SAMPLE_OUTSIDE_TOLERANCE_M2);
    closeTo(inside.areaM2, geodesicAreaM2(box(43.001, 36.301, 43.002, 36.302)));
    const straddling = checkSample(box(42.999, 36.301, 43.001, 36.302), [hazard]);
    closeTo(straddling.outsideM2, geodesicAreaM2(box(42.999, 36.301, 43.0, 36.302)));
  });

  it("refuses what is not a valid polygon, as a report's polygon is refused", () => {
    expect(() => checkSample({ type: "Point", coordinates: [43, 36.3] }, [hazard])).toThrow();
  });
});

describe("passWithItemsOnClearedLand", () => {
  it.each([
    ["PASSED", 1, true, true],
    ["PASSED", 0, true, false],
    ["FAILED", 3, true, false],
    ["PASSED", 2, false, false],
  ] as const)("%s with %i items, cleared %s: contradiction %s", (result, items, cleared, expected) => {
    expect(passWithItemsOnClearedLand(result, items, cleared)).toBe(expected);
  });
});
