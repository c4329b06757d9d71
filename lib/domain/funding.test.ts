import { describe, expect, it } from "vitest";
import { fiscalYearChoices, type GrantMoney, moneyFlow, summariseFunding } from "./funding";
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
