// The burn-down's sentences, built from the projections they describe, so each
// can be checked against its figures: pure, given the dashboard's messages.

import { PROJECTION_HORIZON_YEAR, type Projection, TRAILING_MONTHS } from "@/lib/domain/projection";
import type { ProjectionByMethod } from "@/lib/domain/projection-by-method";
import { formatArea, formatCount, formatYear } from "@/lib/i18n/format";

/** The dashboard namespace's translator, as next-intl's getTranslations("dashboard") or createTranslator gives it. */
export type DashboardWords = (key: string, values?: Record<string, string>) => string;

type View = { remainingM2: number; baselineM2: number; baselineBasis: string };

export type ProjectionSentences = {
  /** When the work on the ground (technical survey and clearance) ends at its own rate, with its range and basis. */
  projection: string;
  /** Cancellation's rate and range, said to be left out of the projection. */
  cancellation: string | null;
  /** The all-methods projection, beside it. */
  allMethods: string | null;
  warning: string | null;
};

/**
 * What the dashboard says under the burn-down: when the remaining land would
 * be released at the last 12 months' rate of technical survey and clearance
 * alone (all of it counted as needing work on the ground: the records cannot
 * tell how much non-technical survey will cancel), the range at that work's
 * best and worst years; then cancellation's rate and range, not counted;
 * then the projection counting every method; apart, the plain warning when
 * the work on the ground is decades away.
 */
export function projectionSentences(
  view: View,
  all: Projection,
  byMethod: ProjectionByMethod,
  t: DashboardWords,
  locale: string,
): ProjectionSentences {
  if (view.remainingM2 <= 0) {
    const key =
      view.baselineM2 > 0
        ? "projectionDone"
        : view.baselineBasis === "registered-areas"
          ? "projectionNothing"
          : "noBaseline";
    return { projection: t(key), cancellation: null, allMethods: null, warning: null };
  }
  const p = byMethod.groundWork;
  const area = (m2: number) => formatArea(m2, locale);
  const year = (y: number) => formatYear(y, locale);
  const rate = area(p.trailing12M2);
  const months = formatCount(TRAILING_MONTHS, locale);
  const horizon = year(PROJECTION_HORIZON_YEAR);
  const atTrailingRate =
    p.completionYear !== null
      ? t("projection", { rate, months, year: year(p.completionYear) })
      : p.completionBeyond
        ? t("projectionBeyond", { rate, months, horizon })
        : t("projectionNone", { months });
  // A year past the horizon is not a year to plan for: "not by 2100"; no rate at all: "never".
  const projected = (y: number | null, beyond: boolean) =>
    y !== null
      ? t("projectionInYear", { year: year(y) })
      : beyond
        ? t("projectionNotBy", { horizon })
        : t("projectionNever");
  const range =
    p.bestYear && p.worstYear && p.bestYear.year !== p.worstYear.year
      ? t("projectionRange", {
          best: year(p.bestYear.year),
          bestArea: area(p.bestYear.releasedM2),
          earliest: projected(p.earliestYear, p.earliestBeyond),
          worst: year(p.worstYear.year),
          worstArea: area(p.worstYear.releasedM2),
          latest: projected(p.latestYear, p.latestBeyond),
        })
      : null;
  const c = byMethod.cancellation;
  const cancellationRate = { rate: area(c.trailing12M2), months };
  const cancellation =
    c.bestYear && c.worstYear && c.bestYear.year !== c.worstYear.year
      ? t("projectionCancellation", {
          ...cancellationRate,
          worst: year(c.worstYear.year),
          worstArea: area(c.worstYear.releasedM2),
          best: year(c.bestYear.year),
          bestArea: area(c.bestYear.releasedM2),
        })
      : t("projectionCancellationNoRange", cancellationRate);
  // Beside it, every method counted: only when cancellation changes the figure.
  const allRate = area(all.trailing12M2);
  const allMethods =
    c.trailing12M2 <= 0
      ? null
      : all.completionYear !== null
        ? t("projectionAllMethods", { rate: allRate, year: year(all.completionYear) })
        : t("projectionAllMethodsBeyond", { rate: allRate, horizon });
  return {
    projection: [atTrailingRate, range, t("projectionBasis")].filter(Boolean).join(" "),
    cancellation,
    allMethods,
    warning: p.decadesAway ? t("decadesAway") : null,
  };
}
