import { describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { deepFreeze } from "@/tests/helpers/freeze";
import { box } from "@/tests/helpers/shapes";
import {
  handoverBlocker,
  releasedByMethod,
  type TaskEntry,
  taskLandByMethod,
  taskLandWithArea,
  taskReleasedLand,
  UNRELEASED_TOLERANCE_M2,
  unreleasedM2,
} from "./completion";
import "@/tests/helpers/geometry-engine";

const west = deepFreeze(box(43.0, 36.3, 43.005, 36.31));
const east = deepFreeze(box(43.005, 36.3, 43.01, 36.31));
const westHalf = deepFreeze(box(43.0, 36.3, 43.0025, 36.31));
const release = (geometry: TaskEntry["countedGeometry"], method: TaskEntry["method"] = "CLEARED"): TaskEntry => ({
  kind: "RELEASE",
  method,
  countedAreaM2: geometry ? geodesicAreaM2(geometry) : 0,
  countedGeometry: geometry,
});
const reopening = (geometry: NonNullable<TaskEntry["countedGeometry"]>): TaskEntry => ({
  kind: "REOPENING",
  method: "CLEARED",
  countedAreaM2: -geodesicAreaM2(geometry),
  countedGeometry: geometry,
});
const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(1e-4 * expected);

describe("a task's own released land", () => {
  it("is its releases together, less the land a failed inspection reopened", () => {
    const land = taskLandWithArea([release(west), release(east, "REDUCED"), reopening(westHalf)]);
    near(land.areaM2, geodesicAreaM2(box(43.0025, 36.3, 43.01, 36.31)));
  });

  it("counts land reopened and then cleared again: the order of approval decides, not kind", () => {
    const land = taskLandWithArea([release(west), reopening(westHalf), release(westHalf)]);
    near(land.areaM2, geodesicAreaM2(west));
  });

  it("is coloured by method on a map: each method's land alone, reopened land gone from its method", () => {
    const layers = taskLandByMethod([release(west), release(east, "REDUCED"), reopening(westHalf)]);
    expect(layers.map((l) => l.method)).toEqual(["REDUCED", "CLEARED"]);
    near(geodesicAreaM2(layers[1]!.geometry), geodesicAreaM2(west) - geodesicAreaM2(westHalf));
  });

  it("is nothing when nothing was released, or all was reopened", () => {
    expect(taskReleasedLand([])).toBeNull();
    expect(taskReleasedLand([release(west), reopening(west)])).toBeNull();
  });

  it("splits m² by method over both kinds, so reopened land leaves its method's figure", () => {
    const entries = [release(west), release(east, "CANCELLED"), reopening(westHalf)];
    const split = releasedByMethod(entries);
    near(split.CLEARED, geodesicAreaM2(west) - geodesicAreaM2(westHalf));
    near(split.CANCELLED, geodesicAreaM2(east));
    expect(split.REDUCED).toBe(0);
  });
});

describe("unreleased land of a task's areas", () => {
  it("sums each area's unreleased m², never negative, and takes overlay noise under half a m² as none", () => {
    expect(
      unreleasedM2([
        { areaM2: 1000, releasedM2: 400 },
        { areaM2: 500, releasedM2: 500.2 },
      ]),
    ).toBe(600);
    expect(unreleasedM2([{ areaM2: 240_000, releasedM2: 240_000 - UNRELEASED_TOLERANCE_M2 / 2 }])).toBe(0);
    expect(unreleasedM2([{ areaM2: 240_000, releasedM2: 239_999 }])).toBe(1);
  });
});

describe("what a handover waits for", () => {
  it("a passed post-clearance inspection: none recorded, or the newest failed, blocks it", () => {
    expect(handoverBlocker(null)).toBe("noPassedInspection");
    expect(handoverBlocker({ result: "FAILED", inspectedOn: new Date("2026-11-22") })).toBe("lastInspectionFailed");
    expect(handoverBlocker({ result: "PASSED", inspectedOn: new Date("2026-11-22") })).toBeNull();
  });
});
