import { z } from "zod";
import { splitTotalBp, WHOLE_BP } from "@/lib/domain/activity-split";
import { MAX_IMPORT_ROWS } from "@/lib/domain/funding-import";

const share = z.int().min(0).max(WHOLE_BP);

/** What a grant's money is for, in basis points: all four stated, adding up to 10000 (the whole grant). */
export const ZActivitySplit = z
  .object({ landReleaseBp: share, eoreBp: share, victimAssistanceBp: share, capacityBp: share })
  .refine((s) => splitTotalBp(s) === WHOLE_BP, {
    message:
      "The activity split (landReleaseBp, eoreBp, victimAssistanceBp, capacityBp) must add up to 10000 basis points (100 %); leave it out if the grant does not state it.",
  });

const digits = z.string().regex(/^\d{1,20}$/, "an amount in minor units (digits only)");

/** Donor contributions in Landmine Monitor's shape, with where the figures come from. */
export const ZFundingImport = z.object({
  source: z
    .string()
    .trim()
    .min(3, "Say where the figures come from (e.g. Landmine Monitor 2019, Support for Mine Action).")
    .max(300),
  rows: z
    .array(
      z.object({
        donor: z.string().trim().min(2).max(200),
        year: z.int().min(1990).max(2100),
        amountMinor: digits,
        currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code"),
        usdCents: digits,
        /** Optional: absent when the grant does not state what its money is for. */
        split: ZActivitySplit.optional(),
      }),
    )
    .min(1, "The file has no rows to import.")
    .max(MAX_IMPORT_ROWS),
});

export type TFundingImportRow = z.infer<typeof ZFundingImport>["rows"][number];
