"use client";

import type { ReactNode } from "react";
import { BarChart, CartesianGrid, ResponsiveContainer } from "recharts";
import { hasFigures } from "@/lib/domain/view-notes";

/**
 * A bar chart in its box, the page's width and `height` tall, with grid lines
 * along the value axis only. Bars stand up (time along the bottom) or, with
 * `across`, lie along categories named on the side, where long labels fit.
 * `top` leaves room above upright bars for the tallest one's tooltip.
 * With no figure above zero under `series`, it says `empty` instead of
 * drawing a bare axis.
 */
export function BarChartBox({
  testId,
  height,
  data,
  across = false,
  top = 8,
  series,
  empty,
  children,
}: {
  testId: string;
  height: number;
  data: readonly object[];
  across?: boolean;
  top?: number;
  /** The keys of `data` drawn as bars. */
  series: readonly string[];
  empty: string;
  children: ReactNode;
}) {
  if (!hasFigures(data, series)) {
    return (
      <p className="note chart-empty" data-testid={`${testId}-empty`}>
        {empty}
      </p>
    );
  }
  return (
    <div className="chart-box" data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={data as object[]}
          layout={across ? "vertical" : "horizontal"}
          margin={across ? { top: 4, right: 16, left: 8, bottom: 4 } : { top, right: 8, left: 8, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={!across} vertical={across} />
          {children}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
