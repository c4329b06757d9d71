import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { BurnDownChart } from "@/components/charts/burn-down-chart";
import { DevicesChart } from "@/components/charts/devices-chart";
import { ReleasedChart } from "@/components/charts/released-chart";
import { HeadlineFigures } from "@/components/dashboard/headline-figures";
import { TreatyTable } from "@/components/dashboard/treaty-table";
import { HumanImpactFigures } from "@/components/human-impact/figures";
import { Choropleth } from "@/components/map/choropleth";
import { TableScroll } from "@/components/ui/table-scroll";
import type { Breakdown, Dashboard } from "@/lib/domain/dashboard";
import { periodAgainstBaseline } from "@/lib/domain/view-notes";
import { formatDate, formatM2 } from "@/lib/i18n/format";
import { governorateName } from "@/lib/i18n/names";
import { type DashboardWords, projectionSentences } from "@/lib/i18n/projection-sentences";
import { drillDownQuery, type ProgressFilter, progressFilterQuery } from "@/lib/schemas/progress-filter";

const METHODS = ["cancelled", "reduced", "cleared"] as const;

/**
 * The progress dashboard for a view. Signed in, every released figure links
 * to the reports behind it; on the public page (`links` off) nothing links
 * to records and no partner is named.
 */
export async function DashboardView({
  data,
  filter,
  locale,
  links,
}: {
  data: Dashboard;
  filter: ProgressFilter;
  locale: string;
  links: boolean;
}) {
  const [t, tMethod, tLand] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("method"),
    getTranslations("landUse"),
  ]);
  const sentences = projectionSentences(data, data.projection, data.projectionByMethod, t as DashboardWords, locale);
  const sum = (rows: { releasedM2: number }[]) => rows.reduce((s, r) => s + r.releasedM2, 0);
  const drill = (figure: { method?: string; governorate?: string; partner?: string; landUse?: string }) => {
    const { method, ...scope } = figure;
    return `/reports?${drillDownQuery({ ...filter, ...scope } as ProgressFilter, { method })}`;
  };
  // Plain anchors: hundreds of next/link client components would double the page's rendering cost.
  const cell = (m2: number, href?: string) =>
    links && href ? <a href={href}>{formatM2(m2, locale)}</a> : formatM2(m2, locale);
  const breakdown = (
    title: string,
    rows: Breakdown[],
    label: (b: Breakdown) => string,
    scope: (b: Breakdown) => Record<string, string>,
    testId: string,
  ) => (
    <section className="card">
      <h2>{title}</h2>
      <TableThatAddsUp label={title} testId={testId} note={t("addUp")}>
        <thead>
          <tr>
            <th />
            {METHODS.map((m) => (
              <th key={m} className="num">
                {tMethod(m.toUpperCase())}
              </th>
            ))}
            <th className="num">{t("total")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.key}>
              <th scope="row">{label(b)}</th>
              {METHODS.map((m) => (
                <td key={m} className="num">
                  {cell(b[m], drill({ ...scope(b), method: m }))}
                </td>
              ))}
              <td className="num" data-m2={b.total}>
                {cell(b.total, drill(scope(b)))}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("total")}</th>
            {METHODS.map((m) => (
              <td key={m} className="num">
                {formatM2(
                  rows.reduce((s, b) => s + b[m], 0),
                  locale,
                )}
              </td>
            ))}
            <td className="num">
              {formatM2(
                rows.reduce((s, b) => s + b.total, 0),
                locale,
              )}
            </td>
          </tr>
        </tfoot>
      </TableThatAddsUp>
    </section>
  );

  // A period before the estimate's date counts nothing by construction: say so, rather than let zeros read as no work.
  const period = periodAgainstBaseline(filter, data.baselineSource?.asOf ?? null);
  return (
    <>
      {period && (
        <p className="warning" data-testid="period-note">
          {t(period.kind === "before" ? "periodBeforeBaseline" : "periodStraddlesBaseline", {
            asOf: formatDate(new Date(`${period.asOf}T00:00:00Z`), locale),
          })}
        </p>
      )}
      <HeadlineFigures progress={data} locale={locale} filter={links ? filter : undefined} />
      <div className="chart-grid">
        <ReleasedChart
          monthly={data.monthly}
          yearly={data.yearly}
          drillQuery={links ? progressFilterQuery(filter) : ""}
          linksOff={!links}
        />
        <section className="card chart">
          <h2>{t("burnDown")}</h2>
          <BurnDownChart points={data.burnDown} projection={data.projectionByMethod.groundWork} />
          <p data-testid="projection">{sentences.projection}</p>
          {sentences.cancellation && <p data-testid="projection-cancellation">{sentences.cancellation}</p>}
          {sentences.allMethods && <p data-testid="projection-all-methods">{sentences.allMethods}</p>}
          {sentences.warning && <p className="warning">{sentences.warning}</p>}
        </section>
        <section className="card chart">
          <h2>{t("devices")}</h2>
          <DevicesChart devices={data.devices} />
        </section>
        <section className="card chart">
          <h2>{t("remainingMap")}</h2>
          <Choropleth
            label={t("remainingMap")}
            values={Object.fromEntries(data.byGovernorate.map((g) => [g.pcode, g.remainingM2]))}
          />
        </section>
      </div>
      <section className="card">
        <h2>{t("byGovernorate")}</h2>
        <TableThatAddsUp label={t("byGovernorate")} testId="by-governorate" note={t("addUpGovernorates")}>
          <thead>
            <tr>
              <th>{t("governorateCol")}</th>
              <th>{t("regionCol")}</th>
              <th className="num">{t(filter.partner ? "registeredColPartner" : "registeredCol")}</th>
              <th className="num">{t("releasedCol")}</th>
              <th className="num">{t("remainingCol")}</th>
            </tr>
          </thead>
          <tbody>
            {data.byGovernorate.map((g) => (
              <tr key={g.pcode}>
                <th scope="row">{governorateName(g, locale)}</th>
                <td>{g.region === "KURDISTAN" ? t("kurdistan") : t("federal")}</td>
                <td className="num">{formatM2(g.baselineM2, locale)}</td>
                <td className="num" data-m2={g.releasedM2}>
                  {cell(g.releasedM2, drill({ governorate: g.pcode }))}
                </td>
                <td className="num">{formatM2(g.remainingM2, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t("total")}
              </th>
              <td className="num" data-testid="by-governorate-total" data-m2={sum(data.byGovernorate)}>
                {formatM2(sum(data.byGovernorate), locale)}
              </td>
              <td className="num" data-testid="by-governorate-remaining" data-m2={data.registeredRemainingM2}>
                {formatM2(data.registeredRemainingM2, locale)}
              </td>
            </tr>
            {data.baselineBasis !== "registered-areas" && (
              <>
                <tr>
                  <th scope="row" colSpan={4}>
                    {t("unregisteredRow")}
                  </th>
                  <td className="num">{formatM2(data.unregisteredEstimateM2, locale)}</td>
                </tr>
                <tr>
                  <th scope="row" colSpan={4}>
                    {t("remainingAll")}
                  </th>
                  <td className="num">{formatM2(data.remainingM2, locale)}</td>
                </tr>
              </>
            )}
          </tfoot>
        </TableThatAddsUp>
      </section>
      <TreatyTable report={data.treaty} locale={locale} />
      <HumanImpactFigures data={data.humanImpact} locale={locale} />
      {links &&
        breakdown(
          t("byPartner"),
          data.byPartner,
          (b) => b.label,
          (b) => ({ partner: b.key }),
          "by-partner",
        )}
      {breakdown(
        t("byLandUse"),
        data.byLandUse,
        (b) => tLand(b.key.toUpperCase()),
        (b) => ({ landUse: b.key }),
        "by-land-use",
      )}
    </>
  );
}

/** A table whose rows add up to its footer, scrolling sideways on a narrow screen, with the note that says so. */
function TableThatAddsUp({
  label,
  testId,
  note,
  children,
}: {
  label: string;
  testId: string;
  note: string;
  children: ReactNode;
}) {
  return (
    <>
      <TableScroll label={label}>
        <table data-testid={testId}>{children}</table>
      </TableScroll>
      <p className="note">{note}</p>
    </>
  );
}
