import { z } from "zod";

export const CONTAMINATION_TYPES = [
  "AP_MINES",
  "AT_MINES",
  "IMPROVISED_AP_MINES",
  "IEDS",
  "UXO",
  "CLUSTER_MUNITION_REMNANTS",
  "OTHER_ERW",
] as const;
export const LAND_USES = ["CRITICAL_INFRASTRUCTURE", "SCHOOL", "ENERGY", "AGRICULTURE", "HOUSING", "OTHER"] as const;

/** An authority registers a hazardous area; its governorate and authority come from the polygon. */
export const ZHazardAreaCreate = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, "Use 3–40 capital letters, digits and hyphens, e.g. CHA-NIN-0042."),
  name: z.string().trim().min(3).max(200),
  kind: z.enum(["SHA", "CHA"]),
  contamination: z
    .array(z.enum(CONTAMINATION_TYPES))
    .min(1, "Name at least one contamination type.")
    .max(CONTAMINATION_TYPES.length),
  landUse: z.enum(LAND_USES),
  priorityRank: z.int().min(1).max(1_000).default(3),
  geometry: z.unknown(),
});
