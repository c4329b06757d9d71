import type { Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { deepFreeze } from "@/tests/helpers/freeze";
import { geodesicAreaM2 } from "./area";
import { GeometryError, type GeometryProblem } from "./errors";
import { MUST_BE_IN_IRAQ } from "./iraq";
import { geometryText } from "./messages";
import { validateAreal } from "./validate";
import "@/tests/helpers/geometry-engine"; // GEOS, which this file's code measures and overlays with

const ring = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const poly = (...rings: Position[][]): Polygon => ({ type: "Polygon", coordinates: rings });
// A clearance site near Mosul, about 450 m × 550 m.
const SITE = deepFreeze(poly(ring(43.05, 36.3, 43.055, 36.305)));

function problemsOf(input: unknown, options?: Parameters<typeof validateAreal>[1]): GeometryProblem[] {
  try {
    validateAreal(deepFreeze(input), options);
  } catch (err) {
    if (err instanceof GeometryError) return [...err.problems];
    throw err;
  }
  throw new Error("expected a GeometryError");
}

describe("validateAreal: normalises silently", () => {
  it("accepts a Feature or FeatureCollection around the polygon, with the same area", () => {
    const bare = validateAreal(SITE);
    const feature = validateAreal(deepFreeze({ type: "Feature", properties: {}, geometry: SITE }));
    const collection = validateAreal(
      deepFreeze({ type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: SITE }] }),
    );
    expect(feature.areaM2).toBe(bare.areaM2);
    expect(collection.areaM2).toBe(bare.areaM2);
    expect(bare.areaM2).toBeCloseTo(geodesicAreaM2(SITE), 6);
  });

  it("closes open rings, drops repeated points and altitudes, and winds counter-clockwise (RFC 7946)", () => {
    const messy = {
      type: "Polygon",
      coordinates: [
        [
          [43.05, 36.3, 310],
          [43.05, 36.305, 312],
          [43.05, 36.305, 312],
          [43.055, 36.305, 309],
          [43.055, 36.3, 305],
        ],
      ],
    };
    const v = validateAreal(deepFreeze(messy));
    const outer = (v.geometry as Polygon).coordinates[0]!;
    expect(outer).toHaveLength(5);
    expect(outer[0]).toEqual(outer[4]);
    expect(outer.every((p) => p.length === 2)).toBe(true);
    // Shoelace sign: positive for counter-clockwise.
    const signed = outer.slice(0, -1).reduce((s, [x, y], i) => s + x! * outer[i + 1]![1]! - outer[i + 1]![0]! * y!, 0);
    expect(signed).toBeGreaterThan(0);
    expect(v.areaM2).toBeCloseTo(geodesicAreaM2(SITE), 6);
    expect(v.notes.map((n) => n.en).join(" ")).toMatch(/closed/);
  });

  it("counts overlapping parts of a MultiPolygon once", () => {
    const a = ring(43.05, 36.3, 43.054, 36.304);
    const b = ring(43.052, 36.302, 43.056, 36.306);
    const v = validateAreal(deepFreeze({ type: "MultiPolygon", coordinates: [[a], [b]] }));
    const expected =
      geodesicAreaM2(poly(a)) + geodesicAreaM2(poly(b)) - geodesicAreaM2(poly(ring(43.052, 36.302, 43.054, 36.304)));
    expect(v.areaM2).toBeCloseTo(expected, 3);
    expect(v.notes.map((n) => n.en).join(" ")).toMatch(/counts once/);
  });

  it("keeps holes: a cleared box with an uncleared rock outcrop", () => {
    const v = validateAreal(deepFreeze(poly(ring(43.05, 36.3, 43.055, 36.305), ring(43.051, 36.301, 43.052, 36.302))));
    expect(v.areaM2).toBeCloseTo(geodesicAreaM2(SITE) - geodesicAreaM2(poly(ring(43.051, 36.301, 43.052, 36.302))), 3);
  });
});

