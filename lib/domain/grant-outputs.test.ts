import { describe, expect, it } from "vitest";
import { grantOutputs } from "./grant-outputs";

describe("grantOutputs", () => {
  // Task A: 10,000 m² cleared in 2024 with 10 devices, funded 60 % by g1 and 40 % by g2; task B: g2's alone.
  const releases = [
    { grantId: "g1", shareBp: 6_000, year: 2024, method: "cleared" as const, m2: 10_000 },
    { grantId: "g2", shareBp: 4_000, year: 2024, method: "cleared" as const, m2: 10_000 },
    { grantId: "g2", shareBp: 10_000, year: 2025, method: "cancelled" as const, m2: 50_000 },
    // A failed inspection reopened 1,000 m² of B's cancelled land: approved, negative.
    { grantId: "g2", shareBp: 10_000, year: 2025, method: "cancelled" as const, m2: -1_000 },
  ];
  const devices = [
    { grantId: "g1", shareBp: 6_000, year: 2024, count: 10 },
    { grantId: "g2", shareBp: 4_000, year: 2024, count: 10 },
  ];
  const out = grantOutputs(releases, devices);

  it.each([
    ["g1, 60 % of task A", "g1", [{ year: 2024, cancelledM2: 0, reducedM2: 0, clearedM2: 6_000, devices: 6 }]],
    [
      "g2, 40 % of task A and all of B less what was reopened",
      "g2",
      [
        { year: 2024, cancelledM2: 0, reducedM2: 0, clearedM2: 4_000, devices: 4 },
        { year: 2025, cancelledM2: 49_000, reducedM2: 0, clearedM2: 0, devices: 0 },
      ],
    ],
  ])("attributes by the grant's share of each task: %s", (_, id, years) => {
    expect(out.get(id)).toEqual(years);
  });

  it("shares a task's land and devices between its grants without losing or adding any", () => {
    const year2024 = [...out.values()].flat().filter((y) => y.year === 2024);
    expect(year2024.reduce((s, y) => s + y.clearedM2, 0)).toBe(10_000);
    expect(year2024.reduce((s, y) => s + y.devices, 0)).toBe(10);
  });

  it("credits a fraction of a device when a share leaves one", () => {
    const third = grantOutputs([], [{ grantId: "g", shareBp: 3_333, year: 2025, count: 1 }]);
    expect(third.get("g")![0]!.devices).toBeCloseTo(0.3333, 12);
  });
});
