import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { fillMonths, type MonthlyRelease, projectCompletion } from "@/lib/domain/projection";
import { projectByMethod } from "@/lib/domain/projection-by-method";
import { formattingLocale } from "./locales";
import ar from "./messages/ar.json";
import ckb from "./messages/ckb.json";
import en from "./messages/en.json";
import { type DashboardWords, projectionSentences } from "./projection-sentences";

/** As read: the no-break space between a figure and its unit is a space to the reader. */
const plain = (s: string | null) => s?.replaceAll("\u00a0", " ") ?? null;
const CATALOGUES = { en, ar, ckb };
const words = (locale: keyof typeof CATALOGUES) =>
  createTranslator({ locale, messages: CATALOGUES[locale], namespace: "dashboard" }) as unknown as DashboardWords;
const view = (remainingM2: number) => ({ remainingM2, baselineM2: 1_000_000, baselineBasis: "national-record" });
/** Released per month through `through`, one figure per year in June: [cancelled, reduced + cleared]. */
const history = (perYear: Record<number, [number, number]>, through: string) =>
  fillMonths(
    Object.entries(perYear).map(
      ([y, [cancelled, cleared]]): MonthlyRelease => ({ month: `${y}-06`, cancelled, reduced: 0, cleared }),
    ),
    "2023-01",
    through,
  );
const sentences = (remaining: number, months: MonthlyRelease[], locale: keyof typeof CATALOGUES = "en") => {
  const s = projectionSentences(
    view(remaining),
    projectCompletion(remaining, months, "2025-12"),
    projectByMethod(remaining, months, "2025-12"),
    words(locale),
    locale === "en" ? "en" : formattingLocale({ language: locale, numerals: "arab" }),
  );
  return {
    projection: plain(s.projection),
    cancellation: plain(s.cancellation),
    allMethods: plain(s.allMethods),
    warning: s.warning,
  };
};

describe("the burn-down's sentences", () => {
  it("projects technical survey and clearance on their own, and says cancellation is left out, with its range", () => {
    const s = sentences(
      100_000,
      history({ 2023: [500_000, 10_000], 2024: [0, 40_000], 2025: [30_000, 20_000] }, "2025-12"),
    );
    expect(s.projection).toBe(
      "At the last 12 months' rate of technical survey and clearance (20,000 m² a year), all the remaining contamination would be released in 2030. At the best year's rate of technical survey and clearance (2024: 40,000 m²) the work ends in 2028; at the worst year's (2023: 10,000 m²), it ends in 2035. This counts all of it as needing work on the ground: the records cannot tell how much of it non-technical survey will cancel.",
    );
    expect(s.cancellation).toBe(
      "Cancellation by non-technical survey (30,000 m² in the last 12 months) varies widely from year to year (0 m² in 2024, 500,000 m² in 2023) and is not counted in this projection.",
    );
    // 100,000 m² at 50,000 m² a year from the end of 2025.
    expect(s.allMethods).toBe("Counting cancellation too (all methods, 50,000 m² a year), the work would end in 2027.");
    expect(s.warning).toBeNull();
  });

  it("gives no all-methods figure when nothing was cancelled in the 12 months (it would be the same)", () => {
    const s = sentences(100_000, history({ 2024: [10_000, 40_000], 2025: [0, 20_000] }, "2025-12"));
    expect(s.projection).toMatch(/^At the last 12 months' rate of technical survey and clearance \(20,000 m² a year\)/);
    expect(s.cancellation).toBe(
      "Cancellation by non-technical survey (0 m² in the last 12 months) varies widely from year to year (0 m² in 2025, 10,000 m² in 2024) and is not counted in this projection.",
    );
    expect(s.allMethods).toBeNull();
  });

  it("says the work on the ground never ends when only cancellation happened in 12 months, and not 'decades away'", () => {
    const s = sentences(100_000, history({ 2024: [0, 40_000], 2025: [30_000, 0] }, "2025-12"));
    expect(s.projection).toMatch(
      /^No land was reduced by technical survey or cleared in the last 12 months: at that rate the work on the ground never ends\./,
    );
    expect(s.allMethods).toBe("Counting cancellation too (all methods, 30,000 m² a year), the work would end in 2029.");
    expect(s.warning).toBeNull();
  });

  it("says a year past 2100 as 'not by 2100', and warns plainly that it is decades away", () => {
    const s = sentences(650_000_000, history({ 2023: [0, 37_677], 2024: [0, 737_037], 2025: [0, 100_000] }, "2025-12"));
    expect(s.projection).toContain("would not all be released by 2100: not at this rate.");
    expect(s.projection).toContain(
      "(2024: 737,037 m²) the work does not end by 2100; at the worst year's (2023: 37,677 m²), it does not end by 2100.",
    );
    expect(s.projection).not.toMatch(/\d{5}|in not by/);
    expect(s.warning).toMatch(/^Plainly: at this rate completion is decades away/);
  });

  it("says there is nothing to project when all is released or nothing is registered", () => {
    const months = history({ 2024: [0, 1_000] }, "2025-12");
    const [all, byMethod] = [projectCompletion(0, months, "2025-12"), projectByMethod(0, months, "2025-12")];
    expect(projectionSentences(view(0), all, byMethod, words("en"), "en")).toEqual({
      projection: "All the land in this view has been released: there is nothing left to project.",
      cancellation: null,
      allMethods: null,
      warning: null,
    });
    const none = { remainingM2: 0, baselineM2: 0, baselineBasis: "registered-areas" };
    expect(projectionSentences(none, all, byMethod, words("en"), "en").projection).toBe(
      "No hazardous area is registered in this view: there is nothing to project.",
    );
  });

  it.each([
    ["ar", "المسح التقني والتطهير", "المسح غير التقني"],
    ["ckb", "ڕووپێوی تەکنیکی و پاککردنەوە", "ڕووپێوی نا-تەکنیکی"],
  ] as const)("says the same in %s, in the reader's digits", (locale, groundWork, nts) => {
    const s = sentences(
      100_000,
      history({ 2023: [500_000, 10_000], 2024: [0, 40_000], 2025: [30_000, 20_000] }, "2025-12"),
      locale,
    );
    expect(s.projection).toContain(groundWork);
    expect(s.projection).toContain("٢٠٣٠");
    expect(s.cancellation).toContain(nts);
    expect(s.cancellation).toContain("٥٠٠٬٠٠٠");
    expect(s.allMethods).toContain("٢٠٢٧");
    // Only the unit is in Latin letters, as everywhere in the app.
    expect(`${s.projection}${s.cancellation}${s.allMethods}`.replaceAll("m²", "")).not.toMatch(/[A-Za-z]/);
  });
});
