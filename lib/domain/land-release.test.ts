import { describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { deepFreeze } from "@/tests/helpers/freeze";
import { box } from "@/tests/helpers/shapes";
import {
  accountCorrection,
  accountImportedReleases,
  accountRelease,
  countedGeometry,
  releasedAfterApproval,
  releasedWithout,
} from "./land-release";
import "@/tests/helpers/geometry-engine"; // GEOS, which this file's code measures and overlays with

// A hazardous area near Mosul, about 900 m × 1,100 m.
const hazard = deepFreeze(box(43.0, 36.3, 43.01, 36.31));

/**
 * Edges are geodesics: where two boxes share a parallel, the clipped edge is
 * a different geodesic from either box's, so lon/lat-box expectations hold to
 * ~1e-5 relative (a few m² on these 0.5 km² boxes), not exactly.
 */
const closeTo = (actual: number, expected: number, relative = 1e-5) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));

describe("accountRelease", () => {
  it("counts only the part inside the hazardous area", () => {
    const submitted = box(42.995, 36.3, 43.005, 36.31); // half outside, to the west
    const a = accountRelease({ submitted, hazard, released: null });
    closeTo(a.countedAreaM2, geodesicAreaM2(box(43.0, 36.3, 43.005, 36.31)));
    closeTo(a.outsideHazardM2, geodesicAreaM2(box(42.995, 36.3, 43.0, 36.31)));
    expect(a.alreadyReleasedM2).toBeCloseTo(0, 3);
  });

  it("does not count a square metre twice", () => {
    const first = accountRelease({ submitted: box(43.0, 36.3, 43.006, 36.31), hazard, released: null });
    const second = accountRelease({
      submitted: box(43.004, 36.3, 43.01, 36.31),
      hazard,
      released: releasedAfterApproval(null, first.insideGeometry),
    });
    closeTo(second.alreadyReleasedM2, geodesicAreaM2(box(43.004, 36.3, 43.006, 36.31)));
    // Together the two reports released the hazardous area once (up to the slivers between
    // their own geodesic edges and the hazard's), and the released land is exactly what counted.
    closeTo(first.countedAreaM2 + second.countedAreaM2, geodesicAreaM2(hazard));
    const released = releasedAfterApproval(first.insideGeometry, second.insideGeometry)!;
    closeTo(geodesicAreaM2(released), first.countedAreaM2 + second.countedAreaM2, 1e-8);
  });

  it("splits every submitted m² into outside + already released + counted", () => {
    const first = accountRelease({ submitted: box(43.002, 36.302, 43.007, 36.307), hazard, released: null });
    const a = accountRelease({
      submitted: box(42.998, 36.301, 43.005, 36.309),
      hazard,
      released: releasedAfterApproval(null, first.insideGeometry),
    });
    expect(a.outsideHazardM2 + a.alreadyReleasedM2 + a.countedAreaM2).toBeCloseTo(a.submittedAreaM2, 3);
  });

  it("counts nothing for a report entirely outside its hazardous area", () => {
    const a = accountRelease({ submitted: box(44, 36, 44.001, 36.001), hazard, released: null });
    expect(a.countedAreaM2).toBe(0);
    expect(a.insideGeometry).toBeNull();
    expect(a.outsideHazardM2).toBeCloseTo(a.submittedAreaM2, 6);
  });

  it("draws the counted land as the inside part minus what was released, with the counted area", () => {
    const released = box(43.0, 36.3, 43.004, 36.31);
    const a = accountRelease({ submitted: box(43.002, 36.3, 43.006, 36.31), hazard, released });
    const counted = countedGeometry(a.insideGeometry, released)!;
    closeTo(geodesicAreaM2(counted), a.countedAreaM2, 1e-8);
  });
});

