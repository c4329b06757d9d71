// Completion projected by method. Cancellation by non-technical survey swings
// widely from year to year (one large survey can cancel more than years of
// clearance), so the work on the ground (technical survey and clearance) is
// projected on its own, cancellation's rate given beside it, and the
// all-methods projection kept for comparison.
import { type MonthlyRelease, type Projection, projectCompletion } from "./projection";

/** A method's recent rate and its best and worst complete years, m². */
export type MethodRate = Pick<Projection, "trailing12M2" | "bestYear" | "worstYear">;

export type ProjectionByMethod = {
  /**
   * All the remaining m² at the rate of technical survey and clearance (reduced + cleared) alone: the conservative
   * figure. The records cannot tell how much of what remains non-technical survey will cancel, so none of it is
   * assumed cancelled.
   */
  groundWork: Projection;
  /** Cancellation by non-technical survey: its rate and range, not counted in `groundWork`. */
  cancellation: MethodRate;
};

/**
 * Projects the remaining m² at the rate of ground work (reduced + cleared)
 * and gives cancellation's rate and best/worst years apart; arguments as
 * projectCompletion's. groundWork.trailing12M2 + cancellation.trailing12M2 is
 * the all-methods projection's trailing12M2.
 */
export function projectByMethod(
  remainingM2: number,
  months: readonly MonthlyRelease[],
  asOfMonth: string,
  throughMonth: string = asOfMonth,
): ProjectionByMethod {
  const cancelled = projectCompletion(remainingM2, months, asOfMonth, throughMonth, ["cancelled"]);
  return {
    groundWork: projectCompletion(remainingM2, months, asOfMonth, throughMonth, ["reduced", "cleared"]),
    cancellation: {
      trailing12M2: cancelled.trailing12M2,
      bestYear: cancelled.bestYear,
      worstYear: cancelled.worstYear,
    },
  };
}
