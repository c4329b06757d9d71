// What an authority is warned of before it approves a land-release report.
// The figures come from the same accounting approval runs (land-release.ts,
// in the geometry pool); these rules only read them, so the warning and the
// approval can never disagree about a square metre.
import { programmeDay } from "./calendar";

/** Below this a report counts nothing: it is shown as 0 m² (figures are whole m²). */
export const COUNTS_NOTHING_BELOW_M2 = 0.5;

/** Another report's land this report shares, m² (overlapsWithRegistered's figure). */
export type SharedLand = { id: string; sharedM2: number };

export type ReviewWarning =
  /** More than half of the polygon is outside its hazardous area: it does not count there. */
  | { kind: "mostlyOutside"; outsideShare: number; outsideM2: number }
  /** Approval would count nothing: all of it released before (by `releasedBy`), outside, or both. */
  | { kind: "countsNothing"; cause: "released" | "outside" | "releasedAndOutside"; releasedBy: readonly SharedLand[] }
  /** Other reports under review in the same area claim part of the same land: the later approval counts less. */
  | { kind: "overlapsUnderReview"; reports: readonly SharedLand[] }
  /** The period ends after today (Iraq's day): land cannot have been released yet. */
  | { kind: "periodInFuture"; periodEnd: string; today: string }
  /** The period starts before the hazardous area was registered. */
  | { kind: "periodBeforeRegistered"; periodStart: string; registeredOn: string };

export type ReviewFacts = {
  /** What approving now would count (accountRelease, or accountCorrection for a correction), m². */
  account: { submittedAreaM2: number; outsideHazardM2: number; alreadyReleasedM2: number; countedAreaM2: number };
  /** Approved reports whose counted land this polygon lies on, largest share first. */
  releasedBy: readonly SharedLand[];
  /** Other SUBMITTED reports in the same hazardous area this polygon overlaps, largest first. */
  underReview: readonly SharedLand[];
  /** The report's period, days as YYYY-MM-DD. */
  periodStart: string;
  periodEnd: string;
  /** The day the hazardous area entered the register (its information date, for an imported one). */
  registeredOn: string;
  /** Today in Iraq (programmeDay()). */
  today: string;
};

/**
 * The warnings for one report under review, in the order a reviewer weighs
 * them: where the land is, whether it counts, who else claims it, when.
 * Exactly half outside is not "more than half"; a count that shows as 0 m²
 * (under half a m²) is nothing; days compare as Iraq's days.
 */
export function reviewWarnings(facts: ReviewFacts): ReviewWarning[] {
  const { account } = facts;
  const warnings: ReviewWarning[] = [];
  const outsideShare = account.submittedAreaM2 > 0 ? account.outsideHazardM2 / account.submittedAreaM2 : 0;
  if (outsideShare > 0.5) warnings.push({ kind: "mostlyOutside", outsideShare, outsideM2: account.outsideHazardM2 });
  if (account.countedAreaM2 < COUNTS_NOTHING_BELOW_M2) {
    const released = account.alreadyReleasedM2 >= COUNTS_NOTHING_BELOW_M2;
    const outside = account.outsideHazardM2 >= COUNTS_NOTHING_BELOW_M2;
    const cause = released && outside ? "releasedAndOutside" : released ? "released" : "outside";
    warnings.push({ kind: "countsNothing", cause, releasedBy: released ? facts.releasedBy : [] });
  }
  if (facts.underReview.length) warnings.push({ kind: "overlapsUnderReview", reports: facts.underReview });
  if (facts.periodEnd > facts.today)
    warnings.push({ kind: "periodInFuture", periodEnd: facts.periodEnd, today: facts.today });
  if (facts.periodStart < facts.registeredOn)
    warnings.push({ kind: "periodBeforeRegistered", periodStart: facts.periodStart, registeredOn: facts.registeredOn });
  return warnings;
}

/** A stored day (a @db.Date, midnight UTC) as YYYY-MM-DD. */
export const dayOfDate = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Whole days a report has waited for review: Iraq's days from the day it was
 * submitted to today, so a report sent at 23:00 in Baghdad has waited a day at
 * midnight there, whatever the server's clock zone.
 */
export function daysWaiting(submittedAt: Date, now: Date = new Date()): number {
  const from = Date.parse(`${programmeDay(submittedAt)}T00:00:00Z`);
  const to = Date.parse(`${programmeDay(now)}T00:00:00Z`);
  return Math.max(0, Math.round((to - from) / 86_400_000));
}
