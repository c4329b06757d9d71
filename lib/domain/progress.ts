// National progress: baseline, land released by method, remaining.
import type { GovernorateNames } from "@/lib/i18n/names";
import type { ReleaseMethod } from "./land-release";
import { fillMonths, type MonthlyRelease } from "./projection";

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

/** A release method as the API and the dashboard spell it. */
export type ReleaseMethodKey = Lowercase<ReleaseMethod>;

/** Approved land release aggregated in the database: one row per month, method, governorate and side of the baseline date and period start. */
export type ReleaseAggregate = {
  month: string;
  method: ReleaseMethodKey;
  pcode: string;
  sinceBaseline: boolean;
  inPeriod: boolean;
  m2: number;
};

export type GovernorateRef = GovernorateNames & { pcode: string; region: "FEDERAL" | "KURDISTAN" };

export type GovernorateProgress = GovernorateRef & {
  /** Registered hazardous areas less what was released there before the baseline date (or, in a partner's view, by others). */
  baselineM2: number;
  /** Released in the period (since the baseline date). */
  releasedM2: number;
  remainingM2: number;
};

/**
 * What a view's baseline is. national-record: the dated, sourced national
 * estimate; registered-areas: the registered hazardous areas in the view (a
 * filtered view, or no national estimate recorded); register-exceeds-estimate:
 * the register holds more contamination at the estimate's date than the
 * estimate says, so the register is the figure.
 */
export type BaselineBasis = "national-record" | "registered-areas" | "register-exceeds-estimate";

export type ProgressView = ProgressSummary & {
  baselineBasis: BaselineBasis;
  /**
   * The national estimate (latest BASELINE record plus newly found since: NEWLY_FOUND records and areas registered
   * on land released earlier), whatever the view's basis; 0 when none.
   */
  nationalEstimateM2: number;
  /** Registered hazardous areas in the view, all of their area (released or not). */
  registeredM2: number;
  /** What is left to release in the registered areas at the period's end: the governorate table's remaining, summed. */
  registeredRemainingM2: number;
  /**
   * The part of the national estimate no registered area accounts for yet:
   * estimate − (registered − released there before the estimate's date), never
   * below 0; 0 in a filtered view (no national estimate covers a part of the
   * country). registeredRemainingM2 + unregisteredEstimateM2 = remainingM2.
   */
  unregisteredEstimateM2: number;
  /** Released since the baseline date up to the period's end: what remaining is measured from. */
  releasedToDateM2: number;
  byGovernorate: GovernorateProgress[];
  /** Months of the period (or since the baseline), by method, with released land in each. */
  monthly: MonthlyRelease[];
  /** Months since the baseline up to the period's end, for the burn-down and the projection. */
  sinceBaseline: MonthlyRelease[];
};

const zero = (): { cancelled: number; reduced: number; cleared: number } => ({ cancelled: 0, reduced: 0, cleared: 0 });

/**
 * Progress for a view, from the baseline records, the registered hazardous
 * areas in its scope and the approved releases aggregated in the database.
 * Unfiltered, remaining is what is left in the registered areas plus the part
 * of the national estimate not registered yet, so the baseline is the national
 * estimate, or the register where it holds more. Filtered by place, partner,
 * contamination or land use, the baseline is the registered hazardous areas in
 * scope less what was released there before the baseline date (no national
 * record covers a governorate) and, in one partner's view, less what other
 * partners released there. Either way released + remaining = baseline, the
 * governorates' remaining adds up to registeredRemainingM2 and their released
 * areas to the released total.
 */
