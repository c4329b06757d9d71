// National progress: baseline, land released by method, remaining.

export type BaselineRecord = {
  kind: "BASELINE" | "NEWLY_FOUND";
  areaM2: number;
  asOf: Date;
  source: string;
};

export type ReleasedByMethod = { cancelled: number; reduced: number; cleared: number };

export type ProgressSummary = {
  baselineM2: number;
  /** The BASELINE record the figure starts from, with its date and source. */
  baselineSource: { asOf: string; source: string } | null;
  /** NEWLY_FOUND records dated after that baseline, included in baselineM2. */
  newlyFoundM2: number;
  releasedM2: ReleasedByMethod & { total: number };
  remainingM2: number;
  /** Share of the baseline released, 0..1 (0 when there is no baseline). */
  fractionReleased: number;
};

/** The BASELINE record in force: the latest by date. Releases count from its date on. */
export function currentBaseline<T extends BaselineRecord>(records: readonly T[]): T | undefined {
  return records.filter((r) => r.kind === "BASELINE").sort((a, b) => +b.asOf - +a.asOf)[0];
}

/**
 * The current baseline is the latest BASELINE record plus every NEWLY_FOUND
 * record dated on or after it. Released area is what approved reports counted
 * (m², each square metre once) in reports for periods ending on or after the
 * baseline's date, which already excludes earlier releases. remaining = baseline − released, never below 0,
 * so released.total + remaining = baseline whenever released ≤ baseline.
 */
export function summariseProgress(records: readonly BaselineRecord[], released: ReleasedByMethod): ProgressSummary {
  const base = currentBaseline(records);
  const newlyFoundM2 = base
    ? records.filter((r) => r.kind === "NEWLY_FOUND" && +r.asOf >= +base.asOf).reduce((s, r) => s + r.areaM2, 0)
    : 0;
  const baselineM2 = (base?.areaM2 ?? 0) + newlyFoundM2;
  const total = released.cancelled + released.reduced + released.cleared;
  return {
    baselineM2,
    baselineSource: base ? { asOf: base.asOf.toISOString().slice(0, 10), source: base.source } : null,
    newlyFoundM2,
    releasedM2: { ...released, total },
    remainingM2: Math.max(0, baselineM2 - total),
    fractionReleased: baselineM2 > 0 ? Math.min(1, total / baselineM2) : 0,
  };
}