describe("validateAreal: rejects with a located, specific error", () => {
  it("a bow-tie boundary, offering the repaired shape without applying it", () => {
    const bowtie = poly([
      [43.05, 36.3],
      [43.055, 36.305],
      [43.055, 36.3],
      [43.05, 36.305],
      [43.05, 36.3],
    ]);
    let error: GeometryError | undefined;
    try {
      validateAreal(deepFreeze(bowtie));
    } catch (e) {
      error = e as GeometryError;
    }
    expect(error?.code).toBe("SELF_INTERSECTION");
    expect(error?.problems[0]?.coordinate?.[0]).toBeCloseTo(43.0525, 6);
    expect(error?.problems[0]?.message).toMatch(/crosses itself/);
    expect(error?.repaired?.type).toBe("MultiPolygon");
    expect(geodesicAreaM2(error!.repaired!)).toBeGreaterThan(0);
  });

  it.each([
    [
      "projected UTM metres",
      poly([
        [410000, 4005000],
        [410500, 4005000],
        [410500, 4005500],
        [410000, 4005000],
      ]),
      "LOOKS_PROJECTED",
      /UTM/,
    ],
    [
      "latitude beyond 90",
      poly([
        [43.05, 96.3],
        [43.06, 96.3],
        [43.06, 96.31],
        [43.05, 96.3],
      ]),
      "OUT_OF_RANGE",
      /latitude/,
    ],
    [
      "a text coordinate",
      {
        type: "Polygon",
        coordinates: [
          [
            [43.05, 36.3],
            ["43.06", 36.3],
            [43.06, 36.31],
            [43.05, 36.3],
          ],
        ],
      },
      "INVALID_COORDINATE",
      /point 2/,
    ],
    [
      "NaN",
      {
        type: "Polygon",
        coordinates: [
          [
            [43.05, 36.3],
            [NaN, 36.3],
            [43.06, 36.31],
            [43.05, 36.3],
          ],
        ],
      },
      "INVALID_COORDINATE",
      /not a \[longitude, latitude\]/,
    ],
    [
      "two distinct points",
      poly([
        [43.05, 36.3],
        [43.06, 36.3],
        [43.05, 36.3],
      ]),
      "TOO_FEW_POSITIONS",
      /at least 3/,
    ],
    [
      "points on a line",
      poly([
        [43.05, 36.3],
        [43.06, 36.3],
        [43.07, 36.3],
        [43.05, 36.3],
      ]),
      "ZERO_AREA",
      /area is zero/,
    ],
    [
      "a sliver under 1 m²",
      poly([
        [43.05, 36.3],
        [43.05001, 36.3],
        [43.05001, 36.300001],
        [43.05, 36.3],
      ]),
      "ZERO_AREA",
      /less than 1 m²/,
    ],
    ["an empty polygon", { type: "Polygon", coordinates: [] }, "EMPTY", /no coordinates/],
    [
      "a line",
      {
        type: "LineString",
        coordinates: [
          [43.05, 36.3],
          [43.06, 36.3],
        ],
      },
      "NOT_A_POLYGON",
      /found only a LineString/,
    ],
    [
      "a point feature",
      { type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [43.05, 36.3] } },
      "NOT_A_POLYGON",
      /Draw or upload a polygon/,
    ],
    ["not GeoJSON", { type: "Circle", radius: 3 }, "NOT_A_POLYGON", /not a GeoJSON type/],
    ["swapped latitude and longitude", poly(ring(36.3, 43.05, 36.305, 43.055)), "LOOKS_SWAPPED", /exchanged/],
    [
      "a hole outside its boundary",
      poly(ring(43.05, 36.3, 43.055, 36.305), ring(43.06, 36.31, 43.061, 36.311)),
      "HOLE_OUTSIDE_BOUNDARY",
      /^Hole 1 \(43\.06, 36\.31\)/,
    ],
  ])("%s", (_name, input, code, message) => {
    const [first] = problemsOf(input);
    expect(first?.code).toBe(code);
    expect(first?.message).toMatch(message);
  });

  it("names the part and ring at fault in a MultiPolygon", () => {
    const bad = {
      type: "MultiPolygon",
      coordinates: [
        [ring(43.05, 36.3, 43.055, 36.305)],
        [
          [
            [43.06, 36.3],
            [43.07, 36.3],
            [43.06, 36.3],
          ],
        ],
      ],
    };
    const [p] = problemsOf(bad);
    expect(p).toMatchObject({ code: "TOO_FEW_POSITIONS", part: 1, ring: 0 });
    expect(p?.message).toMatch(/^Part 2, outer boundary/);
  });

  it("a polygon outside Iraq, when Iraq is required", () => {
    const inCyprus = poly(ring(33.0, 35.0, 33.01, 35.01));
    expect(problemsOf(inCyprus, { mustOverlap: [MUST_BE_IN_IRAQ] })[0]?.code).toBe("OUTSIDE_IRAQ");
    expect(validateAreal(SITE, { mustOverlap: [MUST_BE_IN_IRAQ] }).areaM2).toBeGreaterThan(0);
  });

  it("a report that misses its hazardous area", () => {
    const hazard = poly(ring(44.0, 36.0, 44.01, 36.01));
    const [p] = problemsOf(SITE, {
      mustOverlap: [
        {
          geometry: hazard,
          code: "OUTSIDE_HAZARD_AREA",
          text: geometryText("outsideHazardArea", { code: "CHA-NIN-0042" }),
        },
      ],
    });
    expect(p?.code).toBe("OUTSIDE_HAZARD_AREA");
  });

  it("more points than the limit, before any work is done on them", () => {
    expect(problemsOf(SITE, { maxVertices: 4 })[0]?.code).toBe("TOO_MANY_VERTICES");
  });

  it("reports every broken part, not just the first", () => {
    const bad = {
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [43.05, 36.3],
            [43.06, 36.3],
            [43.05, 36.3],
          ],
        ],
        [
          [
            [500000, 4000000],
            [500100, 4000000],
            [500100, 4000100],
            [500000, 4000000],
          ],
        ],
      ],
    };
    expect(problemsOf(bad).map((p) => p.code)).toEqual(["TOO_FEW_POSITIONS", "LOOKS_PROJECTED"]);
  });
});
