import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReviewWarning, SharedLand } from "@/lib/domain/report-review";
import { formatCount, formatDate, formatM2, formatPercent, formatProgrammeDay } from "@/lib/i18n/format";

/** A report a warning names: the reviewer follows it to see the land both claim. */
export type WarnedReport = { id: string; submittedAt: Date; partner: string };

/**
 * The warnings before approval, each with its figures, as the review page
 * and the confirmation before approving show them.
 */
export function ReviewWarnings({
  hazardCode,
  warnings,
  reports,
  unchecked,
}: {
  hazardCode: string;
  warnings: readonly ReviewWarning[];
  reports: readonly WarnedReport[];
  unchecked: boolean;
}) {
  const t = useTranslations("reviewWarnings");
  const locale = useLocale();
  const hazard = hazardCode;
  const named = (list: readonly SharedLand[], withShare: boolean) => (
    <ul>
      {list.map((s) => {
        const r = reports.find((x) => x.id === s.id);
        const name = t("namedReport", {
          date: r ? formatProgrammeDay(r.submittedAt, locale) : "—",
          partner: r?.partner ?? "—",
        });
        return (
          <li key={s.id}>
            <Link href={`/reports/${s.id}`}>{name}</Link>
            {withShare && `: ${t("shared", { area: formatM2(s.sharedM2, locale) })}`}
          </li>
        );
      })}
    </ul>
  );
  const sentence = (w: ReviewWarning) => {
    switch (w.kind) {
      case "mostlyOutside":
        // Floored: "more than half" is never shown rounded up past what it is.
        return t("mostlyOutside", {
          share: formatPercent(Math.floor(w.outsideShare * 1000) / 1000, locale),
          area: formatM2(w.outsideM2, locale),
          hazard,
        });
      case "countsNothing": {
        const text = {
          released: "nothingReleased",
          outside: "nothingOutside",
          releasedAndOutside: "nothingBoth",
        } as const;
        return (
          <>
            {t(text[w.cause], { hazard, zero: formatM2(0, locale) })}
            {w.releasedBy.length > 0 && (
              <>
                {" "}
                {t("releasedBy")}
                {named(w.releasedBy, false)}
              </>
            )}
          </>
        );
      }
      case "overlapsUnderReview":
        return (
          <>
            {t("overlaps", { count: w.reports.length, countText: formatCount(w.reports.length, locale), hazard })}
            {named(w.reports, true)}
          </>
        );
      case "periodInFuture":
        return t("periodInFuture", { end: day(w.periodEnd, locale), today: day(w.today, locale) });
      case "periodBeforeRegistered":
        return t("periodBeforeRegistered", {
          start: day(w.periodStart, locale),
          hazard,
          registered: day(w.registeredOn, locale),
        });
    }
  };
  return (
    <div className="review-warnings" data-testid="review-warnings" data-count={warnings.length}>
      {warnings.length ? (
        <ul className="warning">
          {warnings.map((w) => (
            <li key={w.kind} data-warning={w.kind}>
              {sentence(w)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="note">{t("none", { hazard })}</p>
      )}
      {unchecked && <p className="note">{t("unchecked")}</p>}
    </div>
  );
}

const day = (iso: string, locale: string) => formatDate(new Date(`${iso}T00:00:00Z`), locale);
