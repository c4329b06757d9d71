import { describe, expect, it } from "vitest";
import { formatM2, formatMoney, formatMonth, formatYear, soraniDate, soraniMonth } from "./format";
import {
  directionOf,
  formattingLocale,
  languageChoice,
  languageFromAcceptLanguage,
  languageOf,
  numeralsOf,
  parseLanguageChoice,
  serialiseLanguageChoice,
} from "./locales";
import { governorateName } from "./names";

describe("the reader's language", () => {
  it("takes the first language the app speaks from Accept-Language, by weight", () => {
    expect(languageFromAcceptLanguage("ckb-IQ,ar;q=0.8,en;q=0.5")).toBe("ckb");
    expect(languageFromAcceptLanguage("fr-FR,ar;q=0.3,en;q=0.9")).toBe("en");
    expect(languageFromAcceptLanguage("de, AR-iq;q=0.7")).toBe("ar");
    // Kurmanji ("ku") is not Sorani.
    expect(languageFromAcceptLanguage("ku, fr")).toBeNull();
    expect(languageFromAcceptLanguage("ar;q=0, en;q=0.1")).toBe("en");
    expect(languageFromAcceptLanguage(undefined)).toBeNull();
  });

  it("keeps a choice in a cookie and reads back only what it wrote", () => {
    for (const choice of [
      { language: "ar", numerals: "arab" },
      { language: "ar", numerals: "latn" },
      { language: "ckb", numerals: "latn" },
      { language: "en", numerals: "latn" },
    ] as const) {
      expect(parseLanguageChoice(serialiseLanguageChoice(choice))).toEqual(choice);
    }
    expect(serialiseLanguageChoice({ language: "ar", numerals: "arab" })).toBe("ar");
    expect(parseLanguageChoice("fr")).toBeNull();
    expect(parseLanguageChoice("")).toBeNull();
    expect(parseLanguageChoice("ckb:roman")).toEqual({ language: "ckb", numerals: "arab" });
    // English is always read in Latin digits.
    expect(languageChoice("en", "arab")).toEqual({ language: "en", numerals: "latn" });
    expect(languageChoice("xx", "arab")).toEqual({ language: "en", numerals: "latn" });
  });

  it("formats figures and dates in the digits chosen, on Iraqi calendar names", () => {
    const arab = formattingLocale({ language: "ar", numerals: "arab" });
    const latn = formattingLocale({ language: "ar", numerals: "latn" });
    expect(formatM2(1234567, arab)).toBe("١٬٢٣٤٬٥٦٧\u00a0m²");
    expect(formatM2(1234567, latn)).toBe("1,234,567\u00a0m²");
    expect(formatYear(2024, arab)).toBe("٢٠٢٤");
    expect(formatMonth("2024-01", latn)).toContain("كانون الثاني");
    expect(formatMonth("2024-01", formattingLocale({ language: "ckb", numerals: "arab" }))).toContain("٢٠٢٤");
    expect(formatMonth("2024-01", "en")).toBe("Jan 2024");
    expect(formatYear(2024, "en")).toBe("2024");
  });

  it("knows the direction and language of a formatting locale", () => {
    expect(languageOf("ckb-IQ-u-nu-latn")).toBe("ckb");
    expect(directionOf("ar-IQ-u-nu-arab")).toBe("rtl");
    expect(directionOf("ckb")).toBe("rtl");
    expect(directionOf("en")).toBe("ltr");
    expect(numeralsOf("ar-IQ-u-nu-latn")).toBe("latn");
    expect(numeralsOf(formattingLocale({ language: "ckb", numerals: "arab" }))).toBe("arab");
    expect(numeralsOf("en")).toBe("latn");
  });

  it("names a governorate in the reader's language", () => {
    const erbil = { nameEn: "Erbil", nameAr: "أربيل", nameCkb: "هەولێر" };
    expect(governorateName(erbil, "en")).toBe("Erbil");
    expect(governorateName(erbil, "ar-IQ-u-nu-latn")).toBe("أربيل");
    expect(governorateName(erbil, "ckb-IQ-u-nu-arab")).toBe("هەولێر");
  });

  it("writes Sorani months and dates as Node's ICU does, for browsers whose Intl has no Sorani (Chromium's)", () => {
    for (const numerals of ["arab", "latn"] as const) {
      const ckb = formattingLocale({ language: "ckb", numerals });
      const months = new Intl.DateTimeFormat(ckb, { year: "numeric", month: "short", timeZone: "UTC" });
      const dates = new Intl.DateTimeFormat(ckb, { dateStyle: "medium", timeZone: "UTC" });
      for (let m = 1; m <= 12; m++) {
        const day = new Date(Date.UTC(2025, m - 1, 17));
        expect(soraniMonth(`2025-${String(m).padStart(2, "0")}`, ckb)).toBe(months.format(day));
        expect(soraniDate(day, ckb)).toBe(dates.format(day));
      }
    }
  });

  it("keeps a currency's Latin letters together in right-to-left text, so US$ does not read $US", () => {
    const ar = formattingLocale({ language: "ar", numerals: "arab" });
    expect(formatMoney(60_000_000n, "USD", ar)).toMatch(/US\u200e?\$\u200e/);
    expect(formatMoney(60_000_000n, "USD", "en")).toBe("$600,000");
  });
});
