import { z } from "zod";

/** Funding views' filters, from the URL or the query string. */
const ZFundingFilter = z.object({
  groupBy: z.enum(["donor", "year", "partner", "region"]).default("donor"),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  region: z.enum(["federal", "kurdistan"]).optional(),
});

export type FundingFilter = z.infer<typeof ZFundingFilter>;

export function fundingFilterFrom(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  return ZFundingFilter.safeParse(
    Object.fromEntries(entries.filter(([k, v]) => v !== undefined && v !== "" && k in ZFundingFilter.shape)),
  );
}
