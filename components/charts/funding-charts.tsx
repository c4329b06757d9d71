"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FundingItem } from "@/lib/domain/funding";
import { formatUsdWhole, formatYear } from "@/lib/i18n/format";
import { inSeriesOrder, useChartAxes, VALUE_TICK } from "./axes";

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
    <div className="chart-box" data-testid={testId}>
      <ResponsiveContainer width="100%" height={Math.max(200, 60 + 36 * items.length)}>
        <BarChart data={items} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis {...axes.x} type="number" tickFormatter={usd.short} tick={{ fontSize: 11 }} />
          <YAxis {...axes.y} type="category" dataKey="label" width={200} tick={{ fontSize: 11 }} />
          <Tooltip formatter={usd.full} />
          <Legend itemSorter={inSeriesOrder(["committedUsd", "disbursedUsd", "spentUsd"])} />
          <Bar dataKey="committedUsd" name={t("committed")} fill={PALETTE[0]} />
          <Bar dataKey="disbursedUsd" name={t("disbursed")} fill={PALETTE[1]} />
          <Bar dataKey="spentUsd" name={t("spent")} fill={PALETTE[2]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Committed funding by fiscal year, stacked by donor (the largest named, the rest together). */
export function DonorYearChart({ rows, donors }: { rows: Record<string, number | string>[]; donors: string[] }) {
  const usd = useUsd();
  const locale = useLocale();
  const axes = useChartAxes();
  return (
    <div className="chart-box" data-testid="donor-year-chart">
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={rows} margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            {...axes.x}
            dataKey="year"
            tickFormatter={(y: number) => formatYear(y, locale)}
            tick={{ fontSize: 11 }}
          />
          <YAxis {...axes.y} tickFormatter={usd.short} width={80} tick={VALUE_TICK} />
          <Tooltip formatter={usd.full} />
          <Legend itemSorter={inSeriesOrder(donors)} />
          {donors.map((d, i) => (
            <Bar key={d} dataKey={d} stackId="donors" fill={PALETTE[i % PALETTE.length]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
