import { describe, expect, it } from "vitest";
import { fillMonths, type MonthlyRelease, projectCompletion } from "./projection";
import { projectByMethod } from "./projection-by-method";

/** One release a year, in June: cancelled, reduced and cleared m². */
const history = (perYear: Record<number, [number, number, number]>, through: string): MonthlyRelease[] =>
  fillMonths(
    Object.entries(perYear).map(([y, [cancelled, reduced, cleared]]) => ({
      month: `${y}-06`,
      cancelled,
      reduced,
      cleared,
    })),
    "2022-01",
    through,
  );

describe("projectByMethod", () => {
  // Cancellation swings: 900,000 m² in 2023, 10,000 in 2024; ground work steady.
  const months = history(
    { 2023: [900_000, 20_000, 30_000], 2024: [10_000, 40_000, 60_000], 2025: [300_000, 30_000, 50_000] },
    "2025-12",
  );

  it.each([
    // label, remaining m², ground-work rate, completion year at it (counted from the end of 2025)
    ["one year's work", 80_000, 80_000, 2026],
    ["work of two and a half years", 200_000, 80_000, 2028],
    ["work past the horizon", 80_000_000, 80_000, null],
  ])("projects %s at technical survey and clearance's own rate", (_, remaining, rate, year) => {
    const p = projectByMethod(remaining, months, "2025-12");
    expect(p.groundWork.trailing12M2).toBe(rate);
    expect(p.groundWork.completionYear).toBe(year);
    expect(p.groundWork.completionBeyond).toBe(year === null);
  });

  it("takes the range from ground work's best and worst years, and cancellation's apart", () => {
    const p = projectByMethod(1_000_000, months, "2025-12");
    expect(p.groundWork.bestYear).toEqual({ year: 2024, releasedM2: 100_000 });
    expect(p.groundWork.worstYear).toEqual({ year: 2023, releasedM2: 50_000 });
    expect(p.groundWork.earliestYear).toBe(2025 + 10);
    expect(p.groundWork.latestYear).toBe(2025 + 20);
    expect(p.cancellation).toEqual({
      trailing12M2: 300_000,
      bestYear: { year: 2023, releasedM2: 900_000 },
      worstYear: { year: 2024, releasedM2: 10_000 },
    });
  });

  it("adds up to the all-methods rate, and projects later than it whenever land was cancelled", () => {
    const all = projectCompletion(1_000_000, months, "2025-12");
    const p = projectByMethod(1_000_000, months, "2025-12");
    expect(p.groundWork.trailing12M2 + p.cancellation.trailing12M2).toBe(all.trailing12M2);
    expect(p.groundWork.completionYear!).toBeGreaterThan(all.completionYear!);
  });

  it("says the work on the ground never ends when only cancellation happened in the last 12 months", () => {
    const p = projectByMethod(1_000_000, history({ 2024: [0, 0, 5_000], 2025: [50_000, 0, 0] }, "2025-12"), "2025-12");
    expect(p.groundWork).toMatchObject({ trailing12M2: 0, completionYear: null, completionBeyond: false });
    expect(p.cancellation.trailing12M2).toBe(50_000);
  });
});
