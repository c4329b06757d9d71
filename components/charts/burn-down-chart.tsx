"use client";

import { useLocale, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BurnDownPoint, Projection } from "@/lib/domain/projection";
import { TRAILING_MONTHS } from "@/lib/domain/projection";
import { hasFigures } from "@/lib/domain/view-notes";
import { formatArea, formatCount, formatM2, formatYear } from "@/lib/i18n/format";
import { inSeriesOrder, useChartAxes, VALUE_TICK } from "./axes";

/** Months as fractional years, so the monthly record and the yearly projection share one axis. */
const asYear = (month: string) => Number(month.slice(0, 4)) + (Number(month.slice(5, 7)) - 1) / 12;
const HORIZON_YEARS = 50;

/**
 * Remaining contamination month by month since the baseline, and the line the
 * last 12 months' rate of technical survey and clearance projects (drawn up to 50 years ahead; beyond that the
 * text says when).
 */
export function BurnDownChart({ points, projection }: { points: BurnDownPoint[]; projection: Projection }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const axes = useChartAxes();
  const last = points.at(-1);
  const data: { x: number; remaining?: number; projected?: number }[] = points.map((p) => ({
    x: asYear(p.month),
    remaining: p.remainingM2,
  }));
  if (last && projection.yearsAtTrailingRate !== null && last.remainingM2 > 0) {
    const start = asYear(last.month);
    const years = Math.min(projection.yearsAtTrailingRate, HORIZON_YEARS);
    data[data.length - 1]!.projected = last.remainingM2;
    data.push({ x: start + years, projected: Math.max(0, last.remainingM2 - projection.trailing12M2 * years) });
  }
  const projecting = data.some((d) => d.projected !== undefined);
  if (!hasFigures(data, ["remaining", "projected"])) {
    return (
      <p className="note chart-empty" data-testid="burn-down-chart-empty">
        {t("nothingRemainingInView")}
      </p>
    );
  }
  return (
    <div className="chart-box" data-testid="burn-down-chart">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={data} margin={{ top: 16, right: 16, left: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            {...axes.x}
            dataKey="x"
            type="number"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(v: number) => formatYear(Math.floor(v), locale)}
            allowDecimals={false}
            tick={{ fontSize: 11 }}
          />
          <YAxis
            {...axes.y}
            // Recharts' own round ticks (0, 200, 400, 600, 800 km²): the baseline as the top gave 0, 200, 400, 650.
            domain={[0, "auto"]}
            tickFormatter={(v: number) => formatArea(v, locale)}
            width={90}
            tick={VALUE_TICK}
          />
          <Tooltip
            formatter={(v) => formatM2(Number(v), locale)}
            labelFormatter={(v) => formatYear(Math.floor(Number(v)), locale)}
          />
          <Legend itemSorter={inSeriesOrder(["remaining", "projected"])} />
          <Line
            dataKey="remaining"
            name={t("remainingLine")}
            stroke="#0072B2"
            dot={false}
            strokeWidth={2}
            connectNulls
          />
          {/* No release in 12 months: no line to draw, and so no key for one. */}
          {projecting && (
            <Line
              dataKey="projected"
              name={t("projectedLine", { months: formatCount(TRAILING_MONTHS, locale) })}
              stroke="#D55E00"
              strokeDasharray="6 4"
              dot={false}
              strokeWidth={2}
              connectNulls
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
