import { z } from "zod";
import { ACCREDITATION_SCOPES } from "@/lib/domain/accreditation";

/** An accreditation an authority issues to an operator: kinds of work, period (both days included), certificate. */
export const ZAccreditationCreate = z.object({
  operatorId: z.string().min(1),
  scopes: z
    .array(z.enum(ACCREDITATION_SCOPES))
    .min(1)
    .max(ACCREDITATION_SCOPES.length)
    .transform((scopes) => ACCREDITATION_SCOPES.filter((s) => scopes.includes(s))),
  validFrom: z.iso.date(),
  validTo: z.iso.date(),
  reference: z.string().trim().min(1).max(80),
});

/** A withdrawal or suspension of an accreditation from a day on, with the reason; recorded once. */
export const ZAccreditationWithdrawal = z.object({
  withdrawnOn: z.iso.date(),
  reason: z.string().trim().min(3).max(2_000),
});
