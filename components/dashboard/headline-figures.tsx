import { useTranslations } from "next-intl";
import type { ProgressView } from "@/lib/domain/progress";
import { formatArea, formatDate, formatM2, formatPercent } from "@/lib/i18n/format";
import { drillDownQuery, type ProgressFilter } from "@/lib/schemas/progress-filter";

const METHODS = [
  { key: "cancelled", colour: "var(--cancelled)" },
  { key: "reduced", colour: "var(--reduced)" },
  { key: "cleared", colour: "var(--cleared)" },
] as const;

type Props = {
  progress: Pick<
    ProgressView,
    | "baselineM2"
    | "baselineBasis"
    | "baselineSource"
    | "newlyFoundM2"
    | "releasedM2"
    | "remainingM2"
    | "fractionReleased"
    | "releasedToDateM2"
    | "nationalEstimateM2"
    | "registeredRemainingM2"
    | "unregisteredEstimateM2"
  >;
  locale: string;
  /** The view's filter; released figures link to the reports behind them (omitted on the public page). */
  filter?: ProgressFilter;
};

/** Baseline, released by method and remaining, each with the exact m² on hover and in the test id. */
export function HeadlineFigures({ progress, locale, filter }: Props) {
  const t = useTranslations("dashboard");
  if (!progress.baselineSource && progress.baselineBasis === "national-record") return <p>{t("noBaseline")}</p>;
  const figure = (id: string, m2: number) => (
    <div className="figure" data-testid={id} data-m2={m2} title={formatM2(m2, locale)}>
      {formatArea(m2, locale)}
    </div>
  );
  // In the reader's words and digits: the ISO date broke in two in right-to-left text.
  const baselineDate = (asOf: string | undefined) => (asOf ? formatDate(new Date(`${asOf}T00:00:00Z`), locale) : "—");
  const behind = (method?: string) => (filter ? `/reports?${drillDownQuery(filter, { method })}` : undefined);
  const linked = (href: string | undefined, content: React.ReactNode) =>
    href ? <a href={href}>{content}</a> : content;
  return (
    <div className="cards">
      <section className="card">
        <h2>{progress.baselineBasis === "national-record" ? t("baseline") : t("baselineRegistered")}</h2>
        {figure("baseline", progress.baselineM2)}
        <p className="note">
          {progress.baselineBasis === "registered-areas"
            ? t(filter?.partner ? "baselinePartnerNote" : "baselineRegisteredNote", {
                date: baselineDate(progress.baselineSource?.asOf),
              })
            : progress.baselineBasis === "register-exceeds-estimate"
              ? t("baselineExceedsNote", {
                  estimate: formatArea(progress.nationalEstimateM2, locale),
                  source: progress.baselineSource!.source,
                  date: baselineDate(progress.baselineSource!.asOf),
                })
              : t("baselineSource", {
                  source: progress.baselineSource!.source,
                  date: baselineDate(progress.baselineSource!.asOf),
                })}
          {progress.newlyFoundM2 > 0 && <> ({t("newlyFound", { area: formatArea(progress.newlyFoundM2, locale) })})</>}
        </p>
      </section>
      <section className="card">
        <h2>{t("released")}</h2>
        {linked(behind(), figure("released-total", progress.releasedM2.total))}
        <ul className="split">
          {METHODS.map((m) => (
            <li key={m.key}>
              <span>
                <span className="swatch" style={{ background: m.colour }} aria-hidden />
                {t(m.key)}
              </span>
              {linked(
                behind(m.key),
                <span data-testid={`released-${m.key}`} data-m2={progress.releasedM2[m.key]}>
                  {formatM2(progress.releasedM2[m.key], locale)}
                </span>,
              )}
            </li>
          ))}
        </ul>
        <p className="note">
          {t("releasedNote")}
          {filter && ` ${t("releasedNoteLinks")}`}
        </p>
      </section>
      <section className="card">
        <h2>{t("remaining")}</h2>
        {figure("remaining", progress.remainingM2)}
        {/* Only a national view has an estimate to fall short of; a filtered one is its registered areas alone. */}
        {progress.baselineBasis !== "registered-areas" && (
          <ul className="split">
            <li>
              <span>{t("remainingRegistered")}</span>
              <span data-testid="remaining-registered" data-m2={progress.registeredRemainingM2}>
                {formatM2(progress.registeredRemainingM2, locale)}
              </span>
            </li>
            <li>
              <span>{t("remainingUnregistered")}</span>
              <span data-testid="remaining-unregistered" data-m2={progress.unregisteredEstimateM2}>
                {formatM2(progress.unregisteredEstimateM2, locale)}
              </span>
            </li>
          </ul>
        )}
        <p className="note">
          {progress.baselineBasis !== "registered-areas" && `${t("remainingPartsNote")} `}
          {t("percentReleased", { percent: formatPercent(progress.fractionReleased, locale) })}
        </p>
      </section>
    </div>
  );
}
