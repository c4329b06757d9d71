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
