// The burn-down's sentences, built from the projection they describe, so each
// can be checked against its figures: pure, given the dashboard's messages.
import { PROJECTION_HORIZON_YEAR, type Projection, TRAILING_MONTHS } from "@/lib/domain/projection";
import { formatArea, formatCount, formatYear } from "@/lib/i18n/format";

/** The dashboard namespace's translator, as next-intl's getTranslations("dashboard") or createTranslator gives it. */
export type DashboardWords = (key: string, values?: Record<string, string>) => string;

type View = { remainingM2: number; baselineM2: number; baselineBasis: string };

/**
 * What the dashboard says under the burn-down: when the work ends at the last
 * 12 months' rate, then the range at the best and worst years' rates; and,
 * apart, the plain warning when that is decades away.
 */
export function projectionSentences(
  view: View,
  p: Projection,
  t: DashboardWords,
  locale: string,
): { projection: string; warning: string | null } {
  if (view.remainingM2 <= 0) {
    const key =
      view.baselineM2 > 0
        ? "projectionDone"
        : view.baselineBasis === "registered-areas"
          ? "projectionNothing"
          : "noBaseline";
    return { projection: t(key), warning: null };
  }
  const rate = formatArea(p.trailing12M2, locale);
  const months = formatCount(TRAILING_MONTHS, locale);
  const horizon = formatYear(PROJECTION_HORIZON_YEAR, locale);
  const atTrailingRate =
    p.completionYear !== null
      ? t("projection", { rate, months, year: formatYear(p.completionYear, locale) })
      : p.completionBeyond
        ? t("projectionBeyond", { rate, months, horizon })
        : t("projectionNone", { months });
  // A year past the horizon is not a year to plan for: "not by 2100"; no rate at all: "never".
  const projected = (year: number | null, beyond: boolean) =>
    year !== null
      ? t("projectionInYear", { year: formatYear(year, locale) })
      : beyond
        ? t("projectionNotBy", { horizon })
        : t("projectionNever");
  const range =
    p.bestYear && p.worstYear && p.bestYear.year !== p.worstYear.year
      ? t("projectionRange", {
          best: formatYear(p.bestYear.year, locale),
          bestArea: formatArea(p.bestYear.releasedM2, locale),
          earliest: projected(p.earliestYear, p.earliestBeyond),
          worst: formatYear(p.worstYear.year, locale),
          worstArea: formatArea(p.worstYear.releasedM2, locale),
          latest: projected(p.latestYear, p.latestBeyond),
        })
      : null;
  return {
    projection: range ? `${atTrailingRate} ${range}` : atTrailingRate,
    warning: p.decadesAway ? t("decadesAway") : null,
  };
}
