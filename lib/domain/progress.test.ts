import { describe, expect, it } from "vitest";
import { type BaselineRecord, summariseProgress } from "./progress";

const baseline = (areaM2: number, asOf: string, kind: BaselineRecord["kind"] = "BASELINE"): BaselineRecord => ({
  kind,
  areaM2,
  asOf: new Date(`${asOf}T00:00:00Z`),
  source: `source ${asOf}`,
});

describe("summariseProgress", () => {
  it("starts from the latest baseline and adds contamination found since", () => {
    const summary = summariseProgress(
      [
        baseline(700_000_000, "2020-01-01"),
        baseline(650_000_000, "2024-01-01"),
        baseline(2_000_000, "2024-06-01", "NEWLY_FOUND"),
        baseline(9_000_000, "2019-06-01", "NEWLY_FOUND"),
      ],
      { cancelled: 0, reduced: 0, cleared: 0 },
    );
    expect(summary.baselineM2).toBe(652_000_000);
    expect(summary.newlyFoundM2).toBe(2_000_000);
    expect(summary.baselineSource).toEqual({ asOf: "2024-01-01", source: "source 2024-01-01" });
  });

  it("released parts add up to the total, and released + remaining = baseline", () => {
    const s = summariseProgress([baseline(1_000_000, "2024-01-01")], {
      cancelled: 100_000,
      reduced: 50_000.5,
      cleared: 25_000.25,
    });
    expect(s.releasedM2.total).toBe(s.releasedM2.cancelled + s.releasedM2.reduced + s.releasedM2.cleared);
    expect(s.releasedM2.total + s.remainingM2).toBeCloseTo(s.baselineM2, 6);
    expect(s.fractionReleased).toBeCloseTo(0.17500075, 9);
  });

  it("never shows negative remaining contamination", () => {
    const s = summariseProgress([baseline(1_000, "2024-01-01")], { cancelled: 0, reduced: 0, cleared: 1_500 });
    expect(s.remainingM2).toBe(0);
    expect(s.fractionReleased).toBe(1);
  });

  it("says there is no baseline rather than inventing one", () => {
    const s = summariseProgress([], { cancelled: 10, reduced: 0, cleared: 0 });
    expect(s.baselineSource).toBeNull();
    expect(s.baselineM2).toBe(0);
    expect(s.fractionReleased).toBe(0);
  });
});
