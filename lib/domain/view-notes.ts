// What a view says about itself when its figures could be misread: a chart
// with nothing to draw, a period before the national estimate's date that
// every figure is measured from.

/** Whether any row holds a figure above zero under one of `keys`: a chart of only zeros draws a bare axis (0 m², 1 m², 2 m²…) that reads as data. */
export function hasFigures(rows: readonly object[], keys: readonly string[]): boolean {
  return rows.some((row) =>
    keys.some((k) => {
      const v = (row as Record<string, unknown>)[k];
      return typeof v === "number" && v > 0;
    }),
  );
}

/**
 * How a view's period (ISO days, either end open) stands against the
 * baseline's date: land released before it is left out of the estimate and
 * so out of every figure measured from it.
 * - `before`: the whole period is before it, so the view can count nothing;
 * - `straddles`: the period starts before it, so its first part counts nothing;
 * - null: nothing to say (no baseline date, or the period starts on or after it).
 */
export function periodAgainstBaseline(
  period: { from?: string; to?: string },
  baselineAsOf: string | null,
): { kind: "before" | "straddles"; asOf: string } | null {
  if (!baselineAsOf) return null;
  if (period.to && period.to < baselineAsOf) return { kind: "before", asOf: baselineAsOf };
  if (period.from && period.from < baselineAsOf) return { kind: "straddles", asOf: baselineAsOf };
  return null;
}
