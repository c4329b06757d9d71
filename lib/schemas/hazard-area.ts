import { z } from "zod";

export const CONTAMINATION_TYPES = ["AP_MINES", "AT_MINES", "IMPROVISED_AP_MINES", "IEDS", "UXO", "CLUSTER_MUNITION_REMNANTS", "OTHER_ERW"] as const;
export const LAND_USES = ["CRITICAL_INFRASTRUCTURE", "SCHOOL", "ENERGY", "AGRICULTURE", "HOUSING", "OTHER"] as const;

/** An authority registers a hazardous area; its governorate and authority come from the polygon. */
export const ZHazardAreaCreate = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, "Use 3–40 capital letters, digits and hyphens, e.g. CHA-NIN-0042."),
  name: z.string().trim().min(3).max(200),
  kind: z.enum(["SHA", "CHA"]),
  contamination: z.array(z.enum(CONTAMINATION_TYPES)).min(1, "Name at least one contamination type.").max(CONTAMINATION_TYPES.length),
  landUse: z.enum(LAND_USES),
  priorityRank: z.int().min(1).max(1_000).default(3),
  geometry: z.unknown(),
});

export type THazardAreaCreate = z.infer<typeof ZHazardAreaCreate>;

export const ZTaskCreate = z.object({
  title: z.string().trim().min(3).max(200),
  hazardAreaIds: z.array(z.string().min(1)).min(1, "A task covers at least one hazardous area.").max(100),
  partnerId: z.string().min(1).optional(),
  priority: z.int().min(1).max(1_000),
  plannedStart: z.iso.date().optional(),
  plannedEnd: z.iso.date().optional(),
  /** Grants funding the task, each with its share in basis points (10000 = all of it). */
  grants: z
    .array(z.object({ grantId: z.string().min(1), shareBp: z.int().min(1).max(10_000).default(10_000) }))
    .max(20)
    .refine((g) => g.reduce((s, x) => s + x.shareBp, 0) <= 10_000, "The grants' shares add up to more than the whole task (10000 basis points).")
    .refine((g) => new Set(g.map((x) => x.grantId)).size === g.length, "A grant is named twice.")
    .default([]),
});

export type TTaskCreate = z.infer<typeof ZTaskCreate>;
