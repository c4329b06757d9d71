import { describe, expect, it } from "vitest";
import { type ActivitySplitBp, isWholeSplit, landReleaseCents, percentToBp } from "./activity-split";
import type { FundedRelease } from "./funding";
import { type CostGrant, costPerM2 } from "./funding-cost";

const split = (landReleaseBp: number, eoreBp = 0, victimAssistanceBp = 0, capacityBp = 0): ActivitySplitBp => ({
  landReleaseBp,
  eoreBp,
  victimAssistanceBp,
  capacityBp,
});
/** A grant with one disbursement, in integer US cents. */
const grant = (
  id: string,
  donor: string,
  disbursedCents: bigint,
  activitySplit: ActivitySplitBp | null,
): CostGrant => ({
  id,
  code: id.toUpperCase(),
  donor: { id: donor, name: `Donor ${donor}` },
  partner: { id: "p1", name: "Partner p1" },
  fiscalYear: 2025,
  region: null,
  activitySplit,
  transactions: [{ type: "DISBURSEMENT", amountUsdCents: disbursedCents }],
});
const release = (
  grantId: string,
  method: FundedRelease["method"],
  m2: number,
  shareBp = 10_000,
  region: FundedRelease["region"] = "FEDERAL",
  year = 2025,
): FundedRelease => ({ grantId, shareBp, method, year, region, m2 });
const cents = (usd: number) => Math.round(usd * 100);

describe("the money counted against land", () => {
  it.each([
    ["a split stated: its land-release share", 100_000_00n, split(6_000, 2_500, 1_000, 500), 60_000_00n],
    ["all of it for land release", 100_000_00n, split(10_000), 100_000_00n],
    ["none for land release", 100_000_00n, split(0, 10_000), 0n],
    ["a share leaving half a cent: rounded half up", 1n, split(5_000, 5_000), 1n],
    ["a share of an odd amount", 333_33n, split(3_333, 6_667), 111_10n],
    ["no split stated: cannot be told apart", 100_000_00n, null, null],
  ])("%s", (_, disbursed, s, expected) => {
    expect(landReleaseCents(disbursed, s)).toBe(expected);
  });

  it.each([
    ["four shares adding up to 10000 bp", split(6_000, 2_500, 1_000, 500), true],
    ["shares adding up to less", split(6_000, 2_500), false],
    ["shares adding up to more", split(9_000, 2_000), false],
    ["a negative share", split(11_000, -1_000), false],
    ["a fractional basis point", split(9_999.5, 0.5), false],
  ])("a split of %s is %s", (_, s, whole) => {
    expect(isWholeSplit(s)).toBe(whole);
  });

  it.each([
    ["60", 6_000],
    ["60 %", 6_000],
    ["12.5", 1_250],
    ["0.25", 25],
    [40, 4_000],
    ["100", 10_000],
    ["101", null],
    ["-5", null],
    ["12.345", null],
    ["sixty", null],
  ])("reads %j as %j basis points", (value, bp) => {
    expect(percentToBp(value)).toBe(bp);
  });
});

