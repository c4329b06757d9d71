import { z } from "zod";
import { MAX_IMPORT_ROWS } from "@/lib/domain/funding-import";

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
      }),
    )
    .min(1, "The file has no rows to import.")
    .max(MAX_IMPORT_ROWS),
});

export type TFundingImportRow = z.infer<typeof ZFundingImport>["rows"][number];
