import { z } from "zod";
import { ZFilterFields } from "./progress-filter";

/** What can be exported, and in which formats. */
export const TABULAR = [
  "reports",
  "devices",
  "tasks",
  "grants",
  "transactions",
  "risk-education",
  "casualties",
  "article-7",
] as const;
const SPATIAL = ["hazard-areas", "released"] as const;
export type TabularDataset = (typeof TABULAR)[number];
export type SpatialDataset = (typeof SPATIAL)[number];

/**
 * An export file named `<dataset>.<format>`: a table as CSV or XLSX, all
 * tables as one workbook (`tables.xlsx`), or areas as GeoJSON, KML or a
 * zipped shapefile; the monthly progress report (`progress.pdf`, for
 * `month`) or a task's completion report and handover certificate
 * (`completion.pdf`, for `task`); a task's hazardous areas and released land
 * for a GPS device or Google Earth (`task-areas.gpx`, `task-areas.kml`, for
 * `task`); grants and transactions as IATI 2.03
 * activity XML (`iati.xml`).
 */
export const ZExportFile = z.union([
  z.templateLiteral([z.enum(TABULAR), ".", z.enum(["csv", "xlsx"])]),
  z.literal("tables.xlsx"),
  z.templateLiteral([z.enum(SPATIAL), ".", z.enum(["geojson", "kml", "zip"])]),
  z.literal("progress.pdf"),
  z.literal("completion.pdf"),
  z.literal("task-areas.gpx"),
  z.literal("task-areas.kml"),
  z.literal("iati.xml"),
]);
export type ExportFile = z.infer<typeof ZExportFile>;

/**
 * The dashboard's filters (a period applies to the reports' period end, a
 * grant's fiscal year or a transaction's date), plus a donor, which reports
 * by status (approved by default: the official figures), and the HXL
 * hashtag row for CSV.
 */
export const ZExportFilter = ZFilterFields.extend({
  donor: z.string().min(1).max(40).optional(),
  status: z.enum(["approved", "submitted", "rejected", "superseded", "all"]).default("approved"),
  hxl: z.enum(["0", "1"]).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month is YYYY-MM")
    .optional(),
  task: z.string().min(1).max(40).optional(),
}).refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "to must be on or after from" });
export type ExportFilter = z.infer<typeof ZExportFilter>;

export function exportFilterFrom(params: URLSearchParams) {
  const keys = Object.keys(ZExportFilter.shape);
  return ZExportFilter.safeParse(
    Object.fromEntries([...params.entries()].filter(([k, v]) => v !== "" && keys.includes(k))),
  );
}
