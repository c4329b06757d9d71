import { describe, expect, it } from "vitest";
import { hasFigures, periodAgainstBaseline } from "./view-notes";

describe("a chart with something to draw", () => {
  const keys = ["cancelled", "reduced", "cleared"];
  it("has none when there are no rows, or every figure is zero", () => {
    expect(hasFigures([], keys)).toBe(false);
    expect(hasFigures([{ month: "2018-01", cancelled: 0, reduced: 0, cleared: 0 }], keys)).toBe(false);
  });
  it("has one as soon as any series holds a figure in any row", () => {
    expect(
      hasFigures(
        [
          { month: "2018-01", cancelled: 0, reduced: 0, cleared: 0 },
          { month: "2018-02", cancelled: 0, reduced: 0, cleared: 0.5 },
        ],
        keys,
      ),
    ).toBe(true);
  });
  it("counts only the series drawn, not the labels or other numbers in a row", () => {
    expect(hasFigures([{ year: 2018, label: "x", committedUsd: 0 }], ["committedUsd"])).toBe(false);
    expect(hasFigures([{ year: 2018, committedUsd: 100 }], ["spentUsd"])).toBe(false);
  });
});

describe("a view's period against the baseline's date", () => {
  const asOf = "2024-01-01";
  it("says nothing without a baseline date", () => {
    expect(periodAgainstBaseline({ from: "2018-01-01", to: "2018-12-31" }, null)).toBeNull();
  });
  it("is before it when the period ends the day before", () => {
    expect(periodAgainstBaseline({ from: "2018-01-01", to: "2023-12-31" }, asOf)).toEqual({ kind: "before", asOf });
    expect(periodAgainstBaseline({ to: "2023-12-31" }, asOf)).toEqual({ kind: "before", asOf });
  });
  it("straddles it when the period starts before and ends on or after it", () => {
    expect(periodAgainstBaseline({ from: "2023-12-31", to: "2024-01-01" }, asOf)).toEqual({ kind: "straddles", asOf });
    expect(periodAgainstBaseline({ from: "2018-01-01" }, asOf)).toEqual({ kind: "straddles", asOf });
  });
  it("says nothing for a period from the baseline's day on, or with no start (since the baseline)", () => {
    expect(periodAgainstBaseline({ from: asOf, to: "2024-12-31" }, asOf)).toBeNull();
    expect(periodAgainstBaseline({}, asOf)).toBeNull();
  });
});