describe("accountCorrection", () => {
  // A (west 60 %) approved first, then B (east 60 %) over A's eastern strip; A is then corrected to a western 30 %.
  const A = box(43.0, 36.3, 43.006, 36.31);
  const B = box(43.004, 36.3, 43.01, 36.31);
  const corrected = box(43.0, 36.3, 43.003, 36.31);
  const a = accountRelease({ submitted: A, hazard, released: null });
  const aCounted = countedGeometry(a.insideGeometry, null);
  const afterA = releasedAfterApproval(null, a.insideGeometry);
  const b = accountRelease({ submitted: B, hazard, released: afterA });
  const bCounted = countedGeometry(b.insideGeometry, afterA)!;
  const releasedBefore = releasedAfterApproval(afterA, b.insideGeometry);

  it("keeps every square metre another report released, and the counted areas in force still add up to the released land", () => {
    const c = accountCorrection({
      submitted: corrected,
      hazard,
      othersSubmitted: [B],
      releasedBefore,
      supersededCounted: aCounted,
    });
    // Released after: the corrected strip and all of B.
    closeTo(geodesicAreaM2(c.releasedAfter!), geodesicAreaM2(corrected) + geodesicAreaM2(B));
    closeTo(b.countedAreaM2 + c.countedAreaM2, geodesicAreaM2(c.releasedAfter!), 1e-8);
    // The strip of B that A had counted first passes to the correction.
    closeTo(c.reinstatedM2, geodesicAreaM2(box(43.004, 36.3, 43.006, 36.31)));
    closeTo(c.submittedAreaM2 + c.reinstatedM2, c.outsideHazardM2 + c.alreadyReleasedM2 + c.countedAreaM2, 1e-8);
    // Its piece and B's tile the released land: no overlap.
    expect(geodesicAreaM2(c.countedGeometry!) + geodesicAreaM2(bCounted)).toBeCloseTo(
      geodesicAreaM2(c.releasedAfter!),
      0,
    );
  });

  it("replaces the superseded report's land by the correction's when nothing else was released", () => {
    const c = accountCorrection({
      submitted: corrected,
      hazard,
      othersSubmitted: [],
      releasedBefore: afterA,
      supersededCounted: aCounted,
    });
    closeTo(c.countedAreaM2, geodesicAreaM2(corrected));
    expect(c.reinstatedM2).toBeLessThan(1e-3);
    expect(c.alreadyReleasedM2).toBe(0);
  });
});

describe("accountImportedReleases and releasedWithout", () => {
  it("counts overlapping past releases once each m², in the order given, and taking them back leaves what was released before", () => {
    const before = box(43.0, 36.3, 43.002, 36.31);
    const { accounts, releasedAfter } = accountImportedReleases({
      hazard,
      released: before,
      rows: [
        { row: 7, geometry: box(43.0, 36.3, 43.006, 36.31) },
        { row: 2, geometry: box(43.004, 36.3, 43.008, 36.31) },
        { row: 3, geometry: box(43.02, 36.3, 43.03, 36.31) },
      ],
    });
    expect(accounts.map((a) => a.row)).toEqual([7, 2, 3]);
    closeTo(accounts[0]!.countedAreaM2, geodesicAreaM2(box(43.002, 36.3, 43.006, 36.31)));
    closeTo(accounts[0]!.alreadyReleasedM2, geodesicAreaM2(before));
    closeTo(accounts[1]!.countedAreaM2, geodesicAreaM2(box(43.006, 36.3, 43.008, 36.31)));
    closeTo(accounts[1]!.alreadyReleasedM2, geodesicAreaM2(box(43.004, 36.3, 43.006, 36.31)));
    expect([accounts[2]!.countedAreaM2, accounts[2]!.counted]).toEqual([0, null]);
    const counted = accounts.flatMap((a) => (a.counted ? [a.counted] : []));
    const sum = counted.reduce((s, g) => s + geodesicAreaM2(g), 0);
    closeTo(geodesicAreaM2(releasedAfter!), geodesicAreaM2(before) + sum);
    closeTo(geodesicAreaM2(releasedWithout(releasedAfter, counted)!), geodesicAreaM2(before));
    expect(releasedWithout(null, counted)).toBeNull();
  });
});
