import { describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { box } from "@/tests/helpers/shapes";
import { blockingOverlaps, overlapsWithRegistered } from "./hazard-area-overlap";
import { settledStatus } from "./hazard-area-status";
import { checkRevision, mergeAreas, RegisterChangeError, splitArea } from "./register-changes";
import "@/tests/helpers/geometry-engine";

// An area of about 900 m × 1,100 m near Mosul; two reports released its western quarter and a strip in the east.
const area = box(43.0, 36.3, 43.01, 36.31);
const west = box(43.0, 36.3, 43.0025, 36.31);
const eastStrip = box(43.008, 36.305, 43.01, 36.306);
const reports = [
  { reportId: "r-west", counted: west, m2: geodesicAreaM2(west) },
  { reportId: "r-east", counted: eastStrip, m2: geodesicAreaM2(eastStrip) },
];
const whole = { geometry: area, areaM2: geodesicAreaM2(area) };
const released = box(43.0, 36.3, 43.0025, 36.31); // the union, simplified: the east strip is added below
const refusedWith = (work: () => unknown) => {
  try {
    work();
  } catch (err) {
    if (err instanceof RegisterChangeError) return err.reason;
    throw err;
  }
  throw new Error("not refused");
};

describe("splitting an area", () => {
  it("makes two parts whose areas, released land and report shares add up to the whole", () => {
    const parts = splitArea({ ...whole, released, reports }, box(43.005, 36.29, 43.02, 36.32));
    expect(parts).toHaveLength(2);
    const [inside, outside] = parts as [(typeof parts)[0], (typeof parts)[0]];
    // Exactly the whole, by construction; each part as measured to the overlay's noise.
    expect(inside.areaM2 + outside.areaM2).toBe(whole.areaM2);
    expect(outside.areaM2 / geodesicAreaM2(outside.geometry)).toBeCloseTo(1, 5);
    // The western report lies all in the outside part, the eastern strip all inside.
    expect(outside.shares).toEqual([{ reportId: "r-west", m2: expect.closeTo(geodesicAreaM2(west), 3) }]);
    expect(inside.shares).toEqual([{ reportId: "r-east", m2: expect.closeTo(geodesicAreaM2(eastStrip), 3) }]);
    expect(inside.releasedM2 + outside.releasedM2).toBeCloseTo(geodesicAreaM2(west) + geodesicAreaM2(eastStrip), 3);
  });

  it("a report straddling the cut is shared between the parts by the land on each side", () => {
    const parts = splitArea({ ...whole, released: west, reports }, box(43.001, 36.29, 43.02, 36.32));
    const shares = parts.flatMap((p) => p.shares.filter((s) => s.reportId === "r-west"));
    expect(shares).toHaveLength(2);
    expect(shares[0]!.m2 + shares[1]!.m2).toBe(reports[0]!.m2);
  });

  it("land a failed inspection reopened stays unreleased in the part that holds it", () => {
    const reopened = box(43.0, 36.3, 43.0025, 36.302); // the south of the western release, taken back
    const withReopening = [...reports, { reportId: "r-reopening", counted: reopened, m2: -geodesicAreaM2(reopened) }];
    const [inside, outside] = splitArea(
      { ...whole, released, reports: withReopening },
      box(43.005, 36.29, 43.02, 36.32),
    );
    expect(outside!.shares).toContainEqual({
      reportId: "r-reopening",
      m2: expect.closeTo(-geodesicAreaM2(reopened), 3),
    });
    expect(outside!.releasedM2).toBeCloseTo(geodesicAreaM2(west) - geodesicAreaM2(reopened), 3);
    expect(inside!.shares.map((s) => s.reportId)).toEqual(["r-east"]);
  });

  it("a polygon that does not cross the area splits nothing", () => {
    expect(refusedWith(() => splitArea({ ...whole, released: null, reports: [] }, box(43.1, 36.3, 43.2, 36.4)))).toBe(
      "splitLeavesNothing",
    );
    expect(refusedWith(() => splitArea({ ...whole, released: null, reports: [] }, box(42.9, 36.2, 43.1, 36.4)))).toBe(
      "splitLeavesNothing",
    );
  });
});

describe("merging areas", () => {
  const a = {
    code: "A",
    geometry: box(43.0, 36.3, 43.01, 36.31),
    areaM2: geodesicAreaM2(box(43.0, 36.3, 43.01, 36.31)),
    released: null,
    shares: [{ reportId: "r1", m2: 100 }],
  };
  const b = {
    code: "B",
    geometry: box(43.01, 36.3, 43.02, 36.31),
    areaM2: geodesicAreaM2(box(43.01, 36.3, 43.02, 36.31)),
    released: null,
    shares: [{ reportId: "r1", m2: 50 }],
  };

  it("gives their union, with the released total theirs summed and one share per report", () => {
    const merged = mergeAreas([a, b]);
    expect(merged.areaM2).toBe(a.areaM2 + b.areaM2);
    expect(geodesicAreaM2(merged.geometry) / merged.areaM2).toBeCloseTo(1, 5);
    expect(merged.shares).toEqual([{ reportId: "r1", m2: 150 }]);
    expect(merged.releasedM2).toBe(150);
  });

  it("refuses areas that share land", () => {
    expect(refusedWith(() => mergeAreas([a, { ...b, code: "C", geometry: box(43.005, 36.3, 43.02, 36.31) }]))).toBe(
      "mergedAreasOverlap",
    );
  });
});

describe("revising a boundary", () => {
  it("keeps the released land inside, or is refused", () => {
    expect(checkRevision(box(42.99, 36.29, 43.01, 36.32), west).areaM2).toBeGreaterThan(geodesicAreaM2(area));
    expect(refusedWith(() => checkRevision(box(43.001, 36.3, 43.01, 36.31), west))).toBe("revisionLeavesReleasedOut");
  });
});

describe("overlaps with the register", () => {
  const registered = [{ id: "h1", code: "CHA-1", name: "One", geometry: area, released: west }];

  it("land an area has released is not an overlap that refuses, but is reported as found on released land", () => {
    const found = overlapsWithRegistered(box(43.0005, 36.302, 43.002, 36.304), registered);
    expect(found).toEqual([expect.objectContaining({ code: "CHA-1", overlapM2: expect.closeTo(0, 3) })]);
    expect(found[0]!.onReleasedM2).toBeGreaterThan(10_000);
    expect(blockingOverlaps(found)).toEqual([]);
  });

  it("land still to release refuses, whatever the candidate's own released land", () => {
    const found = overlapsWithRegistered(box(43.005, 36.302, 43.006, 36.304), registered);
    expect(blockingOverlaps(found)).toHaveLength(1);
    // A revised boundary's own released land is left out of it: released on both sides is no overlap.
    expect(blockingOverlaps(overlapsWithRegistered(west, registered, west))).toEqual([]);
  });
});

describe("an area's status after its land changes", () => {
  it("closes when all is released, opens again when a correction gives land back; history stays history", () => {
    expect(settledStatus("ACTIVE", 1000, 1000)).toBe("CLOSED");
    expect(settledStatus("SUSPENDED", 1000, 999.999)).toBe("CLOSED");
    expect(settledStatus("CLOSED", 1000, 900)).toBe("ACTIVE");
    expect(settledStatus("SUSPENDED", 1000, 900)).toBe("SUSPENDED");
    expect(settledStatus("SUPERSEDED", 1000, 1000)).toBe("SUPERSEDED");
    expect(settledStatus("WITHDRAWN", 1000, 0)).toBe("WITHDRAWN");
  });
});