export function buildProgressView(input: {
  records: readonly BaselineRecord[];
  scoped: boolean;
  /** newlyFoundM2: the part of areaM2 in areas found on land released earlier, beyond what the estimate knew. */
  registered: readonly { pcode: string; areaM2: number; newlyFoundM2?: number }[];
  releases: readonly ReleaseAggregate[];
  /** In a view of one partner's work: land other partners released in its areas up to the period's end, not the view's to release. */
  releasedByOthers?: readonly { pcode: string; m2: number }[];
  governorates: readonly GovernorateRef[];
  /** First and last month shown (YYYY-MM); the last is the period's end or the current month. */
  fromMonth?: string;
  toMonth: string;
}): ProgressView {
  const base = currentBaseline(input.records);
  const baseMonth = base ? base.asOf.toISOString().slice(0, 7) : undefined;
  const recorded = summariseProgress(input.records, zero());
  // Contamination found on land released earlier was not in the estimate: it adds to it, as a NEWLY_FOUND record would.
  const foundInRegisterM2 = input.scoped ? 0 : input.registered.reduce((s, r) => s + (r.newlyFoundM2 ?? 0), 0);
  const national = {
    ...recorded,
    baselineM2: recorded.baselineM2 + (base ? foundInRegisterM2 : 0),
    newlyFoundM2: recorded.newlyFoundM2 + foundInRegisterM2,
  };
  const released = zero();
  let releasedToDateM2 = 0;
  // outside: released there but not by the view (before the baseline date, or by other partners).
  const perGovernorate = new Map<string, { registered: number; outside: number; period: number; toDate: number }>();
  const g = (pcode: string) =>
    perGovernorate.get(pcode) ??
    perGovernorate.set(pcode, { registered: 0, outside: 0, period: 0, toDate: 0 }).get(pcode)!;
  for (const r of input.registered) g(r.pcode).registered += r.areaM2;
  for (const r of input.releasedByOthers ?? []) g(r.pcode).outside += r.m2;
  const monthly = new Map<string, MonthlyRelease>();
  // The period's own months: a period starting mid-month shows in its first month only what the released figure counts.
  const periodMonthly = new Map<string, MonthlyRelease>();
  const add = (months: Map<string, MonthlyRelease>, r: ReleaseAggregate) => {
    (months.get(r.month) ?? months.set(r.month, { month: r.month, ...zero() }).get(r.month)!)[r.method] += r.m2;
  };
  for (const r of input.releases) {
    const row = g(r.pcode);
    if (!r.sinceBaseline) {
      row.outside += r.m2;
      continue;
    }
    row.toDate += r.m2;
    releasedToDateM2 += r.m2;
    add(monthly, r);
    if (r.inPeriod) {
      add(periodMonthly, r);
      row.period += r.m2;
      released[r.method] += r.m2;
    }
  }
  // Registered contamination at the baseline's date: the registered areas less what was released there before it.
  const registeredAtBaseline = Math.max(
    0,
    [...perGovernorate.values()].reduce((s, x) => s + x.registered - x.outside, 0),
  );
  const registeredRemainingM2 = [...perGovernorate.values()].reduce(
    (s, x) => s + Math.max(0, x.registered - x.outside - x.toDate),
    0,
  );
  // Remaining = what is left in registered areas + the part of the national estimate not registered yet; so the
  // baseline it is measured from is the larger of the estimate and the register, and releasing land in a
  // registered area lowers remaining whether or not the estimate had counted it.
  const basis: BaselineBasis = input.scoped
    ? "registered-areas"
    : !base
      ? registeredAtBaseline > 0
        ? "registered-areas"
        : "national-record"
      : registeredAtBaseline > national.baselineM2
        ? "register-exceeds-estimate"
        : "national-record";
  const baselineM2 = basis === "national-record" ? national.baselineM2 : registeredAtBaseline;
  const unregisteredEstimateM2 = basis === "national-record" ? national.baselineM2 - registeredAtBaseline : 0;
  const total = released.cancelled + released.reduced + released.cleared;
  const start = baseMonth ?? [...monthly.keys()].sort()[0] ?? input.toMonth;
  const sinceBaseline = fillMonths([...monthly.values()], start, input.toMonth);
  const names = new Map(input.governorates.map((x) => [x.pcode, x]));
  return {
    ...national,
    baselineM2,
    baselineSource: national.baselineSource,
    newlyFoundM2: input.scoped ? 0 : national.newlyFoundM2,
    baselineBasis: basis,
    nationalEstimateM2: national.baselineM2,
    registeredM2: [...perGovernorate.values()].reduce((s, x) => s + x.registered, 0),
    registeredRemainingM2,
    unregisteredEstimateM2,
    releasedM2: { ...released, total },
    releasedToDateM2,
    remainingM2: registeredRemainingM2 + unregisteredEstimateM2,
    fractionReleased: baselineM2 > 0 ? Math.min(1, releasedToDateM2 / baselineM2) : 0,
    byGovernorate: [...perGovernorate.entries()]
      .filter(([pcode]) => names.has(pcode))
      .map(([pcode, x]) => ({
        ...names.get(pcode)!,
        baselineM2: Math.max(0, x.registered - x.outside),
        releasedM2: x.period,
        remainingM2: Math.max(0, x.registered - x.outside - x.toDate),
      }))
      .sort((a, b) => b.remainingM2 - a.remainingM2),
    monthly: fillMonths([...periodMonthly.values()], start, input.toMonth).filter(
      (m) => !input.fromMonth || m.month >= input.fromMonth,
    ),
    sinceBaseline,
  };
}
