import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { fillMonths, type MonthlyRelease, projectCompletion } from "@/lib/domain/projection";
import { formattingLocale } from "./locales";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import { type DashboardWords, projectionSentences } from "./projection-sentences";

/** As read: the no-break space between a figure and its unit is a space to the reader. */
const plain = (s: { projection: string; warning: string | null }) => ({
  projection: s.projection.replaceAll("\u00a0", " "),
  warning: s.warning,
});
const words = (locale: "en" | "ar") =>
  createTranslator({
    locale,
    messages: locale === "en" ? en : ar,
    namespace: "dashboard",
  }) as unknown as DashboardWords;
const view = (remainingM2: number) => ({ remainingM2, baselineM2: 1_000_000, baselineBasis: "national-record" });
const month = (m: string, cleared: number): MonthlyRelease => ({ month: m, cancelled: 0, reduced: 0, cleared });
/** Released per month through `through`, one figure per year. */
const history = (perYear: Record<number, number>, through: string) =>
  fillMonths(
    Object.entries(perYear).map(([y, m2]) => month(`${y}-06`, m2)),
    "2023-01",
    through,
  );

describe("the burn-down's sentences", () => {
  it("gives a year at the last 12 months' rate, and the range at the best and worst years'", () => {
    const p = projectCompletion(100_000, history({ 2023: 10_000, 2024: 40_000, 2025: 20_000 }, "2025-12"), "2025-12");
    const s = plain(projectionSentences(view(100_000), p, words("en"), "en"));
    expect(s.projection).toBe(
      "At the last 12 months' rate (20,000 m² a year) the work ends in 2030. At the best year's rate (2024: 40,000 m²) the work ends in 2028; at the worst year's (2023: 10,000 m²), it ends in 2035.",
    );
    expect(s.warning).toBeNull();
  });

  it("says 'never ends' when nothing was released in 12 months, and not 'decades away' beside it", () => {
    const p = projectCompletion(100_000, history({ 2023: 10_000, 2024: 40_000 }, "2025-12"), "2025-12");
    const s = plain(projectionSentences(view(100_000), p, words("en"), "en"));
    expect(s.projection).toMatch(/^Nothing was released in the last 12 months: at that rate the work never ends\./);
    expect(s.warning).toBeNull();
  });

  it("says a year past 2100 as 'does not end by 2100', in a sentence that reads (not 'would end in not by 2100')", () => {
    const p = projectCompletion(
      650_000_000,
      history({ 2023: 37_677, 2024: 737_037, 2025: 100_000 }, "2025-12"),
      "2025-12",
    );
    const s = plain(projectionSentences(view(650_000_000), p, words("en"), "en"));
    expect(s.projection).toContain("the work does not end by 2100: not at this rate.");
    expect(s.projection).toContain(
      "At the best year's rate (2024: 737,037 m²) the work does not end by 2100; at the worst year's (2023: 37,677 m²), it does not end by 2100.",
    );
    expect(s.projection).not.toMatch(/\d{5}|in not by/);
    expect(s.warning).toMatch(/^Plainly: at this rate completion is decades away/);
  });

  it("says there is nothing to project when all is released or nothing is registered", () => {
    const p = projectCompletion(0, history({ 2024: 1_000 }, "2025-12"), "2025-12");
    expect(projectionSentences(view(0), p, words("en"), "en").projection).toBe(
      "All the land in this view has been released: there is nothing left to project.",
    );
    expect(
      projectionSentences({ remainingM2: 0, baselineM2: 0, baselineBasis: "registered-areas" }, p, words("en"), "en")
        .projection,
    ).toBe("No hazardous area is registered in this view: there is nothing to project.");
  });

  it("writes the years in the reader's digits", () => {
    const p = projectCompletion(100_000, history({ 2023: 10_000, 2024: 40_000, 2025: 20_000 }, "2025-12"), "2025-12");
    const arabic = formattingLocale({ language: "ar", numerals: "arab" });
    expect(projectionSentences(view(100_000), p, words("ar"), arabic).projection).toContain("٢٠٣٠");
  });
});
