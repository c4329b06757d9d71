import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { type ListPageProps, openListPage, PagedTable } from "@/app/(app)/list-page";
import { DonorYearChart, MoneyFlowChart } from "@/components/charts/funding-charts";
import { FilterSelect, FiltersForm, RegionFilter } from "@/components/dashboard/filter-fields";
import { CostSection } from "@/components/funding/cost-section";
import type { Column } from "@/components/ui/data-table";
import { landReleaseCents } from "@/lib/domain/activity-split";
import { committedByYearAndDonor, fiscalYearChoices, moneyFlow, summariseFunding } from "@/lib/domain/funding";
import { formatCount, formatList, formatMoney, formatPercent, formatUsdCents, formatYear } from "@/lib/i18n/format";
import { governorateName } from "@/lib/i18n/names";
import { fundingFilterFrom } from "@/lib/schemas/funding-filter";
import { getDb } from "@/lib/server/db";
import { can } from "@/lib/server/permissions";
import { fundingCostInView, fundingLabels, getFundingSummary, grantYears } from "@/lib/server/queries/funding";
import { governorateChoices } from "@/lib/server/queries/governorates";

const GRANTS_PER_PAGE = 100;

/** Grants in the per-grant chart: the largest by commitment (the table lists them all). */
const PER_GRANT_CHART = 15;

