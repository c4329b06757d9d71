import { z } from "zod";
import { CONTAMINATION_TYPES, LAND_USES } from "./hazard-area";

const lower = <T extends readonly string[]>(values: T) =>
  values.map((v) => v.toLowerCase()) as { [K in keyof T]: Lowercase<T[K]> };

/**
 * The filters every progress view takes, from the URL (pages) or the query
 * string (GET /api/progress, exports): a view is shared by sharing its URL.
 */
export const ZFilterFields = z.object({
  region: z.enum(["federal", "kurdistan"]).optional(),
  governorate: z
    .string()
    .regex(/^IQG\d{2}(Q\d{2})?$/, "governorate is an OCHA P-code, e.g. IQG15 (Ninewa)")
    .optional(),
  partner: z.string().min(1).max(40).optional(),
  contamination: z.enum(lower(CONTAMINATION_TYPES)).optional(),
  landUse: z.enum(lower(LAND_USES)).optional(),
  from: z.iso.date({ error: "from is a date, YYYY-MM-DD" }).optional(),
  to: z.iso.date({ error: "to is a date, YYYY-MM-DD" }).optional(),
});

const periodInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;

const ZProgressFilter = ZFilterFields.refine(periodInOrder, { path: ["to"], message: "to must be on or after from" });

export type ProgressFilter = z.infer<typeof ZProgressFilter>;

/** A figure on the dashboard, to list the approved reports that make it up: the view's filter, and a method, month or year. */
const ZDrillDown = ZFilterFields.extend({
  method: z.enum(["cancelled", "reduced", "cleared"]).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month is YYYY-MM")
    .optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, "year is YYYY")
    .optional(),
}).refine(periodInOrder, { path: ["to"], message: "to must be on or after from" });

export type DrillDown = z.infer<typeof ZDrillDown>;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function known(params: Params, keys: readonly string[]) {
  const entries =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  return Object.fromEntries(entries.filter(([k, v]) => v !== undefined && v !== "" && keys.includes(k)));
}

/** The filter from query parameters; empty values mean "no filter", other parameters are ignored. */
export const progressFilterFrom = (params: Params) =>
  ZProgressFilter.safeParse(known(params, Object.keys(ZFilterFields.shape)));

/** A drill-down from query parameters, or null when none is asked for (none of its parameters given). */
export function drillDownFrom(params: Params) {
  const fields = known(params, Object.keys(ZDrillDown.shape));
  return Object.keys(fields).length ? ZDrillDown.safeParse(fields) : null;
}

/** The query string of a drill-down: the view's filter and the figure's method, month or year. */
export function drillDownQuery(
  filter: ProgressFilter,
  figure: { method?: string; month?: string; year?: string | number },
): string {
  const params = new URLSearchParams(progressFilterQuery(filter));
  for (const [k, v] of Object.entries(figure)) if (v !== undefined) params.set(k, String(v));
  return params.toString();
}

/** The filter as query parameters, in a fixed order, for links and cache keys. */
export function progressFilterQuery(filter: ProgressFilter): string {
  const keys = ["region", "governorate", "partner", "contamination", "landUse", "from", "to"] as const;
  const params = new URLSearchParams();
  for (const k of keys) if (filter[k]) params.set(k, filter[k]!);
  return params.toString();
}
