import { describe, expect, it } from "vitest";
import {
  formatArea,
  formatAreaIn,
  formatList,
  formatM2,
  formatMoney,
  formatPercent,
  formatProgrammeDay,
  formatUsdCents,
} from "./format";

describe("formatting at the edge", () => {
  it.each([
    ["m2", "2,965,922\u00a0m²"],
    ["ha", "296.59\u00a0ha"],
    ["km2", "2.97\u00a0km²"],
    ["acre", "732.9\u00a0acres"],
  ] as const)("shows the Kurdistan Region's 2024 release (2,965,922 m²) in %s", (unit, text) => {
    expect(formatAreaIn(2_965_922, unit, "en")).toBe(text);
  });

  it("switches from m² to km² at one square kilometre", () => {
    expect(formatArea(999_999, "en")).toBe("999,999\u00a0m²");
    expect(formatArea(650_000_000, "en")).toBe("650.00\u00a0km²");
    expect(formatM2(1234.6, "en")).toBe("1,235\u00a0m²");
  });

  it("formats integer US cents without floating-point loss", () => {
    expect(formatUsdCents(11_640_665_200n, "en")).toBe("$116,406,652");
    expect(formatUsdCents(12_345n, "en")).toBe("$123.45");
  });

  it("shows a grant in its own currency", () => {
    expect(formatMoney(1_370_000_000n, "EUR", "en")).toBe("€13,700,000");
    expect(formatMoney(250_050n, "GBP", "en")).toBe("£2,500.50");
  });

  it("gives every percentage one decimal place, in the reader's digits", () => {
    expect(formatPercent(0.38773, "en")).toBe("38.8%");
    expect(formatPercent(0.6, "en")).toBe("60.0%");
    expect(formatPercent(0, "en")).toBe("0.0%");
    expect(formatPercent(1, "en")).toBe("100.0%");
    expect(formatPercent(0.6, "ar-IQ-u-nu-arab")).toMatch(/^٦٠٫٠/);
  });

  it("never rounds a share between none and all to 0.0% or 100.0%", () => {
    expect(formatPercent(0.0001, "en")).toBe("0.1%");
    expect(formatPercent(0.99996, "en")).toBe("99.9%");
  });

  it("dates a submission by Baghdad's day, as the files do, not UTC's", () => {
    // 22:30 UTC on 3 December is 01:30 on 4 December in Baghdad (UTC+3).
    expect(formatProgrammeDay(new Date("2026-12-03T22:30:00Z"), "en")).toBe("Dec\u00a04,\u00a02026");
    expect(formatProgrammeDay(new Date("2026-12-03T20:59:00Z"), "en")).toBe("Dec\u00a03,\u00a02026");
  });
});

describe("formatList", () => {
  it("separates with the language's comma", () => {
    expect(formatList(["Duhok", "Erbil"], "en")).toBe("Duhok, Erbil");
    expect(formatList(["دهوك", "أربيل"], "ar-u-nu-arab")).toBe("دهوك، أربيل");
    expect(formatList(["دهۆک"], "ckb")).toBe("دهۆک");
  });
});
