import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { readGovernorates } from "@/prisma/governorates";
import { square } from "@/tests/helpers/shapes";
import { geodesicAreaM2, ringAreaM2 } from "./area";

// Ellipsoidal areas published with the reference data (shared/data/README.md), km², rounded to 0.1.
const PUBLISHED_KM2: Record<string, number> = {
  Erbil: 14_493.6,
  Duhok: 6_642.5,
  Halabja: 1_448.4,
  "Al-Sulaymaniyah": 16_128.9,
  Ninewa: 37_962.6,
  "Al-Basrah": 18_905.1,
  "Al-Anbar": 123_727.8,
};

describe("geodesicAreaM2", () => {
  it.each(Object.entries(PUBLISHED_KM2))("%s matches its published WGS84 area", (name, km2) => {
    const g = readGovernorates().find((f) => f.properties.name_en === name)!;
    expect(geodesicAreaM2(g.geometry) / 1e6).toBeCloseTo(km2, 1);
  });

  it("the governorates add up to Iraq's published area (436,269.3 km²)", () => {
    const total = readGovernorates().reduce((s, g) => s + geodesicAreaM2(g.geometry), 0);
    expect(total / 1e6).toBeCloseTo(436_269.3, 0);
  });

  it("does not depend on winding order or on the closing position", () => {
    const ring = square(44, 36, 0.01).coordinates[0]!;
    const open = ring.slice(0, -1);
    const reversed = [...ring].reverse();
    expect(ringAreaM2(open)).toBeCloseTo(ringAreaM2(ring), 6);
    expect(ringAreaM2(reversed)).toBeCloseTo(ringAreaM2(ring), 6);
  });

  it("subtracts holes", () => {
    const outer = square(44, 36, 0.02).coordinates[0]!;
    const hole = square(44.005, 36.005, 0.005).coordinates[0]!;
    const withHole: Polygon = { type: "Polygon", coordinates: [outer, hole] };
    expect(geodesicAreaM2(withHole)).toBeCloseTo(ringAreaM2(outer) - ringAreaM2(hole), 3);
  });

  it("a degree of latitude is longer near the poles: the same 0.01° square shrinks with cos(lat)", () => {
    const south = geodesicAreaM2(square(47, 30, 0.01));
    const north = geodesicAreaM2(square(44, 37, 0.01));
    expect(north / south).toBeGreaterThan(0.9);
    expect(north / south).toBeLessThan(Math.cos((37 * Math.PI) / 180) / Math.cos((30 * Math.PI) / 180) + 0.01);
  });
});
