// Land release reports: approved ones exactly as the dashboard sums them,
// other statuses within what the caller may see.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { batches } from "@/lib/exports/stream";
import type { Column } from "@/lib/exports/table";
import { GOVERNORATE_NAMES } from "@/lib/i18n/names";
import type { ExportFilter } from "@/lib/schemas/export-filter";
import { hazardAreaFilter, partnerFilter, periodFilter } from "@/lib/server/filters";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { drillDownWhere } from "@/lib/server/queries/progress";
import { reportScope } from "@/lib/server/scopes";
import { codeColumn, governorateColumn, m2Column } from "./columns";
import { tabular } from "./dataset";

/** Approved reports in the view, by the clause the dashboard sums with (its filters only: `month` belongs to the PDF report). */
export const approvedWhere = (db: Db, f: ExportFilter) =>
  drillDownWhere(db, {
    region: f.region,
    governorate: f.governorate,
    partner: f.partner,
    contamination: f.contamination,
    landUse: f.landUse,
    from: f.from,
    to: f.to,
  });

/**
 * Reports in the export: approved ones exactly as the dashboard sums them
 * (from the baseline date, by period end); other statuses within what the
 * caller may see, by period end when a period is given.
 */
export async function reportsWhere(db: Db, actor: Actor, f: ExportFilter): Promise<Prisma.LandReleaseReportWhereInput> {
  if (f.status === "approved") return approvedWhere(db, f);
  return {
    AND: [
      reportScope(actor),
      f.status === "all" ? {} : { status: f.status.toUpperCase() as "SUBMITTED" | "REJECTED" | "SUPERSEDED" },
      partnerFilter(f),
      periodFilter("periodEnd", f),
      { hazardArea: hazardAreaFilter(f) },
    ],
  };
}

const REPORT_SELECT = {
  id: true,
  status: true,
  method: true,
  periodStart: true,
  periodEnd: true,
  submittedAt: true,
  reviewedAt: true,
  reviewedByOwnAuthority: true,
  submittedAreaM2: true,
  outsideHazardM2: true,
  alreadyReleasedM2: true,
  countedAreaM2: true,
  supersedesId: true,
  kind: true,
  reopensId: true,
  inspectionId: true,
  task: { select: { code: true } },
  import: { select: { fileName: true } },
  sourceReference: true,
  hazardArea: {
    select: { code: true, governoratePcode: true, governorate: { select: { ...GOVERNORATE_NAMES, region: true } } },
  },
  partner: { select: { name: true } },
  devices: { select: { count: true } },
} satisfies Prisma.LandReleaseReportSelect;
type ReportRow = Prisma.LandReleaseReportGetPayload<{ select: typeof REPORT_SELECT }>;

const COLUMNS: Column<ReportRow>[] = [
  { header: "reportId", hxl: "#meta+id", type: "string", value: (r) => r.id, width: 28 },
  codeColumn("status", "#status", "reportStatus", (r) => r.status),
  codeColumn("method", "#activity+type", "method", (r) => r.method),
  { header: "taskCode", hxl: "#activity+code", type: "string", value: (r) => r.task?.code ?? "", width: 18 },
  // A past release imported from the authority's records has no task: its file and its id in the source say where it came from.
  { header: "importedFrom", hxl: "#meta+source", type: "string", value: (r) => r.import?.fileName ?? "", width: 18 },
  { header: "sourceReference", hxl: "#meta+ref", type: "string", value: (r) => r.sourceReference ?? "", width: 18 },
  { header: "hazardAreaCode", hxl: "#loc+hazard+code", type: "string", value: (r) => r.hazardArea.code, width: 18 },
  { header: "governoratePcode", hxl: "#adm1+code", type: "string", value: (r) => r.hazardArea.governoratePcode },
  governorateColumn((r) => r.hazardArea.governorate),
  codeColumn("region", "#region+name", "region", (r) => r.hazardArea.governorate.region),
  { header: "partner", hxl: "#org+impl", type: "string", value: (r) => r.partner.name, width: 28 },
  { header: "periodStart", hxl: "#date+start", type: "date", value: (r) => r.periodStart },
  { header: "periodEnd", hxl: "#date+end", type: "date", value: (r) => r.periodEnd },
  { header: "submittedAt", hxl: "#date+reported", type: "datetime", value: (r) => r.submittedAt, width: 18 },
  { header: "reviewedAt", hxl: "#date+reviewed", type: "datetime", value: (r) => r.reviewedAt, width: 18 },
  // An authority approving its own teams' work (IKMAA is an operator too): said, so no reader takes it for an
  // independent approval. Empty for a report not approved.
  codeColumn("approvedByOwnAuthority", "#meta+approved+own", "yesNo", (r) =>
    r.status !== "APPROVED" && r.status !== "SUPERSEDED" ? null : r.reviewedByOwnAuthority ? "YES" : "NO",
  ),
  m2Column("submittedAreaM2", "#output+area+submitted", (r) => r.submittedAreaM2),
  m2Column("outsideHazardM2", "#output+area+outside", (r) => r.outsideHazardM2),
  m2Column("alreadyReleasedM2", "#output+area+previous", (r) => r.alreadyReleasedM2),
  // Counted only while approved: a superseded report's figure left the totals with its correction, so a
  // status=all export adds up to the dashboard too.
  m2Column("countedAreaM2", "#output+area+counted", (r) => (r.status === "APPROVED" ? r.countedAreaM2 : null)),
  {
    header: "devicesDestroyed",
    hxl: "#output+devices",
    type: "integer",
    value: (r) => r.devices.reduce((s, d) => s + d.count, 0),
  },
  { header: "supersedesReportId", hxl: "#meta+id+supersedes", type: "string", value: (r) => r.supersedesId, width: 28 },
  // A reopening is released land a failed post-clearance inspection took back: its counted m² are below zero.
  { header: "kind", hxl: "#meta+kind", type: "string", value: (r) => r.kind.toLowerCase() },
  { header: "reopensReportId", hxl: "#meta+id+reopens", type: "string", value: (r) => r.reopensId, width: 28 },
  { header: "inspectionId", hxl: "#meta+id+inspection", type: "string", value: (r) => r.inspectionId, width: 28 },
];

export const reports = tabular("reports", "Land release reports", "progress:read", COLUMNS, async (db, actor, f) => {
  const where = await reportsWhere(db, actor, f);
  return {
    count: () => db.landReleaseReport.count({ where }),
    rows: () => batches((p) => db.landReleaseReport.findMany({ where, select: REPORT_SELECT, ...p })),
  };
});
