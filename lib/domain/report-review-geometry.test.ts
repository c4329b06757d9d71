import { describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { deepFreeze } from "@/tests/helpers/freeze";
import { box } from "@/tests/helpers/shapes";
import { accountRelease } from "./land-release";
import { accountQueuePage, sharedWithReports } from "./report-review-geometry";
import "@/tests/helpers/geometry-engine"; // GEOS, which this file's code measures and overlays with

const hazard = deepFreeze(box(43.0, 36.3, 43.01, 36.31));
const released = deepFreeze(box(43.0, 36.3, 43.004, 36.31));

describe("sharedWithReports", () => {
  it("names the approved reports whose land a polygon lies on and the submitted ones it overlaps, largest first", () => {
    const submitted = deepFreeze(box(43.002, 36.3, 43.006, 36.31));
    const found = sharedWithReports(
      submitted,
      { hazard, released: null },
      {
        approved: [
          { id: "west", geometry: released },
          { id: "far", geometry: box(43.008, 36.3, 43.01, 36.31) },
        ],
        underReview: [
          { id: "small", geometry: box(43.005, 36.3, 43.0055, 36.31) },
          { id: "big", geometry: box(43.003, 36.3, 43.0055, 36.31) },
          { id: "touching", geometry: box(43.006, 36.3, 43.007, 36.31) },
        ],
      },
    );
    expect(found.releasedBy.map((s) => s.id)).toEqual(["west"]);
    expect(found.releasedBy[0]!.sharedM2).toBeCloseTo(geodesicAreaM2(box(43.002, 36.3, 43.004, 36.31)), 0);
    // A neighbour that only shares a boundary is not an overlap.
    expect(found.underReview.map((s) => s.id)).toEqual(["big", "small"]);
  });

  it("counts the land shared with a report under review only where it is still to release in the area", () => {
    const submitted = deepFreeze(box(43.002, 36.29, 43.006, 36.31)); // its southern half outside the area
    const underReview = [
      { id: "on-released", geometry: box(43.001, 36.3, 43.0035, 36.31) },
      { id: "outside", geometry: box(43.005, 36.29, 43.006, 36.2995) },
      { id: "partly-open", geometry: box(43.003, 36.3, 43.005, 36.31) },
    ];
    const found = sharedWithReports(submitted, { hazard, released }, { approved: [], underReview });
    expect(found.underReview.map((s) => s.id)).toEqual(["partly-open"]);
    const open = geodesicAreaM2(box(43.004, 36.3, 43.005, 36.31));
    // Within 1e-4 of it: the overlay's vertices are rounded, a metre or so in 100,000 m².
    expect(Math.abs(found.underReview[0]!.sharedM2 - open) / open).toBeLessThan(1e-4);
  });
});

describe("accountQueuePage", () => {
  it("counts each report as approval would now, each on its own", () => {
    const a = deepFreeze(box(43.002, 36.3, 43.006, 36.31));
    const b = deepFreeze(box(43.005, 36.3, 43.008, 36.31));
    const page = accountQueuePage([
      {
        hazard,
        released,
        reports: [
          { id: "a", submitted: a },
          { id: "b", submitted: b },
        ],
      },
    ]);
    expect(page).toEqual([
      { id: "a", countedAreaM2: accountRelease({ submitted: a, hazard, released }).countedAreaM2 },
      { id: "b", countedAreaM2: accountRelease({ submitted: b, hazard, released }).countedAreaM2 },
    ]);
  });
});
