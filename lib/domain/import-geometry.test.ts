import { describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { box } from "@/tests/helpers/shapes";
import { commitShapes } from "./import-geometry";
import "@/tests/helpers/geometry-engine"; // GEOS, which this file's code measures and overlays with

const closeTo = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-5 * Math.abs(expected));

// The authority's area near Mosul, and another authority's to its south.
const own = { code: "HA-OWN", name: "Own", geometry: box(43.0, 36.3, 43.01, 36.31), authorityId: "DMA" };
const theirs = { code: "HA-THEIRS", name: "Theirs", geometry: box(43.0, 36.2, 43.01, 36.21), authorityId: "IKMAA" };
const row = (n: number, geometry: ReturnType<typeof box>, registered = [own, theirs]) => ({
  row: n,
  code: `ROW-${n}`,
  name: `Row ${n}`,
  geometry,
  registered,
  decision: "merge" as const,
  authorityId: "DMA",
});

describe("commitShapes with the merge decision", () => {
  it("adds a row's unregistered land to the authority's area it shares, grown for the rows after it", () => {
    const shapes = commitShapes([
      row(1, box(43.005, 36.3, 43.015, 36.31)),
      // Shares only the land row 1 added: it merges into the grown area, not into a second copy of that land.
      row(2, box(43.012, 36.3, 43.02, 36.31), [own]),
    ]);
    const [first, second] = [shapes[0]!, shapes[1]!];
    expect(first).toMatchObject({ result: "merge", into: "HA-OWN" });
    expect(second).toMatchObject({ result: "merge", into: "HA-OWN" });
    if (first.result !== "merge" || second.result !== "merge") return;
    closeTo(first.addedM2, geodesicAreaM2(box(43.01, 36.3, 43.015, 36.31)));
    closeTo(second.addedM2, geodesicAreaM2(box(43.015, 36.3, 43.02, 36.31)));
    closeTo(second.areaM2, geodesicAreaM2(box(43.0, 36.3, 43.02, 36.31)));
    closeTo(second.areaM2, geodesicAreaM2(own.geometry) + first.addedM2 + second.addedM2);
  });

  it("keeps a row sharing land only with another authority's area as its own area, and merges into an earlier row of the batch", () => {
    const shapes = commitShapes([
      row(1, box(43.005, 36.2, 43.015, 36.21)),
      row(2, box(44.0, 36.0, 44.01, 36.01)),
      row(3, box(44.005, 36.0, 44.02, 36.01)),
      // Wholly inside land already registered: nothing is added anywhere.
      row(4, box(43.001, 36.301, 43.002, 36.302)),
      // Over row 2's area, but in a governorate of another authority: kept apart, never merged across.
      { ...row(5, box(44.015, 36.0, 44.025, 36.01)), authorityId: "IKMAA" },
    ]);
    expect(shapes.map((s) => [s.row, s.result, s.result === "merge" ? s.into : null])).toEqual([
      [1, "create", null],
      [2, "create", null],
      [3, "merge", "ROW-2"],
      [4, "skip", null],
      [5, "create", null],
    ]);
    if (shapes[0]!.result === "create") closeTo(shapes[0]!.areaM2, geodesicAreaM2(box(43.01, 36.2, 43.015, 36.21)));
    if (shapes[2]!.result === "merge") closeTo(shapes[2]!.areaM2, geodesicAreaM2(box(44.0, 36.0, 44.02, 36.01)));
  });
});
