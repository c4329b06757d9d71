// Where an area stands after its land or its boundary changes: an area whose
// land is all released closes by itself, and one a correction gives land back
// to opens again. Suspension is the authority's to lift; a superseded area is history.
import { RELEASED_IN_FULL_BELOW_M2 } from "./treaty-report";

export type HazardAreaStatus = "ACTIVE" | "SUSPENDED" | "CLOSED" | "SUPERSEDED" | "WITHDRAWN";

/** The areas the register holds and the figures count: not replaced by a split or merge, nor withdrawn as an error. */
export const IN_REGISTER = ["ACTIVE", "SUSPENDED", "CLOSED"] as const satisfies readonly HazardAreaStatus[];

export function settledStatus(status: HazardAreaStatus, areaM2: number, releasedM2: number): HazardAreaStatus {
  if (status === "SUPERSEDED" || status === "WITHDRAWN") return status;
  const left = areaM2 - releasedM2;
  if (left < RELEASED_IN_FULL_BELOW_M2) return "CLOSED";
  return status === "CLOSED" ? "ACTIVE" : status;
}
