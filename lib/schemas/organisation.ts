import { z } from "zod";

/** An implementing partner or a donor an administrator adds (the national authorities come with the reference data). */
export const ZOrganisationCreate = z.object({
  name: z.string().trim().min(2).max(160),
  shortName: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((s) => s || undefined),
  type: z.enum(["PARTNER", "DONOR"]),
});