export default async function FundingPage(props: ListPageProps) {
  const { user, params, page: asked } = await openListPage("/funding", props);
  const parsed = fundingFilterFrom(params);
  const filter = parsed.success ? parsed.data : { groupBy: "donor" as const };
  const db = await getDb();
  const [years, governorates, t, locale] = await Promise.all([
    grantYears(db, user),
    governorateChoices(db),
    getTranslations("funding"),
    getLocale(),
  ]);
  const labels = fundingLabels(t);
  const { grants, summary } = await getFundingSummary(db, user, filter, labels);
  const flows = new Map(grants.map((g) => [g.id, moneyFlow(g.transactions)]));
  const byPartner = summariseFunding(grants, "partner", labels);
  const byRegion = summariseFunding(grants, "region", labels);
  const byDonorYear = committedByYearAndDonor(grants, 7, t("otherDonors"));
  const cost = await fundingCostInView(db, user, filter);
  const perGrant = grants
    .map((g) => ({
      key: g.id,
      label: g.code,
      committedUsd: Number(flows.get(g.id)!.committedCents) / 100,
      disbursedUsd: Number(flows.get(g.id)!.disbursedCents) / 100,
      spentUsd: Number(flows.get(g.id)!.spentCents) / 100,
    }))
    .sort((a, b) => b.committedUsd - a.committedUsd)
    .slice(0, PER_GRANT_CHART);
  // A national view holds thousands of grants: the table pages through them, the figures and charts cover them all.
  const page = Math.min(Math.max(1, Math.ceil(grants.length / GRANTS_PER_PAGE)), asked);
  const shown = grants.slice((page - 1) * GRANTS_PER_PAGE, page * GRANTS_PER_PAGE);
  const usd = (v: number) => formatUsdCents(BigInt(Math.round(v * 100)), locale);
  const governorateNames = new Map(governorates.map((g) => [g.pcode, governorateName(g, locale)]));
  const regionName = (r: "FEDERAL" | "KURDISTAN") => t(r === "FEDERAL" ? "federal" : "kurdistan");
  // Said in the reader's words when a filter leaves nothing: which grants, where and when.
  const emptyView = () => {
    const values = { mine: user.role === "DONOR" ? "yes" : "no", region: filter.region ?? "", year: "" };
    if (filter.year) values.year = formatYear(filter.year, locale);
    if (filter.year && filter.region) return t("emptyYearRegion", values);
    if (filter.year) return t("emptyYear", values);
    if (filter.region) return t("emptyRegion", values);
    return t("empty");
  };

  type Row = (typeof grants)[number];
  const columns: Column<Row>[] = [
    { key: "code", header: t("code"), cell: (g) => g.code },
    {
      key: "title",
      header: t("grant"),
      cell: (g) => (
        <>
          {g.title} {g.isDemo && <span className="badge">{t("demo")}</span>}
        </>
      ),
    },
    { key: "donor", header: t("donor"), cell: (g) => g.donor.name },
    { key: "partner", header: t("partner"), cell: (g) => g.partner?.name ?? t("notNamed") },
    {
      key: "place",
      header: t("where"),
      cell: (g) => (
        <>
          {g.place.regions.length ? g.place.regions.map(regionName).join(" · ") : t("unspecifiedRegion")}
          {g.place.governorates.length > 0 && (
            <>
              <br />
              <small>
                {formatList(
                  g.place.governorates.map((p) => governorateNames.get(p) ?? p),
                  locale,
                )}
              </small>
            </>
          )}
          {g.place.fromTasks && (
            <>
              <br />
              <small className="note">{t("placeFromTasks")}</small>
            </>
          )}
        </>
      ),
    },
    { key: "year", header: t("year"), numeric: true, cell: (g) => formatYear(g.fiscalYear, locale) },
    {
      key: "amount",
      header: t("ownCurrency"),
      numeric: true,
      cell: (g) => formatMoney(g.amountMinor, g.currency, locale),
    },
    {
      key: "committed",
      header: t("committed"),
      numeric: true,
      cell: (g) => formatUsdCents(flows.get(g.id)!.committedCents, locale),
    },
    {
      key: "disbursed",
      header: t("disbursed"),
      numeric: true,
      cell: (g) => formatUsdCents(flows.get(g.id)!.disbursedCents, locale),
    },
    {
      key: "spent",
      header: t("spent"),
      numeric: true,
      cell: (g) => formatUsdCents(flows.get(g.id)!.spentCents, locale),
    },
    {
      key: "landShare",
      header: t("landShare"),
      numeric: true,
      cell: (g) =>
        g.activitySplit ? formatPercent(g.activitySplit.landReleaseBp / 10_000, locale) : t("splitNotStated"),
    },
    {
      key: "landUsd",
      header: t("landUsd"),
      numeric: true,
      cell: (g) => {
        const cents = landReleaseCents(flows.get(g.id)!.disbursedCents, g.activitySplit);
        return cents === null ? "—" : formatUsdCents(cents, locale);
      },
    },
    { key: "source", header: t("source"), cell: (g) => <span className="note">{g.source}</span> },
  ];
  const landTotalCents = grants.reduce(
    (s, g) => s + (landReleaseCents(flows.get(g.id)!.disbursedCents, g.activitySplit) ?? 0n),
    0n,
  );
  const footer = (
    <tr>
      <th colSpan={7}>{grants.length > shown.length ? t("totalAll", { count: grants.length }) : t("total")}</th>
      <th className="num" data-testid="funding-total" data-usd={summary.totals.committedUsd}>
        {usd(summary.totals.committedUsd)}
      </th>
      <th className="num">{usd(summary.totals.disbursedUsd)}</th>
      <th className="num">{usd(summary.totals.spentUsd)}</th>
      <th />
      <th className="num">{formatUsdCents(landTotalCents, locale)}</th>
      <th />
    </tr>
  );
  return (
    <>
      <h1>{t("title")}</h1>
      {user.role === "DONOR" && <p className="note">{t("donorScope")}</p>}
      {!parsed.success && (
        <p className="error" role="alert">
          {t("badFilter")}
        </p>
      )}
      <FiltersForm action="/funding" label={t("filters")} apply={t("apply")} reset={t("reset")}>
        <FilterSelect
          label={t("year")}
          name="year"
          value={filter.year}
          all={t("allYears")}
          choices={fiscalYearChoices(years, filter.year).map((y) => ({ value: y, label: formatYear(y, locale) }))}
        />
        <RegionFilter value={filter.region} t={t} />
      </FiltersForm>
      {filter.region && <p className="note">{t("placeRule")}</p>}
      {can(user, "funding:write") && (
        <p>
          <Link className="button secondary" href="/funding/import">
            {t("import")}
          </Link>
        </p>
      )}
      {grants.length === 0 ? (
        <p className="note" role="status" data-testid="funding-empty">
          {emptyView()} {(filter.year || filter.region) && t("emptyHint")}
        </p>
      ) : (
        <>
          <div className="cards">
            <section className="card">
              <h2>{t("committed")}</h2>
              <div className="figure" data-testid="committed-total" data-usd={summary.totals.committedUsd}>
                {usd(summary.totals.committedUsd)}
              </div>
            </section>
            <section className="card">
              <h2>{t("disbursed")}</h2>
              <div className="figure">{usd(summary.totals.disbursedUsd)}</div>
            </section>
            <section className="card">
              <h2>{t("spent")}</h2>
              <div className="figure">{usd(summary.totals.spentUsd)}</div>
            </section>
          </div>
          <div className="chart-grid">
            <section className="card chart">
              <h2>{t("byDonorYear")}</h2>
              <DonorYearChart rows={byDonorYear.rows} donors={byDonorYear.donors} />
            </section>
            <section className="card chart">
              <h2>{t("perGrant", { count: formatCount(PER_GRANT_CHART, locale) })}</h2>
              <MoneyFlowChart items={perGrant} testId="per-grant-chart" />
            </section>
            <section className="card chart">
              <h2>{t("byPartner")}</h2>
              <MoneyFlowChart items={byPartner.items} testId="by-partner-chart" />
            </section>
            <section className="card chart">
              <h2>{t("byRegion")}</h2>
              <MoneyFlowChart items={byRegion.items} testId="by-region-chart" />
            </section>
          </div>
          <CostSection cost={cost} locale={locale} region={!!filter.region} />
          <h2>{t("grants")}</h2>
          <PagedTable
            path="/funding"
            params={params}
            page={page}
            size={GRANTS_PER_PAGE}
            total={grants.length}
            label={t("grants")}
            rows={shown}
            columns={columns}
            rowKey={(g) => g.id}
            empty={t("empty")}
            footer={footer}
          />
        </>
      )}
    </>
  );
}
