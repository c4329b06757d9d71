import { z } from "zod";

export const OPERATOR_KINDS = ["NGO", "COMMERCIAL", "NATIONAL"] as const;

/**
 * An operator or a donor an administrator adds (the national authorities come with the reference data). An operator
 * says what kind it is; one organisation may hold both roles.
 */
export const ZOrganisationCreate = z.object({
  name: z.string().trim().min(2).max(160),
  shortName: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((s) => s || undefined),
  roles: z
    .array(z.enum(["OPERATOR", "DONOR"]))
    .min(1)
    .max(2)
    .transform((roles) => [...new Set(roles)]),
  operatorKind: z
    .union([z.enum(OPERATOR_KINDS), z.literal("")])
    .optional()
    .transform((k) => k || undefined),
});
