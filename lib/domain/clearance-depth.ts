// IMAS 09.10: clearance removes and destroys all explosive ordnance to a
// specified depth, so a report of cleared land says that depth. Non-technical
// survey does not dig, so cancelled land has none; technical survey may state
// the depth it searched to.
import type { ReleaseMethod } from "./land-release";

/** The deepest clearance a report may state, in cm (10 m: deeper is a typing error, not a clearance). */
export const MAX_CLEARANCE_DEPTH_CM = 1_000;

export type ClearanceDepthProblem = "depthRequired" | "depthOnCancelled" | null;

/**
 * What is wrong with a report's clearance depth for its method, or null:
 * required (1 to MAX_CLEARANCE_DEPTH_CM whole cm, checked by the schema) when
 * cleared, refused when cancelled, optional when reduced.
 */
export function clearanceDepthProblem(
  method: ReleaseMethod,
  depthCm: number | null | undefined,
): ClearanceDepthProblem {
  const given = depthCm !== null && depthCm !== undefined;
  if (method === "CLEARED" && !given) return "depthRequired";
  if (method === "CANCELLED" && given) return "depthOnCancelled";
  return null;
}
