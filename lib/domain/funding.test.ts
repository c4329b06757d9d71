import { describe, expect, it } from "vitest";
import { costPerM2, fiscalYearChoices, type GrantMoney, moneyFlow, summariseFunding } from "./funding";
import { placeOfGrant } from "./funding-place";

const grant = (
  id: string,
  donor: string,
  partner: string | null,
  year: number,
  tx: [GrantMoney["transactions"][number]["type"], number][],
  region: GrantMoney["region"] = null,
): GrantMoney => ({
  id,
  code: id,
  donor: { id: donor, name: `Donor ${donor}` },
  partner: partner ? { id: partner, name: `Partner ${partner}` } : null,
  fiscalYear: year,
  region,
  transactions: tx.map(([type, usd]) => ({ type, amountUsdCents: BigInt(usd * 100) })),
});
const labels = {
  unnamedPartner: "not named",
  unspecifiedRegion: "unspecified",
  bothRegions: "both",
  region: (r: string) => r.toLowerCase(),
};

describe("moneyFlow", () => {
  it("takes commitments once, and counts money paid as committed", () => {
    expect(
      moneyFlow(
        grant("a", "d", null, 2025, [
          ["INCOMING_COMMITMENT", 100],
          ["OUTGOING_COMMITMENT", 100],
          ["DISBURSEMENT", 40],
          ["EXPENDITURE", 25],
        ]).transactions,
      ),
    ).toEqual({ committedCents: 10_000n, disbursedCents: 4_000n, spentCents: 2_500n });
    expect(moneyFlow(grant("b", "d", null, 2018, [["DISBURSEMENT", 70]]).transactions).committedCents).toBe(7_000n);
  });
});

describe("summariseFunding", () => {
  const grants = [
    grant(
      "g1",
      "us",
      "p1",
      2024,
      [
        ["INCOMING_COMMITMENT", 1_000_000],
        ["DISBURSEMENT", 600_000],
        ["EXPENDITURE", 500_000],
      ],
      "FEDERAL",
    ),
    grant(
      "g2",
      "us",
      "p2",
      2025,
      [
        ["INCOMING_COMMITMENT", 500_000],
        ["DISBURSEMENT", 500_000],
      ],
      "KURDISTAN",
    ),
    grant("g3", "de", null, 2025, [["DISBURSEMENT", 250_000.55]]),
  ];

  it.each(["donor", "year", "partner", "region"] as const)("by %s, the items add up to the totals", (groupBy) => {
    const s = summariseFunding(grants, groupBy, labels);
    for (const k of ["committedUsd", "disbursedUsd", "spentUsd"] as const)
      expect(s.items.reduce((a, i) => a + i[k], 0)).toBeCloseTo(s.totals[k], 2);
    expect(s.totalUsd).toBe(1_750_000.55);
  });

  it("groups by fiscal year in order, and names what the source does not", () => {
    expect(summariseFunding(grants, "year", labels).items.map((i) => [i.key, i.committedUsd])).toEqual([
      ["2024", 1_000_000],
      ["2025", 750_000.55],
    ]);
    expect(summariseFunding(grants, "partner", labels).items.find((i) => i.key === "unnamed")!.label).toBe("not named");
  });

  it("sums a grant stating no region where the tasks it funds are, each grant once", () => {
    const [erbil, ninewa] = [
      { pcode: "IQG11", region: "KURDISTAN" as const },
      { pcode: "IQG15", region: "FEDERAL" as const },
    ];
    const placed = [
      { ...grants[0]!, place: placeOfGrant("FEDERAL", [erbil]) }, // stated: federal, whatever its tasks
      { ...grants[1]!, region: null, place: placeOfGrant(null, [erbil]) },
      { ...grants[2]!, place: placeOfGrant(null, [erbil, ninewa]) },
    ];
    expect(summariseFunding(placed, "region", labels).items.map((i) => [i.key, i.label, i.committedUsd])).toEqual([
      ["federal", "federal", 1_000_000],
      ["kurdistan", "kurdistan", 500_000],
      ["both", "both", 250_000.55],
    ]);
  });
});