describe("costPerM2", () => {
  // us: US$100,000 disbursed, 80 % land release, funds only cleared land (two tasks, 40,000 m²).
  // de: US$50,000, 50 % land release, funds a task with cancelled and cleared land (10,000 + 15,000 m²).
  // jp: US$90,000, no split stated, funds cancelled land.
  // se: US$20,000, 100 % land release, funds only cancelled land, 60 % of a 10,000 m² task.
  const grants = [
    grant("us", "us", 100_000_00n, split(8_000, 1_000, 1_000)),
    grant("de", "de", 50_000_00n, split(5_000, 5_000)),
    grant("jp", "jp", 90_000_00n, null),
    grant("se", "se", 20_000_00n, split(10_000)),
  ];
  const releases = [
    release("us", "cleared", 30_000),
    release("us", "cleared", 10_000, 10_000, "KURDISTAN", 2024),
    release("de", "cancelled", 10_000),
    release("de", "cleared", 15_000, 10_000, "KURDISTAN"),
    release("jp", "cancelled", 50_000),
    release("se", "cancelled", 10_000, 6_000),
  ];
  const c = costPerM2(grants, releases);
  const row = (groups: typeof c.byMethod, key: string) => groups.find((g) => g.key === key);

  it.each([
    // donor, attributed m², attributed US$ in cents, US$ per m² in cents
    ["us: 80 % of US$100,000 over its 40,000 m²", "us", 40_000, 80_000_00, 200],
    ["de: 50 % of US$50,000 over 25,000 m²", "de", 25_000, 25_000_00, 100],
    ["se: all of US$20,000 over its 60 % of 10,000 m²", "se", 6_000, 20_000_00, cents(20_000 / 6_000)],
  ])("prices only the land-release share: %s", (_, key, m2, usdCents, perM2Cents) => {
    const g = row(c.byDonor, key)!;
    expect(g.attributedM2).toBeCloseTo(m2, 9);
    expect(cents(g.attributedUsd)).toBe(usdCents);
    expect(cents(g.usdPerM2!)).toBe(perM2Cents);
    expect(g.grants).toEqual([key.toUpperCase()]);
  });

  it("leaves out a grant that states no split, its money and its land, and says which", () => {
    expect(row(c.byDonor, "jp")).toBeUndefined();
    expect(c.notStated).toEqual({ grants: ["JP"], disbursedCents: 90_000_00n, m2: 50_000 });
    expect(c.perGrant.find((g) => g.grantId === "jp")).toMatchObject({ landReleaseCents: null, m2: 50_000 });
  });

  it.each([
    // method, shown US$ per m² in cents (null: not separable), m² priced, m² in mixed-method grants, grants
    ["cleared: only from the grant whose land is all cleared", "cleared", 200, 40_000, 15_000, ["US"]],
    [
      "cancelled: only from the grant whose land is all cancelled",
      "cancelled",
      cents(20_000 / 6_000),
      6_000,
      10_000,
      ["SE"],
    ],
    ["mixed: the grant funding both, with no price", "mixed", null, 25_000, undefined, ["DE"]],
  ])("by method, %s", (_, key, perM2Cents, m2, mixedM2, codes) => {
    const g = row(c.byMethod, key)!;
    expect(g.usdPerM2 === null ? null : cents(g.usdPerM2)).toBe(perM2Cents);
    expect(g.attributedM2).toBeCloseTo(m2, 9);
    expect(g.mixedM2).toBe(mixedM2);
    expect(g.grants).toEqual(codes);
  });

  it("says 'not separable' for a method whose land was all released alongside another method's", () => {
    const only = costPerM2(
      [grants[1]!],
      releases.filter((r) => r.grantId === "de"),
    );
    expect(only.byMethod.map((g) => [g.key, g.usdPerM2, g.attributedM2, g.mixedM2])).toEqual([
      ["cancelled", null, 0, 10_000],
      ["cleared", null, 0, 15_000],
      ["mixed", null, 25_000, undefined],
    ]);
  });

  it("adds up in every grouping to the counted grants' land-release money and their land", () => {
    for (const groups of [c.byDonor, c.byPartner, c.byMethod, c.byYear]) {
      expect(cents(groups.reduce((s, g) => s + g.attributedUsd, 0))).toBe(80_000_00 + 25_000_00 + 20_000_00);
      expect(groups.reduce((s, g) => s + g.attributedM2, 0)).toBeCloseTo(40_000 + 25_000 + 6_000, 9);
    }
  });

  it("counts under a region only the land there, at its grant's price and method over all its land", () => {
    const kurdistan = costPerM2(grants, releases, "KURDISTAN");
    expect(kurdistan.byDonor.map((g) => [g.key, g.attributedM2, cents(g.attributedUsd)])).toEqual([
      ["de", 15_000, 15_000_00],
      ["us", 10_000, 20_000_00],
    ]);
    // de's land in the Kurdistan Region is all cleared, but de's land as a whole is not: still not separable.
    expect(row(kurdistan.byMethod, "cleared")).toMatchObject({ attributedM2: 10_000, mixedM2: 15_000, grants: ["US"] });
    expect(kurdistan.notStated).toEqual({ grants: [], disbursedCents: 0n, m2: 0 });
    const federal = costPerM2(grants, releases, "FEDERAL");
    for (const k of ["byDonor", "byMethod", "byYear"] as const) {
      const sum = (v: typeof c, f: "attributedM2" | "attributedUsd") => v[k].reduce((s, g) => s + g[f], 0);
      expect(sum(federal, "attributedM2") + sum(kurdistan, "attributedM2")).toBeCloseTo(sum(c, "attributedM2"), 6);
      expect(sum(federal, "attributedUsd") + sum(kurdistan, "attributedUsd")).toBeCloseTo(sum(c, "attributedUsd"), 6);
    }
  });

  it("counts land a failed inspection reopened (negative m²) against the grant's land, not as another method", () => {
    const reopened = costPerM2(
      [grants[0]!],
      [...releases.filter((r) => r.grantId === "us"), release("us", "cleared", -8_000)],
    );
    expect(row(reopened.byMethod, "cleared")).toMatchObject({ attributedM2: 32_000, usdPerM2: 80_000 / 32_000 });
  });
});
