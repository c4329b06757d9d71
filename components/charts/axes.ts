"use client";
import { useLocale } from "next-intl";
import { directionOf } from "@/lib/i18n/locales";

/**
 * Axis placement for the reading direction: right to left, time runs from
 * right to left and the value axis stands on the right, as Arabic and Sorani
 * readers expect, rather than a left-to-right chart inside a mirrored page.
 */
export function useChartAxes() {
  const rtl = directionOf(useLocale()) === "rtl";
  return { x: { reversed: rtl }, y: { orientation: rtl ? ("right" as const) : ("left" as const) } };
}

/**
 * Tick labels of a value axis, on one line: Recharts wraps a label wider than
 * the axis, as it measures it, which split "130,000 m²" over two lines and
 * pushed the top one out of the chart. The labels are anchored at the axis,
 * so a wide limit moves nothing.
 */
export const VALUE_TICK = { fontSize: 11, width: 1000 };

/**
 * Legend entries in the order the series are drawn (cancelled, reduced,
 * cleared; committed, disbursed, spent), not Recharts' alphabetical order,
 * which differs from one language to the next.
 */
export const inSeriesOrder = (dataKeys: readonly string[]) => (item: { dataKey?: unknown }) =>
  dataKeys.indexOf(String(item.dataKey));
