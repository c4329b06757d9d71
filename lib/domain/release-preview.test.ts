import { describe, expect, it } from "vitest";
import type { GeometryError } from "@/lib/geo/errors";
import { deepFreeze } from "@/tests/helpers/freeze";
import { box } from "@/tests/helpers/shapes";
import { previewRelease, validateHazardArea } from "./release-preview";
import "@/tests/helpers/geometry-engine"; // GEOS, which this file's code measures and overlays with

const hazard = deepFreeze({
  code: "CHA-NIN-0042",
  geometry: box(43.0, 36.3, 43.01, 36.31),
  released: box(43.0, 36.3, 43.003, 36.31),
});

describe("previewRelease", () => {
  it("validates, then splits the submission into outside, already released and counted", () => {
    const p = previewRelease(
      deepFreeze({ type: "Feature", properties: {}, geometry: box(42.998, 36.302, 43.006, 36.308) }),
      hazard,
    );
    expect(p.outsideHazardM2).toBeGreaterThan(0);
    expect(p.alreadyReleasedM2).toBeGreaterThan(0);
    expect(p.countedAreaM2).toBeGreaterThan(0);
    expect(p.outsideHazardM2 + p.alreadyReleasedM2 + p.countedAreaM2).toBeCloseTo(p.submittedAreaM2, 3);
    expect(p.areaM2).toBe(p.submittedAreaM2);
  });

  it("names the hazardous area a polygon misses", () => {
    try {
      previewRelease(box(43.1, 36.4, 43.11, 36.41), hazard);
      expect.unreachable();
    } catch (err) {
      expect((err as GeometryError).code).toBe("OUTSIDE_HAZARD_AREA");
      expect((err as GeometryError).message).toMatch(/CHA-NIN-0042/);
    }
  });

  it("checks Iraq first for a hazardous area being registered", () => {
    expect(() => validateHazardArea(box(35.5, 33.8, 35.51, 33.81))).toThrow(/does not overlap Iraq/);
    expect(validateHazardArea(box(43.0, 36.3, 43.01, 36.31)).areaM2).toBeGreaterThan(900_000);
  });
});
