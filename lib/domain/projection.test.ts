import { describe, expect, it } from "vitest";
import { addMonths, burnDown, fillMonths, type MonthlyRelease, projectCompletion, releasedByYear } from "./projection";

const month = (m: string, cleared: number, cancelled = 0, reduced = 0): MonthlyRelease => ({
  month: m,
  cancelled,
  reduced,
  cleared,
});

describe("months and years", () => {
  it("steps across year ends and fills gaps with zeros", () => {
    expect(addMonths("2024-11", 3)).toBe("2025-02");
    expect(addMonths("2025-01", -1)).toBe("2024-12");
    const filled = fillMonths([month("2024-11", 5), month("2025-02", 7)], "2024-11", "2025-02");
    expect(filled.map((m) => m.month)).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(filled[1]).toEqual(month("2024-12", 0));
  });

  it("years add up to the months, method by method", () => {
    const months = [month("2024-11", 5, 1, 2), month("2024-12", 3, 0, 1), month("2025-02", 7, 4, 0)];
    const years = releasedByYear(months);
    expect(years.map((y) => [y.year, y.cleared, y.cancelled, y.reduced])).toEqual([
      [2024, 8, 1, 3],
      [2025, 7, 4, 0],
    ]);
    const sum = (xs: MonthlyRelease[]) => xs.reduce((s, m) => s + m.cancelled + m.reduced + m.cleared, 0);
    expect(sum(years)).toBe(sum(months));
  });

  it("burns the baseline down by what was released, never below zero", () => {
    const points = burnDown(10, [month("2025-01", 4), month("2025-02", 5), month("2025-03", 3)]);
    expect(points.map((p) => p.remainingM2)).toEqual([6, 1, 0]);
    expect(points.at(-1)!.releasedToDateM2).toBe(12);
  });
});

describe("projectCompletion", () => {
  // 2023: 1,200 m²; 2024: 2,400 m²; 2025 to November: 100 m² a month.
  const months = fillMonths(
    [
      ...Array.from({ length: 12 }, (_, i) => month(addMonths("2023-01", i), 100)),
      ...Array.from({ length: 12 }, (_, i) => month(addMonths("2024-01", i), 200)),
      ...Array.from({ length: 11 }, (_, i) => month(addMonths("2025-01", i), 100)),
    ],
    "2023-01",
    "2025-11",
  );

  it("projects at the trailing 12 months' rate, with the range from the best and worst complete years", () => {
    const p = projectCompletion(12_000, months, "2025-11");
    expect(p.trailing12M2).toBe(200 + 1_100); // December 2024 and January–November 2025
    expect(p.yearsAtTrailingRate).toBeCloseTo(12_000 / 1_300, 9);
    expect(p.completionYear).toBe(2025 + Math.ceil(12_000 / 1_300));
    expect(p.bestYear).toEqual({ year: 2024, releasedM2: 2_400 });
    expect(p.worstYear).toEqual({ year: 2023, releasedM2: 1_200 });
    expect(p.earliestYear).toBe(2025 + 5);
    expect(p.latestYear).toBe(2025 + 10);
    expect(p.decadesAway).toBe(false);
  });

  it("says plainly when the rate puts completion decades away, and not beside 'never' when nothing was released", () => {
    expect(projectCompletion(650_000_000, months, "2025-11").decadesAway).toBe(true);
    const idle = projectCompletion(1_000, fillMonths([month("2020-03", 50)], "2020-01", "2025-11"), "2025-11");
    expect(idle.completionYear).toBeNull();
    expect(idle.decadesAway).toBe(false);
    expect(idle.worstYear!.releasedM2).toBe(0);
    expect(idle.latestYear).toBeNull();
  });

  it("counts the years left from the end of the last complete month, not of its year", () => {
    // 1,200 m² in the 12 months to June 2025.
    const year = fillMonths(
      Array.from({ length: 12 }, (_, i) => month(addMonths("2024-07", i), 100)),
      "2024-07",
      "2025-06",
    );
    // 3.2 years after the end of June 2025 is September 2028.
    expect(projectCompletion(3_840, year, "2025-06").completionYear).toBe(2028);
    // Half a year's work left ends with December, that same year; any more runs into the next.
    expect(projectCompletion(600, year, "2025-06").completionYear).toBe(2025);
    expect(projectCompletion(601, year, "2025-06").completionYear).toBe(2026);
  });

  it("is done when nothing remains", () => {
    expect(projectCompletion(0, months, "2025-11")).toMatchObject({ completionYear: 2025, decadesAway: false });
  });

  it("counts a release of this month in the trailing rate as soon as it is approved", () => {
    // Nothing from December 2024 to November 2025, then 500 m² in December 2025 so far.
    const quiet = fillMonths([month("2024-11", 100), month("2025-12", 500)], "2024-11", "2025-12");
    const lastComplete = projectCompletion(1_000, quiet, "2025-11");
    expect([lastComplete.trailing12M2, lastComplete.completionYear]).toEqual([0, null]);
    const today = projectCompletion(1_000, quiet, "2025-11", "2025-12");
    expect(today.trailing12M2).toBe(500);
    // Two years' work from the end of December 2025.
    expect(today.completionYear).toBe(2027);
  });

  it("says a completion past 2100 as beyond the horizon, not as a year", () => {
    // 1,300 m² a year against 200,000 m² left: 154 years.
    const p = projectCompletion(200_000, months, "2025-11");
    expect(p).toMatchObject({ completionYear: null, completionBeyond: true, decadesAway: true });
    // The best year (2,400 m²) ends it in 2109, the worst (1,200 m²) in 2192: both past the horizon.
    expect(p).toMatchObject({ earliestYear: null, earliestBeyond: true, latestYear: null, latestBeyond: true });
    // Just inside it: a year.
    const near = projectCompletion(1_300 * 75, months, "2025-11");
    expect([near.completionYear, near.completionBeyond]).toEqual([2100, false]);
    // Nothing released in the 12 months: never, which is not "beyond".
    const idle = projectCompletion(1_000, fillMonths([month("2020-03", 50)], "2020-01", "2025-11"), "2025-11");
    expect([idle.completionYear, idle.completionBeyond]).toEqual([null, false]);
  });
});
