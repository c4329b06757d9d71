"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { FundingItem } from "@/lib/domain/funding";
import { formatUsdWhole, formatYear } from "@/lib/i18n/format";
import { inSeriesOrder, useChartAxes, VALUE_TICK } from "./axes";
import { BarChartBox } from "./bar-chart-box";

// Okabe–Ito, then greys: distinguishable with colour-vision deficiencies.
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999", "#666666"];

function useUsd() {
  const locale = useLocale();
  return {
    full: (v: unknown) => formatUsdWhole(Number(v), locale),
    short: (v: number) => formatUsdWhole(v, locale, true),
  };
}

/** Committed, disbursed and spent side by side, for grants, partners or regions. */
export function MoneyFlowChart({ items, testId }: { items: FundingItem[]; testId: string }) {
  const t = useTranslations("funding");
  const usd = useUsd();
  const axes = useChartAxes();
  return (
    <BarChartBox
      testId={testId}
      height={Math.max(200, 60 + 36 * items.length)}
      data={items}
      across
      series={["committedUsd", "disbursedUsd", "spentUsd"]}
      empty={t("nothingInView")}
    >
      <XAxis {...axes.x} type="number" tickFormatter={usd.short} tick={{ fontSize: 11 }} />
      <YAxis {...axes.y} type="category" dataKey="label" width={200} tick={{ fontSize: 11 }} />
      <Tooltip formatter={usd.full} />
      <Legend itemSorter={inSeriesOrder(["committedUsd", "disbursedUsd", "spentUsd"])} />
      <Bar dataKey="committedUsd" name={t("committed")} fill={PALETTE[0]} />
      <Bar dataKey="disbursedUsd" name={t("disbursed")} fill={PALETTE[1]} />
      <Bar dataKey="spentUsd" name={t("spent")} fill={PALETTE[2]} />
    </BarChartBox>
  );
}

/** Committed funding by fiscal year, stacked by donor (the largest named, the rest together). */
export function DonorYearChart({ rows, donors }: { rows: Record<string, number | string>[]; donors: string[] }) {
  const t = useTranslations("funding");
  const usd = useUsd();
  const locale = useLocale();
  const axes = useChartAxes();
  return (
    <BarChartBox testId="donor-year-chart" height={300} data={rows} series={donors} empty={t("nothingInView")}>
      <XAxis {...axes.x} dataKey="year" tickFormatter={(y: number) => formatYear(y, locale)} tick={{ fontSize: 11 }} />
      <YAxis {...axes.y} tickFormatter={usd.short} width={80} tick={VALUE_TICK} />
      <Tooltip formatter={usd.full} />
      <Legend itemSorter={inSeriesOrder(donors)} />
      {donors.map((d, i) => (
        <Bar key={d} dataKey={d} stackId="donors" fill={PALETTE[i % PALETTE.length]} />
      ))}
    </BarChartBox>
  );
}
