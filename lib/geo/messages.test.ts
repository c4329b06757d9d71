import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { bowtie } from "@/tests/helpers/shapes";
import { describeLocation, GeometryError, type GeometryProblem } from "./errors";
import { readGeometryFile } from "./read";
import { validateAreal } from "./validate";
import "@/tests/helpers/geometry-engine"; // GEOS, which this file's code measures and overlays with

// The catalogues' keys, arguments and translations are checked with the others in lib/i18n/catalogues.test.ts.

function problemsOf(run: () => unknown): GeometryProblem[] {
  try {
    run();
  } catch (err) {
    if (err instanceof GeometryError) return [...err.problems];
    throw err;
  }
  throw new Error("expected a GeometryError");
}

/** The text has been formatted (no ICU left over) and is written in that language's script. */
function expectWritten(p: GeometryProblem) {
  expect(p.message).toBe(p.text.en);
  for (const l of LOCALES) expect(p.text[l]).not.toMatch(/[{}]/);
  expect(p.text.ar).toMatch(/[\u0600-\u06FF]/);
  expect(p.text.ckb).toMatch(/[\u0600-\u06FF]/);
  expect(p.text.ar).not.toBe(p.text.ckb);
}

describe("a problem carries its text in every language", () => {
  it("a CSV row with a bad latitude: the row, the column and the value as typed, in each", async () => {
    const bytes = new TextEncoder().encode("lon,lat\n43.05,36.3\n43.06,36.3O\n");
    const err = await readGeometryFile({ name: "site.csv", bytes }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GeometryError);
    const [p] = (err as GeometryError).problems;
    expectWritten(p!);
    expect(p!.text.en).toBe("Row 3: 'lat' is '36.3O', not a number. Correct the row and upload again.");
    expect(p!.text.ar).toMatch(/^الصف 3: .*«lat».*«36\.3O»/);
    expect(p!.text.ckb).toMatch(/^ڕیزی 3: «lat».*«36\.3O»/);
  });

  it("a self-intersecting boundary: the first crossing's coordinate keeps its digits in every language", () => {
    const crossed = {
      type: "Polygon",
      coordinates: [
        [
          [43.05, 36.3],
          [43.06, 36.31],
          [43.06, 36.3],
          [43.05, 36.31],
          [43.055, 36.32],
          [43.05, 36.3],
        ],
      ],
    };
    const [p] = problemsOf(() => validateAreal(crossed));
    expect(p?.code).toBe("SELF_INTERSECTION");
    expectWritten(p!);
    const digits = p!.coordinate!.map((c) => Number(c.toPrecision(10))).join(", ");
    for (const l of LOCALES) expect(p!.text[l]).toContain(digits);
    // Arabic and Sorani keep the coordinate's order inside right-to-left text.
    expect(p!.text.ar).toContain(`\u2066${digits}\u2069`);
  });

  it("a single crossing is not counted", () => {
    const [p] = problemsOf(() => validateAreal(bowtie(43.05, 36.3, 43.055, 36.305)));
    expect(p?.text.en).toMatch(/crosses itself, so/);
    expect(p?.text.ar).toMatch(/نفسه، لذا/);
    expect(p?.text.ckb).toMatch(/دەبڕێت، بۆیە/);
  });

  it("the location is written in the sentence's own language", () => {
    const bad = {
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [43.05, 36.3],
            [43.055, 36.3],
            [43.055, 36.305],
            [43.05, 36.3],
          ],
        ],
        [
          [
            [43.06, 36.3],
            [43.07, 36.3],
            [43.06, 36.3],
          ],
        ],
      ],
    };
    const [p] = problemsOf(() => validateAreal(bad));
    expect(p?.text.en).toMatch(
      /^Part 2, outer boundary: a boundary needs at least 3 distinct points; this one has 2\.$/,
    );
    expect(p?.text.ar).toMatch(/^الجزء 2، الحد الخارجي: /);
    expect(p?.text.ckb).toMatch(/^بەشی 2، سنووری دەرەوە: /);
    expect(describeLocation({})).toBeNull();
    expect(describeLocation({ feature: 0, ring: 2, position: 13, coordinate: [43.1, 36.3] })).toEqual({
      en: "feature 1, hole 2, point 14 (43.1, 36.3)",
      ar: "العنصر 1، الفجوة 2، النقطة 14 (\u206643.1, 36.3\u2069)",
      ckb: "بڕگەی 1، کونی 2، خاڵی 14 (\u206643.1, 36.3\u2069)",
    });
  });

  it("notes too", () => {
    const v = validateAreal({
      type: "Polygon",
      coordinates: [
        [
          [43.05, 36.3, 310],
          [43.05, 36.305, 312],
          [43.055, 36.305, 309],
          [43.055, 36.3, 305],
        ],
      ],
    });
    expect(v.notes.map((n) => n.en)).toEqual([
      "Altitudes were dropped: areas are measured on the ellipsoid.",
      "Open rings were closed.",
    ]);
    for (const n of v.notes) for (const l of ["ar", "ckb"] as const) expect(n[l]).toMatch(/[\u0600-\u06FF]/);
  });
});