describe("fiscalYearChoices", () => {
  it("offers the years with grants, newest first, and the year asked for even without grants", () => {
    expect(fiscalYearChoices([2025, 2018, 2025])).toEqual([2025, 2018]);
    expect(fiscalYearChoices([2025], 2018)).toEqual([2025, 2018]);
    expect(fiscalYearChoices([2025, 2018], 2018)).toEqual([2025, 2018]);
  });
});

describe("costPerM2", () => {
  // g1 (US$600k disbursed) funds 60 % of task A; g2 (US$500k) the other 40 % and all of task B.
  const grants = [
    grant("g1", "us", "p1", 2024, [["DISBURSEMENT", 600_000]]),
    grant("g2", "de", "p1", 2025, [["DISBURSEMENT", 500_000]]),
    grant("g3", "jp", "p2", 2025, [["DISBURSEMENT", 90_000]]),
  ];
  const releases = [
    { grantId: "g1", shareBp: 6_000, method: "cleared" as const, year: 2025, region: "FEDERAL" as const, m2: 100_000 },
    { grantId: "g2", shareBp: 4_000, method: "cleared" as const, year: 2025, region: "FEDERAL" as const, m2: 100_000 },
    {
      grantId: "g2",
      shareBp: 10_000,
      method: "cancelled" as const,
      year: 2024,
      region: "KURDISTAN" as const,
      m2: 210_000,
    },
  ];

  it("spreads each grant's disbursement over the m² attributed to it", () => {
    const c = costPerM2(grants, releases);
    expect(c.byDonor.find((d) => d.key === "us")).toMatchObject({
      attributedM2: 60_000,
      attributedUsd: 600_000,
      usdPerM2: 10,
    });
    expect(c.byDonor.find((d) => d.key === "de")!.usdPerM2).toBeCloseTo(500_000 / 250_000, 12);
    // A grant that released nothing yet has no price.
    expect(c.byDonor.find((d) => d.key === "jp")).toBeUndefined();
  });

  it("adds up in every grouping: the released grants' disbursements and the land they funded", () => {
    const c = costPerM2(grants, releases);
    for (const groups of [c.byDonor, c.byPartner, c.byMethod, c.byYear]) {
      expect(groups.reduce((s, g) => s + g.attributedUsd, 0)).toBeCloseTo(1_100_000, 6);
      expect(groups.reduce((s, g) => s + g.attributedM2, 0)).toBeCloseTo(310_000, 6);
    }
    expect(c.byMethod.find((m) => m.key === "cancelled")!.usdPerM2).toBeCloseTo(2, 12);
  });

  it("counts under a region only the land released there, at its grant's price over all its land", () => {
    // g2 released 40,000 m² in federal Iraq and 210,000 m² in the Kurdistan Region: US$500,000 / 250,000 m² = US$2.
    const kurdistan = costPerM2(grants, releases, "KURDISTAN");
    expect(kurdistan.byDonor).toEqual([
      { key: "de", label: "Donor de", attributedM2: 210_000, attributedUsd: 420_000, usdPerM2: 2 },
    ]);
    expect(kurdistan.byYear.map((y) => y.key)).toEqual(["2024"]);
    const federal = costPerM2(grants, releases, "FEDERAL");
    expect(federal.byDonor.find((d) => d.key === "de")).toMatchObject({ attributedM2: 40_000, usdPerM2: 2 });
    expect(federal.byDonor.find((d) => d.key === "de")!.attributedUsd).toBeCloseTo(80_000, 6);
    expect(federal.byDonor.find((d) => d.key === "us")).toMatchObject({ attributedM2: 60_000, usdPerM2: 10 });
    // Land lies in one region: the two regions add up to the whole, in land and in the money attributed to it.
    const whole = costPerM2(grants, releases);
    for (const k of ["byDonor", "byPartner", "byMethod", "byYear"] as const)
      for (const f of ["attributedM2", "attributedUsd"] as const) {
        const sum = (c: typeof whole) => c[k].reduce((s, g) => s + g[f], 0);
        expect(sum(federal) + sum(kurdistan)).toBeCloseTo(sum(whole), 6);
      }
  });
});
