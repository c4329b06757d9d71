import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BaselineRecord, buildProgressView, type ReleaseAggregate, summariseProgress } from "./progress";

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

const GOVERNORATES = [
  { pcode: "IQ01", nameEn: "Erbil", nameAr: "أربيل", nameCkb: "هەولێر", region: "KURDISTAN" as const },
  { pcode: "IQ02", nameEn: "Ninewa", nameAr: "نينوى", nameCkb: "نەینەوا", region: "FEDERAL" as const },
];

const release = (pcode: string, m2: number, sinceBaseline = true, month = "2025-03"): ReleaseAggregate => ({
  month,
  method: "cleared",
  pcode,
  sinceBaseline,
  inPeriod: sinceBaseline,
  m2,
});

const nationalView = (
  estimate: number | null,
  registered: { pcode: string; areaM2: number }[],
  releases: ReleaseAggregate[],
) =>
  buildProgressView({
    records: estimate === null ? [] : [baseline(estimate, "2024-01-01")],
    scoped: false,
    registered,
    releases,
    governorates: GOVERNORATES,
    toMonth: "2025-06",
  });

describe("national remaining: registered areas + the estimate not yet registered", () => {
  it("splits remaining into what is left in registered areas and the unregistered part of the estimate", () => {
    const v = nationalView(
      10_000_000,
      [
        { pcode: "IQ01", areaM2: 1_000_000 },
        { pcode: "IQ02", areaM2: 500_000 },
      ],
      // 200,000 m² released in Erbil before the estimate's date: not part of the estimate, not of the register's share of it.
      [release("IQ01", 200_000, false), release("IQ01", 300_000), release("IQ02", 100_000)],
    );
    expect(v.baselineBasis).toBe("national-record");
    expect(v.registeredM2).toBe(1_500_000);
    expect(v.registeredRemainingM2).toBe(900_000);
    expect(v.unregisteredEstimateM2).toBe(10_000_000 - 1_300_000);
    expect(v.remainingM2).toBe(v.registeredRemainingM2 + v.unregisteredEstimateM2);
    expect(v.remainingM2).toBe(10_000_000 - 400_000);
    expect(v.byGovernorate.reduce((s, g) => s + g.remainingM2, 0)).toBe(v.registeredRemainingM2);
  });

  it("registering known contamination moves it from unregistered to registered, leaving remaining unchanged", () => {
    const before = nationalView(10_000_000, [{ pcode: "IQ01", areaM2: 1_000_000 }], [release("IQ01", 250_000)]);
    const after = nationalView(
      10_000_000,
      [
        { pcode: "IQ01", areaM2: 1_000_000 },
        { pcode: "IQ02", areaM2: 2_000_000 },
      ],
      [release("IQ01", 250_000)],
    );
    expect(after.registeredM2 - before.registeredM2).toBe(2_000_000);
    expect(after.registeredRemainingM2 - before.registeredRemainingM2).toBe(2_000_000);
    expect(before.unregisteredEstimateM2 - after.unregisteredEstimateM2).toBe(2_000_000);
    expect(after.remainingM2).toBe(before.remainingM2);
  });

  it("takes the register as the figure where it exceeds the estimate", () => {
    const v = nationalView(1_000_000, [{ pcode: "IQ02", areaM2: 3_000_000 }], [release("IQ02", 500_000)]);
    expect(v.baselineBasis).toBe("register-exceeds-estimate");
    expect(v.nationalEstimateM2).toBe(1_000_000);
    expect(v.baselineM2).toBe(3_000_000);
    expect(v.unregisteredEstimateM2).toBe(0);
    expect(v.remainingM2).toBe(2_500_000);
    expect(v.releasedToDateM2 + v.remainingM2).toBe(v.baselineM2);
  });

  it("with no national estimate recorded, the register is the baseline", () => {
    const v = nationalView(null, [{ pcode: "IQ01", areaM2: 400_000 }], [release("IQ01", 100_000)]);
    expect(v.baselineBasis).toBe("registered-areas");
    expect(v.remainingM2).toBe(300_000);
    expect(nationalView(null, [], []).baselineBasis).toBe("national-record");
  });

  it("released to date + remaining = baseline, and the parts add up, for any register and estimate", () => {
    const area = fc.integer({ min: 0, max: 50_000_000 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.record({ pcode: fc.constantFrom("IQ01", "IQ02"), area, before: area, since: area }), {
          maxLength: 6,
        }),
        (estimate, areas) => {
          // Each area's releases stay within it, as the accounting guarantees.
          const rows = areas.map((a) => {
            const before = Math.min(a.before, a.area);
            return { ...a, before, since: Math.min(a.since, a.area - before) };
          });
          const v = nationalView(
            estimate,
            rows.map((a) => ({ pcode: a.pcode, areaM2: a.area })),
            rows.flatMap((a) => [release(a.pcode, a.before, false), release(a.pcode, a.since)]),
          );
          expect(v.registeredRemainingM2 + v.unregisteredEstimateM2).toBe(v.remainingM2);
          expect(v.releasedToDateM2 + v.remainingM2).toBe(v.baselineM2);
          expect(v.unregisteredEstimateM2).toBeGreaterThanOrEqual(0);
          expect(v.baselineM2).toBe(Math.max(estimate, v.registeredM2 - rows.reduce((s, a) => s + a.before, 0)));
        },
      ),
    );
  });
});
