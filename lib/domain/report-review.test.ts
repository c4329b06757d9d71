import { describe, expect, it } from "vitest";
import { deepFreeze } from "@/tests/helpers/freeze";
import { daysWaiting, type ReviewFacts, reviewWarnings } from "./report-review";

type Over = Partial<Omit<ReviewFacts, "account">> & { account?: Partial<ReviewFacts["account"]> };
const facts = (over: Over = {}): ReviewFacts =>
  deepFreeze({
    releasedBy: [],
    underReview: [],
    periodStart: "2026-10-01",
    periodEnd: "2026-10-31",
    registeredOn: "2026-01-15",
    today: "2026-11-05",
    ...over,
    account: {
      submittedAreaM2: 10_000,
      outsideHazardM2: 0,
      alreadyReleasedM2: 0,
      countedAreaM2: 10_000,
      ...over.account,
    },
  });
const kinds = (f: ReviewFacts) => reviewWarnings(f).map((w) => w.kind);

describe("reviewWarnings", () => {
  it("has nothing to say of a report inside its area, counting land, in a past period after registration", () => {
    expect(reviewWarnings(facts())).toEqual([]);
  });

  it.each([
    ["exactly half outside: not more than half", 5_000, []],
    ["one m² over half", 5_001, ["mostlyOutside"]],
    ["56 % outside", 5_600, ["mostlyOutside"]],
  ])("%s", (_, outsideHazardM2, expected) => {
    const f = facts({ account: { outsideHazardM2, countedAreaM2: 10_000 - outsideHazardM2 } });
    expect(kinds(f)).toEqual(expected);
  });

  it("gives the share and the m² outside, for the sentence '56 % of this polygon lies outside'", () => {
    const [w] = reviewWarnings(facts({ account: { outsideHazardM2: 5_600, countedAreaM2: 4_400 } }));
    expect(w).toEqual({ kind: "mostlyOutside", outsideShare: 0.56, outsideM2: 5_600 });
  });

  it.each([
    ["0.49 m² shows as 0 m²: counts nothing", 0.49, true],
    ["0.5 m² shows as 1 m²: counts", 0.5, false],
    ["0 m²", 0, true],
  ])("%s", (_, countedAreaM2, warned) => {
    const f = facts({ account: { alreadyReleasedM2: 10_000 - countedAreaM2, countedAreaM2 } });
    expect(kinds(f).includes("countsNothing")).toBe(warned);
  });

  it("says why nothing counts, and names the approved reports that released it first", () => {
    const releasedBy = [{ id: "r-approved", sharedM2: 10_000 }];
    const released = facts({ releasedBy, account: { alreadyReleasedM2: 10_000, countedAreaM2: 0 } });
    expect(reviewWarnings(released)).toEqual([{ kind: "countsNothing", cause: "released", releasedBy }]);
    // All outside: every m² outside is also the 'more than half' warning; no report released it.
    const outside = facts({ releasedBy, account: { outsideHazardM2: 10_000, countedAreaM2: 0 } });
    expect(reviewWarnings(outside)).toEqual([
      { kind: "mostlyOutside", outsideShare: 1, outsideM2: 10_000 },
      { kind: "countsNothing", cause: "outside", releasedBy: [] },
    ]);
    const both = facts({ releasedBy, account: { outsideHazardM2: 3_000, alreadyReleasedM2: 7_000, countedAreaM2: 0 } });
    expect(reviewWarnings(both)).toEqual([{ kind: "countsNothing", cause: "releasedAndOutside", releasedBy }]);
  });

  it("warns of other reports under review that claim the same land", () => {
    const underReview = [{ id: "r-other", sharedM2: 2_500 }];
    expect(reviewWarnings(facts({ underReview }))).toEqual([{ kind: "overlapsUnderReview", reports: underReview }]);
  });

  it.each([
    ["ends today in Baghdad", "2026-11-05", []],
    ["ends tomorrow in Baghdad, by one day", "2026-11-06", ["periodInFuture"]],
  ])("a period that %s", (_, periodEnd, expected) => {
    expect(kinds(facts({ periodEnd }))).toEqual(expected);
  });

  it.each([
    ["on the day the area was registered", "2026-01-15", []],
    ["the day before the area was registered", "2026-01-14", ["periodBeforeRegistered"]],
  ])("a period starting %s", (_, periodStart, expected) => {
    expect(kinds(facts({ periodStart }))).toEqual(expected);
  });

  it("lists every warning that holds, in a reviewer's order", () => {
    const f = facts({
      underReview: [{ id: "x", sharedM2: 10 }],
      periodStart: "2025-12-01",
      periodEnd: "2026-12-01",
      account: { outsideHazardM2: 10_000, countedAreaM2: 0 },
    });
    expect(kinds(f)).toEqual([
      "mostlyOutside",
      "countsNothing",
      "overlapsUnderReview",
      "periodInFuture",
      "periodBeforeRegistered",
    ]);
  });
});

describe("daysWaiting", () => {
  it("counts Iraq's days: sent at 23:00 in Baghdad, a day has passed at midnight there", () => {
    const sent = new Date("2026-11-26T20:00:00Z"); // 23:00 in Baghdad
    expect(daysWaiting(sent, new Date("2026-11-26T20:59:59Z"))).toBe(0);
    expect(daysWaiting(sent, new Date("2026-11-26T21:00:00Z"))).toBe(1);
    expect(daysWaiting(sent, new Date("2026-12-06T12:00:00Z"))).toBe(10);
  });

  it("is never negative when the clocks disagree", () => {
    expect(daysWaiting(new Date("2026-11-27T00:00:00Z"), new Date("2026-11-26T00:00:00Z"))).toBe(0);
  });
});
