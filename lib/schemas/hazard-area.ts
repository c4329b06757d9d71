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

/**
 * A view of the register map: the map's bounds as `bbox=west,south,east,north`
 * in degrees (WGS 84) and its zoom, and the filters of the areas shown. Bounds
 * past Iraq are not refused: a map panned off the country is still a view.
 */
export const ZRegisterView = z
  .object({
    bbox: z
      .string()
      .transform((s) => s.split(",").map(Number))
      .pipe(
        z.tuple(
          [
            z.number().min(-180).max(180),
            z.number().min(-90).max(90),
            z.number().min(-180).max(180),
            z.number().min(-90).max(90),
          ],
          { error: "Give bbox as west,south,east,north in degrees." },
        ),
      )
      .refine(([w, s, e, n]) => w <= e && s <= n, "West must not be east of east, nor south north of north."),
    zoom: z.coerce.number().min(0).max(24),
    /** Only areas with this contamination. */
    contamination: z.enum(CONTAMINATION_TYPES).optional(),
    /** Only areas on a task order of this partner (its organisation id). */
    partner: z.string().min(1).max(64).optional(),
  })
  .strict();
export type TRegisterView = z.infer<typeof ZRegisterView>;
