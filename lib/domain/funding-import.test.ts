import { describe, expect, it } from "vitest";
import { parseFundingTable, toMinorUnits } from "./funding-import";

describe("toMinorUnits", () => {
  it("reads amounts as spreadsheets and reports write them, exactly", () => {
    expect(toMinorUnits("16,206,727")).toBe("1620672700");
    expect(toMinorUnits(12051452.5)).toBe("1205145250");
    expect(toMinorUnits("US$ 40 000 000.05")).toBe("4000000005");
    expect(toMinorUnits("9007199254740993.01")).toBe("900719925474099301"); // beyond double precision
    expect(toMinorUnits("-5")).toBeNull();
    expect(toMinorUnits("1.234")).toBeNull();
    expect(toMinorUnits("")).toBeNull();
  });
});

describe("parseFundingTable", () => {
  it("reads Landmine Monitor's columns in any order and case, defaulting amount and currency to the US$", () => {
    const { rows, errors } = parseFundingTable([
      ["Year", "Donor", "US$", "Currency", "Amount (national currency)"],
      [2018, "Germany", "16,206,727", "EUR", "13,700,000"],
      ["2018", "United States", 40000000, "", ""],
      ["", "", "", "", ""],
    ]);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { donor: "Germany", year: 2018, amountMinor: "1370000000", currency: "EUR", usdCents: "1620672700" },
      { donor: "United States", year: 2018, amountMinor: "4000000000", currency: "USD", usdCents: "4000000000" },
    ]);
  });

  it("locates every problem by spreadsheet row and column", () => {
    const { rows, errors } = parseFundingTable([
      ["donor", "year", "usd", "currency"],
      ["Norway", "twenty", "12,051,452", "NOK"],
      ["Sweden", 2018, "ten", "sek!"],
      ["Japan", 2018, "6089285", "JPY"],
    ]);
    expect(rows.map((r) => r.donor)).toEqual(["Japan"]);
    expect(errors).toEqual([
      {
        row: 2,
        column: "year",
        message: "'twenty' is not a year (1990–2100).",
        text: expect.objectContaining({ en: "'twenty' is not a year (1990–2100)." }),
      },
      {
        row: 3,
        column: "usd",
        message: "'ten' is not an amount in US$ (digits, optional cents).",
        text: expect.anything(),
      },
      {
        row: 3,
        column: "currency",
        message: "'SEK!' is not an ISO 4217 currency code (e.g. EUR, USD).",
        text: expect.anything(),
      },
    ]);
    // The same problems in Arabic and Sorani, quoting the cell as it was typed.
    expect(errors[0]!.text.ar).toContain("twenty");
    expect(errors[0]!.text.ar).toMatch(/[\u0600-\u06FF]/);
    expect(errors[2]!.text.ckb).toContain("SEK!");
  });

  it("says which column is missing", () => {
    expect(
      parseFundingTable([
        ["donor", "amount"],
        ["X", 1],
      ]).errors.map((e) => e.column),
    ).toEqual(["year", "usd"]);
  });
});

describe("a grant's activity split from optional columns", () => {
  const header = ["Donor", "Year", "USD", "Land release %", "EORE %", "Victim assistance %", "Capacity %"];
  it.each([
    [
      "all four stated",
      ["60", "25", "10", "5"],
      { landReleaseBp: 6_000, eoreBp: 2_500, victimAssistanceBp: 1_000, capacityBp: 500 },
    ],
    [
      "an empty share beside stated ones is 0 %",
      ["87.5", "12.5", "", ""],
      { landReleaseBp: 8_750, eoreBp: 1_250, victimAssistanceBp: 0, capacityBp: 0 },
    ],
    ["all empty: not stated", ["", "", "", ""], undefined],
  ])("%s", (_, shares, split) => {
    const { rows, errors } = parseFundingTable([header, ["Norway", 2024, "1,000", ...shares]]);
    expect(errors).toEqual([]);
    expect(rows[0]!.split).toEqual(split);
  });

  it.each([
    ["shares adding up to less than 100 %", ["60", "25", "", ""], "landRelease", /adds up to 85 %, not 100 %/],
    ["shares adding up to more", ["90", "20", "", ""], "landRelease", /adds up to 110 %, not 100 %/],
    ["a share that is not a percentage", ["sixty", "40", "", ""], "landRelease", /'sixty' is not a percentage/],
  ])("refuses %s, saying so at the row", (_, shares, column, message) => {
    const { rows, errors } = parseFundingTable([header, ["Norway", 2024, "1,000", ...shares]]);
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 2, column });
    expect(errors[0]!.message).toMatch(message);
  });

  it("reads a sheet without the columns as stating no split", () => {
    const { rows } = parseFundingTable([
      ["Donor", "Year", "USD"],
      ["Norway", 2024, "1,000"],
    ]);
    expect(rows[0]).not.toHaveProperty("split");
  });
});
