"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Bar, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { TableScroll } from "@/components/ui/table-scroll";
import { MAP_COLOURS } from "@/lib/colours";
import type { MonthlyRelease } from "@/lib/domain/projection";
import { hasFigures } from "@/lib/domain/view-notes";
import { formatArea, formatM2, formatMonth } from "@/lib/i18n/format";
import { inSeriesOrder, useChartAxes, VALUE_TICK } from "./axes";
import { BarChartBox } from "./bar-chart-box";
import { calendarTicks } from "./calendar-ticks";

const METHODS = ["cancelled", "reduced", "cleared"] as const;

/**
 * Land released per month or per year, stacked by method. A bar segment
 * opens the approved reports that make it up; the table under the chart
 * holds the same figures for screen readers and for checking.
 */
export function ReleasedChart({
  monthly,
  yearly,
  drillQuery,
  linksOff,
}: {
  monthly: MonthlyRelease[];
  yearly: (MonthlyRelease & { year: number })[];
  drillQuery: string;
  linksOff?: boolean;
}) {
  const t = useTranslations("dashboard");
  const tMethod = useTranslations("method");
  const locale = useLocale();
  const router = useRouter();
  const axes = useChartAxes();
  const [mode, setMode] = useState<"month" | "year">(monthly.length > 36 ? "year" : "month");
  const rows = mode === "month" ? monthly : yearly;
  // Nothing released: the chart says so, and there is neither a bar to open nor a table of zeros to read.
  const released = hasFigures(rows, METHODS);
  const href = (row: MonthlyRelease, method: string) =>
    `/reports?${drillQuery}${drillQuery ? "&" : ""}method=${method}&${mode}=${row.month}`;
  const open = (row: MonthlyRelease, method: string) => !linksOff && router.push(href(row, method));
  return (
    <section className="card chart" aria-labelledby="released-title">
      <h2 id="released-title">{t("releasedOverTime")}</h2>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of view buttons, not form fields: a fieldset would need a legend and draw a border. */}
      <div className="actions" role="group">
        <button
          type="button"
          className={mode === "month" ? undefined : "secondary"}
          aria-pressed={mode === "month"}
          onClick={() => setMode("month")}
        >
          {t("byMonth")}
        </button>
        <button
          type="button"
          className={mode === "year" ? undefined : "secondary"}
          aria-pressed={mode === "year"}
          onClick={() => setMode("year")}
        >
          {t("byYear")}
        </button>
      </div>
      <BarChartBox
        testId="released-chart"
        height={280}
        data={rows}
        top={16}
        series={METHODS}
        empty={t("nothingReleasedInView")}
      >
        <XAxis
          {...axes.x}
          dataKey="month"
          ticks={calendarTicks(rows.map((r) => r.month))}
          interval="equidistantPreserveStart"
          tickFormatter={(m: string) => formatMonth(m, locale)}
          tick={{ fontSize: 11 }}
        />
        <YAxis {...axes.y} tickFormatter={(v: number) => formatArea(v, locale)} width={90} tick={VALUE_TICK} />
        <Tooltip
          formatter={(v) => formatM2(Number(v), locale)}
          labelFormatter={(m) => formatMonth(String(m), locale)}
        />
        <Legend itemSorter={inSeriesOrder(METHODS)} />
        {METHODS.map((m) => (
          <Bar
            key={m}
            dataKey={m}
            name={tMethod(m.toUpperCase())}
            stackId="released"
            fill={MAP_COLOURS.method[m.toUpperCase() as "CANCELLED"]}
            cursor={linksOff ? undefined : "pointer"}
            onClick={(d: { payload?: MonthlyRelease }) => d.payload && open(d.payload, m)}
          />
        ))}
      </BarChartBox>
      {!linksOff && released && <p className="note">{t("chartHint")}</p>}
      {released && (
        <details>
          <summary>{t("table")}</summary>
          <TableScroll label={t("table")}>
            <table data-testid="released-table">
              <thead>
                <tr>
                  <th>{mode === "month" ? t("byMonth") : t("byYear")}</th>
                  {METHODS.map((m) => (
                    <th key={m} className="num">
                      {tMethod(m.toUpperCase())}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.month}>
                    <td>{formatMonth(r.month, locale)}</td>
                    {METHODS.map((m) => (
                      <td key={m} className="num" data-m2={r[m]}>
                        {linksOff ? formatM2(r[m], locale) : <a href={href(r, m)}>{formatM2(r[m], locale)}</a>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      )}
    </section>
  );
}
