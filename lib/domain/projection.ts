// When will the work end? The burn-down of remaining contamination and a
// projected completion year at the recent rate, with the range the best and
// worst years give. Pure arithmetic on monthly released totals.

/** The months whose release sets the projection's rate. */
export const TRAILING_MONTHS = 12;
/** A completion year past this is not a year anyone can plan for: it is said as "not by 2100 at this rate". */
export const PROJECTION_HORIZON_YEAR = 2100;

export type MonthlyRelease = { month: string; cancelled: number; reduced: number; cleared: number };

export type BurnDownPoint = { month: string; releasedToDateM2: number; remainingM2: number };

export type Projection = {
  /** Released in the 12 months ending with `throughMonth` (this month, so far, when the view runs to today), m². */
  trailing12M2: number;
  /** Years left at the trailing-12-month rate; null when nothing was released in that time. */
  yearsAtTrailingRate: number | null;
  /** Null when nothing was released in the 12 months, or when the year would be past the horizon (`completionBeyond`). */
  completionYear: number | null;
  completionBeyond: boolean;
  /** Complete calendar years with their released totals, the range's basis. */
  bestYear: { year: number; releasedM2: number } | null;
  worstYear: { year: number; releasedM2: number } | null;
  /** Completion year at the best year's rate (earliest) and the worst year's (latest; null if that year released nothing). */
  earliestYear: number | null;
  latestYear: number | null;
  /** The best or worst year's rate would end the work only past the horizon (the year is then null). */
  earliestBeyond: boolean;
  latestBeyond: boolean;
  /**
   * More than 20 years away at the trailing rate. Not when nothing was released in it: the sentence then says the
   * work never ends at that rate, and "decades away" beside it would contradict it.
   */
  decadesAway: boolean;
};

export type ReleaseMethod = "cancelled" | "reduced" | "cleared";
const ALL_METHODS: readonly ReleaseMethod[] = ["cancelled", "reduced", "cleared"];
const sumOf = (methods: readonly ReleaseMethod[]) => (m: MonthlyRelease) => methods.reduce((s, k) => s + m[k], 0);
const total = sumOf(ALL_METHODS);

/** "2025-03" → the month `n` months later (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every month from `from` to `to` inclusive, filled with zeros where nothing was released. */
export function fillMonths(rows: readonly MonthlyRelease[], from: string, to: string): MonthlyRelease[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const out: MonthlyRelease[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1))
    out.push(byMonth.get(m) ?? { month: m, cancelled: 0, reduced: 0, cleared: 0 });
  return out;
}

/** Released by calendar year, by method; the years add up to the months. */
export function releasedByYear(months: readonly MonthlyRelease[]): (MonthlyRelease & { year: number })[] {
  const years = new Map<number, MonthlyRelease & { year: number }>();
  for (const m of months) {
    const year = Number(m.month.slice(0, 4));
    const y = years.get(year) ?? { year, month: String(year), cancelled: 0, reduced: 0, cleared: 0 };
    y.cancelled += m.cancelled;
    y.reduced += m.reduced;
    y.cleared += m.cleared;
    years.set(year, y);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** Remaining contamination month by month: baseline less what was released up to the end of each month. */
export function burnDown(baselineM2: number, months: readonly MonthlyRelease[]): BurnDownPoint[] {
  let released = 0;
  return months.map((m) => {
    released += total(m);
    return { month: m.month, releasedToDateM2: released, remainingM2: Math.max(0, baselineM2 - released) };
  });
}

/**
 * Projects completion from the months up to `throughMonth` (this month when
 * the view runs to today: a release approved this month counts at once). The
 * trailing rate is the 12 months' release ending with it, and the years left
 * are counted from its end; the range comes from the best and worst complete
 * calendar years (up to `asOfMonth`, the last complete month) since releases
 * began. A year past PROJECTION_HORIZON_YEAR is not given as a year.
 * `methods` are the methods whose release sets the rates (all three unless
 * given): the rest is left out of the rate, the remaining m² stays whole.
 */
export function projectCompletion(
  remainingM2: number,
  months: readonly MonthlyRelease[],
  asOfMonth: string,
  throughMonth: string = asOfMonth,
  methods: readonly ReleaseMethod[] = ALL_METHODS,
): Projection {
  const counted = sumOf(methods);
  const asOfYear = Number(asOfMonth.slice(0, 4));
  const first = months.find((m) => counted(m) > 0)?.month;
  const trailing12M2 = months
    .filter((m) => m.month > addMonths(throughMonth, -TRAILING_MONTHS) && m.month <= throughMonth)
    .reduce((s, m) => s + counted(m), 0);
  const years = (rate: number) => (rate > 0 ? remainingM2 / rate : null);
  // Counted from the end of the rate's last month, not of its year: 3.2 years after June 2025 is 2028, not 2029.
  // Work that ends exactly at a year's end ends in that year.
  const fromEnd = Number(throughMonth.slice(0, 4)) + Number(throughMonth.slice(5, 7)) / 12;
  const rawYear = (y: number | null) => (y === null ? null : Math.ceil(fromEnd + y) - 1);
  const beyond = (y: number | null) => y !== null && y > PROJECTION_HORIZON_YEAR;
  const yearOf = (y: number | null) => {
    const year = rawYear(y);
    return beyond(year) ? null : year;
  };
  const lastCompleteYear = asOfMonth.endsWith("-12") ? asOfYear : asOfYear - 1;
  const complete = first
    ? releasedByYear(months.filter((m) => m.month <= asOfMonth)).filter(
        (y) => y.year >= Number(first.slice(0, 4)) && y.year <= lastCompleteYear,
      )
    : [];
  // A year inside the span that released nothing counts as a worst year of zero.
  const span = complete.length
    ? Array.from({ length: lastCompleteYear - complete[0]!.year + 1 }, (_, i) => complete[0]!.year + i)
    : [];
  const totals = new Map(complete.map((y) => [y.year, counted(y)]));
  const ranked = span
    .map((year) => ({ year, releasedM2: totals.get(year) ?? 0 }))
    .sort((a, b) => b.releasedM2 - a.releasedM2);
  const bestYear = ranked[0] ?? null;
  const worstYear = ranked.at(-1) ?? null;
  const yearsAtTrailingRate = years(trailing12M2);
  const atBest = bestYear ? years(bestYear.releasedM2) : null;
  const atWorst = worstYear ? years(worstYear.releasedM2) : null;
  return {
    trailing12M2,
    yearsAtTrailingRate,
    completionYear: remainingM2 <= 0 ? Number(throughMonth.slice(0, 4)) : yearOf(yearsAtTrailingRate),
    completionBeyond: remainingM2 > 0 && beyond(rawYear(yearsAtTrailingRate)),
    bestYear,
    worstYear,
    earliestYear: yearOf(atBest),
    latestYear: yearOf(atWorst),
    earliestBeyond: beyond(rawYear(atBest)),
    latestBeyond: beyond(rawYear(atWorst)),
    decadesAway: remainingM2 > 0 && yearsAtTrailingRate !== null && yearsAtTrailingRate > 20,
  };
}
