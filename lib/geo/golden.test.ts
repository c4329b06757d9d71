// Golden fixtures, Turf style: tests/fixtures/geo/in/*.geojson → out/*.json.
// Each input holds a submitted polygon and optionally its hazardous area and
// the land already released there. Regenerate the outputs after an intended
// change with REGEN=1, and review the diff like code.
import fs from "node:fs";
import path from "node:path";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { accountRelease } from "@/lib/domain/land-release";
import { deepFreeze } from "@/tests/helpers/freeze";
import { GeometryError } from "./errors";
import { MUST_BE_IN_IRAQ } from "./iraq";
import { validateAreal } from "./validate";
import "@/tests/helpers/geometry-engine"; // GEOS, which this file's code measures and overlays with

const root = path.resolve("tests/fixtures/geo");
const names = fs
  .readdirSync(path.join(root, "in"))
  .filter((n) => n.endsWith(".geojson"))
  .map((n) => n.replace(/\.geojson$/, ""));

/** Square metres to the millimetre²: stable across runs, still far finer than any survey. */
const m2 = (x: number) => Math.round(x * 1e6) / 1e6;

function run(input: FeatureCollection & { description: string }) {
  const byRole = (role: string) =>
    input.features.find((f: Feature) => f.properties?.role === role)?.geometry as Polygon | MultiPolygon | undefined;
  const submitted = byRole("submitted")!;
  const hazard = byRole("hazard");
  const released = byRole("released") ?? null;
  try {
    const valid = validateAreal(submitted, { mustOverlap: [MUST_BE_IN_IRAQ] });
    // The fixtures pin the English; messages.test.ts checks the other languages.
    const result: Record<string, unknown> = {
      description: input.description,
      valid: true,
      areaM2: m2(valid.areaM2),
      notes: valid.notes.map((n) => n.en),
    };
    if (hazard) {
      const a = accountRelease({ submitted: valid.geometry, hazard, released });
      result.account = {
        submittedAreaM2: m2(a.submittedAreaM2),
        outsideHazardM2: m2(a.outsideHazardM2),
        alreadyReleasedM2: m2(a.alreadyReleasedM2),
        countedAreaM2: m2(a.countedAreaM2),
      };
    }
    return result;
  } catch (err) {
    if (!(err instanceof GeometryError)) throw err;
    const problems = err.problems.map(({ text: _text, ...p }) => p);
    return {
      description: input.description,
      valid: false,
      problems,
      repairedAreaM2: err.repaired ? m2(validateAreal(err.repaired).areaM2) : null,
    };
  }
}

describe("golden fixtures", () => {
  it.each(names)("%s", (name) => {
    const input = deepFreeze(JSON.parse(fs.readFileSync(path.join(root, "in", `${name}.geojson`), "utf8")));
    const actual = run(input);
    const file = path.join(root, "out", `${name}.json`);
    if (process.env.REGEN) fs.writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
  });

  // Independent checks on the goldens, so a regenerated file cannot silently bless a wrong answer.
  const out = (name: string) => JSON.parse(fs.readFileSync(path.join(root, "out", `${name}.json`), "utf8"));

  it("Erbil measures 14,493.6 km², as published for the reference data", () => {
    expect(out("governorate-erbil").areaM2 / 1e6).toBeCloseTo(14_493.6, 1);
  });

  it("every account adds up: submitted = outside + already released + counted", () => {
    for (const name of names) {
      const a = out(name).account;
      if (!a) continue;
      expect(Math.abs(a.outsideHazardM2 + a.alreadyReleasedM2 + a.countedAreaM2 - a.submittedAreaM2)).toBeLessThan(
        1e-6 * a.submittedAreaM2,
      );
    }
  });

  it("reports the rejected inputs with the right codes", () => {
    expect(out("self-intersecting").problems[0].code).toBe("SELF_INTERSECTION");
    expect(out("self-intersecting").repairedAreaM2).toBeGreaterThan(0);
    expect(out("utm-not-lonlat").problems[0].code).toBe("LOOKS_PROJECTED");
    expect(out("lat-lon-swapped").problems[0].code).toBe("LOOKS_SWAPPED");
    expect(out("outside-iraq").problems[0].code).toBe("OUTSIDE_IRAQ");
  });

  it("counts overlapping parts once and lanes' overrun as outside", () => {
    const multi = out("multi-part-overlapping");
    expect(multi.notes.join(" ")).toMatch(/counts once/);
    expect(out("clearance-lanes").account.outsideHazardM2).toBeGreaterThan(0);
    expect(out("already-released").account.alreadyReleasedM2).toBeGreaterThan(0);
    expect(out("straddles-hazard-edge").account.outsideHazardM2).toBeGreaterThan(0);
  });
});
