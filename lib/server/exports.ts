// Exports: the records behind the screens as files a partner, authority or
// donor hands on. Each dataset is read with the same scope as its screen
// (approved figures for everyone, unapproved work only for its partner and
// authority, a donor's own grants) and the dashboard's filters; approved
// reports are selected by the very clause that sums the dashboard's figure,
// so an export's total is the dashboard's. Large tables stream in batches.
import "server-only";
import { createHash } from "node:crypto";
import type { MultiPolygon, Polygon } from "geojson";
import { Prisma } from "../../generated/prisma/client";
import { moneyFlow } from "../domain/funding";
import { csvChunks } from "../exports/csv";
import { IATI_TRANSACTION_TYPE, iatiActivitiesXml, type IatiOrganisation } from "../exports/iati";
import { kmlText, shapefileZip, type SpatialFeature } from "../exports/spatial";
import type { TableSpec } from "../exports/table";
import { xlsxWorkbook, type SheetOf } from "../exports/xlsx";
import { TABULAR, type ExportFile, type ExportFilter, type SpatialDataset, type TabularDataset } from "../schemas/export-filter";
import { CommandError } from "./command-error";
import { refusal } from "../i18n/refusals";
import { roleWord } from "../i18n/words";
import { can, type Actor, type Permission } from "./permissions";
import type { Db } from "./prisma";
import { recordAuditEvent } from "./queries/audit";
import { grantScope, hazardAreaScope, IN_FORCE, reportScope, riskEducationScope, taskScope } from "./scopes";
import { getTaskCompletion } from "./queries/tasks";
import { drillDownWhere, getDashboard } from "./queries/progress";
import { programmeDay } from "../domain/calendar";
import { addMonths } from "../domain/projection";
import { completionReportPdf, progressReportPdf } from "../exports/reports-pdf";
import type { ProgressFilter } from "../schemas/progress-filter";

/** Which permission each dataset needs: the same as the screen that shows it. */
export const DATASET_PERMISSION: Record<TabularDataset | SpatialDataset, Permission> = {
  reports: "progress:read",
  devices: "progress:read",
  released: "progress:read",
  tasks: "task:read",
  "hazard-areas": "task:read",
  grants: "funding:read",
  transactions: "funding:read",
  "risk-education": "progress:read",
  casualties: "progress:read",
};

const BATCH = 2_000;
/** Beyond these, a file is built in memory too large to be safe: CSV and GeoJSON stream without a limit. */
export const XLSX_MAX_ROWS = 100_000;
export const SPATIAL_MAX_FEATURES = 20_000;

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const m2 = (v: number) => Math.round(v * 1000) / 1000;

// ---------------------------------------------------------------- scopes

function areaWhere(f: ExportFilter): Prisma.HazardAreaWhereInput {
  return {
    ...(f.region ? { governorate: { region: f.region.toUpperCase() as "FEDERAL" | "KURDISTAN" } } : {}),
    ...(f.governorate ? { governoratePcode: f.governorate } : {}),
    ...(f.contamination ? { contamination: { has: f.contamination.toUpperCase() as never } } : {}),
    ...(f.landUse ? { landUse: f.landUse.toUpperCase() as never } : {}),
  };
}

/** Approved reports in the view, by the clause the dashboard sums with (its filters only: `month` belongs to the PDF report). */
const approvedWhere = (db: Db, f: ExportFilter) =>
  drillDownWhere(db, { region: f.region, governorate: f.governorate, partner: f.partner, contamination: f.contamination, landUse: f.landUse, from: f.from, to: f.to });

/**
 * Reports in the export: approved ones exactly as the dashboard sums them
 * (from the baseline date, by period end); other statuses within what the
 * caller may see, by period end when a period is given.
 */
async function reportsWhere(db: Db, actor: Actor, f: ExportFilter): Promise<Prisma.LandReleaseReportWhereInput> {
  if (f.status === "approved") return approvedWhere(db, f);
  return {
    AND: [
      reportScope(actor),
      f.status === "all" ? {} : { status: f.status.toUpperCase() as "SUBMITTED" | "REJECTED" | "SUPERSEDED" },
      f.partner ? { partnerId: f.partner } : {},
      f.from || f.to ? { periodEnd: { ...(f.from ? { gte: day(f.from) } : {}), ...(f.to ? { lte: day(f.to) } : {}) } } : {},
      { hazardArea: areaWhere(f) },
    ],
  };
}

function grantsWhere(actor: Actor, f: ExportFilter): Prisma.GrantWhereInput {
  return {
    AND: [
      grantScope(actor),
      f.donor ? { donorId: f.donor } : {},
      f.partner ? { partnerId: f.partner } : {},
      f.region ? { region: f.region.toUpperCase() as "FEDERAL" | "KURDISTAN" } : {},
      f.from || f.to ? { fiscalYear: { ...(f.from ? { gte: Number(f.from.slice(0, 4)) } : {}), ...(f.to ? { lte: Number(f.to.slice(0, 4)) } : {}) } } : {},
    ],
  };
}

function transactionsWhere(actor: Actor, f: ExportFilter): Prisma.FundingTransactionWhereInput {
  return {
    AND: [
      actor.role === "DONOR" ? { donorId: actor.organisationId } : {},
      f.donor ? { donorId: f.donor } : {},
      f.partner || f.region ? { grant: { ...(f.partner ? { partnerId: f.partner } : {}), ...(f.region ? { region: f.region.toUpperCase() as "FEDERAL" | "KURDISTAN" } : {}) } } : {},
      f.from || f.to ? { date: { ...(f.from ? { gte: day(f.from) } : {}), ...(f.to ? { lte: day(f.to) } : {}) } } : {},
    ],
  };
}

function tasksWhere(actor: Actor, f: ExportFilter): Prisma.TaskWhereInput {
  const area = areaWhere(f);
  return { AND: [taskScope(actor), f.partner ? { partnerId: f.partner } : {}, Object.keys(area).length ? { hazardAreas: { some: { hazardArea: area } } } : {}] };
}

function hazardAreasWhere(actor: Actor, f: ExportFilter): Prisma.HazardAreaWhereInput {
  return { AND: [hazardAreaScope(actor), areaWhere(f), f.partner ? { tasks: { some: { task: { partnerId: f.partner } } } } : {}] };
}

/** Rows in id order, BATCH at a time, so a national table never sits in memory at once. */
async function* batches<T extends { id: string }>(read: (page: { take: number; orderBy: { id: "asc" }; cursor?: { id: string }; skip?: number }) => Promise<T[]>): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await read({ take: BATCH, orderBy: { id: "asc" }, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    cursor = rows.at(-1)!.id;
  }
}

async function collect<T>(source: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const rows of source) all.push(...rows);
  return all;
}

// ---------------------------------------------------------------- tables

const REPORT_SELECT = {
  id: true, status: true, method: true, periodStart: true, periodEnd: true, submittedAt: true, reviewedAt: true,
  submittedAreaM2: true, outsideHazardM2: true, alreadyReleasedM2: true, countedAreaM2: true, supersedesId: true,
  task: { select: { code: true } },
  hazardArea: { select: { code: true, governoratePcode: true, governorate: { select: { nameEn: true, region: true } } } },
  partner: { select: { name: true } },
  devices: { select: { count: true } },
} satisfies Prisma.LandReleaseReportSelect;
type ReportRow = Prisma.LandReleaseReportGetPayload<{ select: typeof REPORT_SELECT }>;


const REPORTS: TableSpec<ReportRow> = {
  name: "reports",
  title: "Land release reports",
  columns: [
    { header: "reportId", hxl: "#meta+id", type: "string", value: (r) => r.id, width: 28 },
    { header: "status", hxl: "#status", type: "string", value: (r) => r.status.toLowerCase() },
    { header: "method", hxl: "#activity+type", type: "string", value: (r) => r.method.toLowerCase() },
    { header: "taskCode", hxl: "#activity+code", type: "string", value: (r) => r.task.code, width: 18 },
    { header: "hazardAreaCode", hxl: "#loc+hazard+code", type: "string", value: (r) => r.hazardArea.code, width: 18 },
    { header: "governoratePcode", hxl: "#adm1+code", type: "string", value: (r) => r.hazardArea.governoratePcode },
    { header: "governorate", hxl: "#adm1+name", type: "string", value: (r) => r.hazardArea.governorate.nameEn, width: 16 },
    { header: "region", hxl: "#region+name", type: "string", value: (r) => r.hazardArea.governorate.region.toLowerCase() },
    { header: "partner", hxl: "#org+impl", type: "string", value: (r) => r.partner.name, width: 28 },
    { header: "periodStart", hxl: "#date+start", type: "date", value: (r) => r.periodStart },
    { header: "periodEnd", hxl: "#date+end", type: "date", value: (r) => r.periodEnd },
    { header: "submittedAt", hxl: "#date+reported", type: "datetime", value: (r) => r.submittedAt, width: 18 },
    { header: "reviewedAt", hxl: "#date+reviewed", type: "datetime", value: (r) => r.reviewedAt, width: 18 },
    { header: "submittedAreaM2", hxl: "#output+area+submitted", type: "number", value: (r) => r.submittedAreaM2, width: 16 },
    { header: "outsideHazardM2", hxl: "#output+area+outside", type: "number", value: (r) => r.outsideHazardM2, width: 16 },
    { header: "alreadyReleasedM2", hxl: "#output+area+previous", type: "number", value: (r) => r.alreadyReleasedM2, width: 16 },
    // Counted only while approved: a superseded report's figure left the totals with its correction, so a
    // status=all export adds up to the dashboard too.
    { header: "countedAreaM2", hxl: "#output+area+counted", type: "number", value: (r) => (r.status === "APPROVED" ? r.countedAreaM2 : null), width: 16 },
    { header: "devicesDestroyed", hxl: "#output+devices", type: "integer", value: (r) => r.devices.reduce((s, d) => s + d.count, 0) },
    { header: "supersedesReportId", hxl: "#meta+id+supersedes", type: "string", value: (r) => r.supersedesId, width: 28 },
  ],
};

const DEVICE_SELECT = {
  id: true, category: true, count: true,
  report: { select: { id: true, status: true, periodEnd: true, task: { select: { code: true } }, hazardArea: { select: { code: true, governoratePcode: true } }, partner: { select: { name: true } } } },
} satisfies Prisma.DeviceFoundSelect;
type DeviceRow = Prisma.DeviceFoundGetPayload<{ select: typeof DEVICE_SELECT }>;

const DEVICES: TableSpec<DeviceRow> = {
  name: "devices",
  title: "Devices destroyed",
  columns: [
    { header: "reportId", hxl: "#meta+id", type: "string", value: (d) => d.report.id, width: 28 },
    { header: "reportStatus", hxl: "#status", type: "string", value: (d) => d.report.status.toLowerCase() },
    { header: "taskCode", hxl: "#activity+code", type: "string", value: (d) => d.report.task.code, width: 18 },
    { header: "hazardAreaCode", hxl: "#loc+hazard+code", type: "string", value: (d) => d.report.hazardArea.code, width: 18 },
    { header: "governoratePcode", hxl: "#adm1+code", type: "string", value: (d) => d.report.hazardArea.governoratePcode },
    { header: "partner", hxl: "#org+impl", type: "string", value: (d) => d.report.partner.name, width: 28 },
    { header: "periodEnd", hxl: "#date+end", type: "date", value: (d) => d.report.periodEnd },
    { header: "category", hxl: "#item+type", type: "string", value: (d) => d.category.toLowerCase(), width: 22 },
    { header: "count", hxl: "#output+devices", type: "integer", value: (d) => d.count },
  ],
};

const TASK_SELECT = {
  id: true, code: true, title: true, status: true, priority: true, plannedStart: true, plannedEnd: true, createdAt: true,
  authority: { select: { name: true } },
  partner: { select: { name: true } },
  hazardAreas: { select: { hazardArea: { select: { code: true, areaM2: true } } } },
  reports: { where: { status: "APPROVED" }, select: { countedAreaM2: true } },
} satisfies Prisma.TaskSelect;
type TaskRow = Prisma.TaskGetPayload<{ select: typeof TASK_SELECT }>;

const TASKS: TableSpec<TaskRow> = {
  name: "tasks",
  title: "Tasks",
  columns: [
    { header: "taskCode", hxl: "#activity+code", type: "string", value: (t) => t.code, width: 18 },
    { header: "title", hxl: "#activity+name", type: "string", value: (t) => t.title, width: 36 },
    { header: "status", hxl: "#status", type: "string", value: (t) => t.status.toLowerCase() },
    { header: "priority", hxl: "#priority", type: "integer", value: (t) => t.priority },
    { header: "authority", hxl: "#org+authority", type: "string", value: (t) => t.authority.name, width: 28 },
    { header: "partner", hxl: "#org+impl", type: "string", value: (t) => t.partner?.name ?? null, width: 28 },
    { header: "hazardAreaCodes", hxl: "#loc+hazard+code", type: "string", value: (t) => t.hazardAreas.map((h) => h.hazardArea.code).join(";"), width: 24 },
    { header: "hazardAreaM2", hxl: "#targeted+area", type: "number", value: (t) => t.hazardAreas.reduce((s, h) => s + h.hazardArea.areaM2, 0), width: 16 },
    { header: "releasedM2", hxl: "#output+area+counted", type: "number", value: (t) => t.reports.reduce((s, r) => s + r.countedAreaM2, 0), width: 16 },
    { header: "plannedStart", hxl: "#date+start", type: "date", value: (t) => t.plannedStart },
    { header: "plannedEnd", hxl: "#date+end", type: "date", value: (t) => t.plannedEnd },
    { header: "createdAt", hxl: "#date+created", type: "datetime", value: (t) => t.createdAt, width: 18 },
  ],
};

const GRANT_SELECT = {
  id: true, code: true, title: true, fiscalYear: true, periodStart: true, periodEnd: true, region: true, amountMinor: true, currency: true, amountUsdCents: true, source: true,
  donor: { select: { name: true } },
  partner: { select: { name: true } },
  transactions: { select: { type: true, amountUsdCents: true } },
} satisfies Prisma.GrantSelect;
type GrantRow = Prisma.GrantGetPayload<{ select: typeof GRANT_SELECT }>;

// Money is held in integer hundredths of its currency (lib/domain/funding-import.ts).
const money = (minor: bigint) => Number(minor) / 100;

const GRANTS: TableSpec<GrantRow> = {
  name: "grants",
  title: "Grants",
  columns: [
    { header: "grantCode", hxl: "#activity+code+grant", type: "string", value: (g) => g.code, width: 22 },
    { header: "title", hxl: "#activity+name", type: "string", value: (g) => g.title, width: 36 },
    { header: "donor", hxl: "#org+funder", type: "string", value: (g) => g.donor.name, width: 28 },
    { header: "partner", hxl: "#org+impl", type: "string", value: (g) => g.partner?.name ?? null, width: 28 },
    { header: "fiscalYear", hxl: "#date+year", type: "integer", value: (g) => g.fiscalYear },
    { header: "periodStart", hxl: "#date+start", type: "date", value: (g) => g.periodStart },
    { header: "periodEnd", hxl: "#date+end", type: "date", value: (g) => g.periodEnd },
    { header: "region", hxl: "#region+name", type: "string", value: (g) => g.region?.toLowerCase() ?? null },
    { header: "amount", hxl: "#value", type: "number", value: (g) => money(g.amountMinor), width: 16 },
    { header: "currency", hxl: "#currency", type: "string", value: (g) => g.currency },
    { header: "amountUsd", hxl: "#value+usd", type: "number", value: (g) => money(g.amountUsdCents), width: 16 },
    { header: "committedUsd", hxl: "#value+usd+committed", type: "number", value: (g) => money(moneyFlow(g.transactions).committedCents), width: 16 },
    { header: "disbursedUsd", hxl: "#value+usd+disbursed", type: "number", value: (g) => money(moneyFlow(g.transactions).disbursedCents), width: 16 },
    { header: "spentUsd", hxl: "#value+usd+spent", type: "number", value: (g) => money(moneyFlow(g.transactions).spentCents), width: 16 },
    { header: "source", hxl: "#meta+source", type: "string", value: (g) => g.source, width: 36 },
  ],
};

const TRANSACTION_SELECT = {
  id: true, type: true, date: true, amountMinor: true, currency: true, amountUsdCents: true, description: true, source: true,
  donor: { select: { name: true } },
  grant: { select: { code: true, partner: { select: { name: true } } } },
} satisfies Prisma.FundingTransactionSelect;
type TransactionRow = Prisma.FundingTransactionGetPayload<{ select: typeof TRANSACTION_SELECT }>;

const TRANSACTIONS: TableSpec<TransactionRow> = {
  name: "transactions",
  title: "Funding transactions",
  columns: [
    { header: "grantCode", hxl: "#activity+code+grant", type: "string", value: (t) => t.grant?.code ?? null, width: 22 },
    { header: "donor", hxl: "#org+funder", type: "string", value: (t) => t.donor.name, width: 28 },
    { header: "partner", hxl: "#org+impl", type: "string", value: (t) => t.grant?.partner?.name ?? null, width: 28 },
    { header: "type", hxl: "#indicator+type", type: "string", value: (t) => t.type.toLowerCase(), width: 20 },
    { header: "iatiTransactionType", hxl: "#indicator+type+code", type: "string", value: (t) => IATI_TRANSACTION_TYPE[t.type] },
    { header: "date", hxl: "#date", type: "date", value: (t) => t.date },
    { header: "amount", hxl: "#value", type: "number", value: (t) => money(t.amountMinor), width: 16 },
    { header: "currency", hxl: "#currency", type: "string", value: (t) => t.currency },
    { header: "amountUsd", hxl: "#value+usd", type: "number", value: (t) => money(t.amountUsdCents), width: 16 },
    { header: "description", hxl: "#description", type: "string", value: (t) => t.description, width: 36 },
    { header: "source", hxl: "#meta+source", type: "string", value: (t) => t.source, width: 36 },
  ],
};

type Tabular = { spec: TableSpec<never>; count: () => Promise<number>; rows: () => AsyncIterable<never[]> };

async function tabular(db: Db, actor: Actor, dataset: TabularDataset, f: ExportFilter): Promise<Tabular> {
  const as = (spec: TableSpec<unknown>, count: () => Promise<number>, rows: () => AsyncIterable<unknown[]>) => ({ spec, count, rows }) as unknown as Tabular;
  switch (dataset) {
    case "reports": {
      const where = await reportsWhere(db, actor, f);
      return as(REPORTS as TableSpec<unknown>, () => db.landReleaseReport.count({ where }), () => batches((p) => db.landReleaseReport.findMany({ where, select: REPORT_SELECT, ...p })));
    }
    case "devices": {
      const where = { report: await reportsWhere(db, actor, f) };
      return as(DEVICES as TableSpec<unknown>, () => db.deviceFound.count({ where }), () => batches((p) => db.deviceFound.findMany({ where, select: DEVICE_SELECT, ...p })));
    }
    case "tasks": {
      const where = tasksWhere(actor, f);
      return as(TASKS as TableSpec<unknown>, () => db.task.count({ where }), () => batches((p) => db.task.findMany({ where, select: TASK_SELECT, ...p })));
    }
    case "grants": {
      const where = grantsWhere(actor, f);
      return as(GRANTS as TableSpec<unknown>, () => db.grant.count({ where }), () => batches((p) => db.grant.findMany({ where, select: GRANT_SELECT, ...p })));
    }
    case "transactions": {
      const where = transactionsWhere(actor, f);
      return as(TRANSACTIONS as TableSpec<unknown>, () => db.fundingTransaction.count({ where }), () => batches((p) => db.fundingTransaction.findMany({ where, select: TRANSACTION_SELECT, ...p })));
    }
    case "risk-education": {
      // The list's scope (a partner its own sessions), then the view's place, period and partner.
      const where: Prisma.RiskEducationSessionWhereInput = { AND: [riskEducationScope(actor), placeAndPeriod(f, "heldOn"), f.partner ? { partnerId: f.partner } : {}] };
      return as(SESSIONS as TableSpec<unknown>, () => db.riskEducationSession.count({ where }), () => batches((p) => db.riskEducationSession.findMany({ where, select: SESSION_SELECT, ...p })));
    }
    case "casualties": {
      const where: Prisma.CasualtyIncidentWhereInput = { ...IN_FORCE, ...placeAndPeriod(f, "occurredOn") };
      return as(CASUALTIES as TableSpec<unknown>, () => db.casualtyIncident.count({ where }), () => batches((p) => db.casualtyIncident.findMany({ where, select: CASUALTY_SELECT, ...p })));
    }
  }
}

// ------------------------------------------------- risk education, casualties

/** The view's place and period on a record held by governorate and date. */
function placeAndPeriod(f: ExportFilter, dateField: "heldOn" | "occurredOn") {
  return {
    ...(f.governorate ? { governoratePcode: f.governorate } : {}),
    ...(f.region ? { governorate: { region: f.region === "kurdistan" ? ("KURDISTAN" as const) : ("FEDERAL" as const) } } : {}),
    ...(f.from || f.to ? { [dateField]: { ...(f.from ? { gte: day(f.from) } : {}), ...(f.to ? { lte: day(f.to) } : {}) } } : {}),
  };
}

const SESSION_SELECT = {
  id: true, heldOn: true, governoratePcode: true, place: true, women: true, men: true, girls: true, boys: true, createdAt: true, supersedesId: true, correctionNote: true, partner: { select: { name: true } },
} satisfies Prisma.RiskEducationSessionSelect;
type SessionRow = Prisma.RiskEducationSessionGetPayload<{ select: typeof SESSION_SELECT }>;

const SESSIONS: TableSpec<SessionRow> = {
  name: "risk-education",
  title: "Risk education sessions",
  columns: [
    { header: "sessionId", hxl: "#meta+id", type: "string", value: (s) => s.id, width: 28 },
    { header: "heldOn", hxl: "#date", type: "date", value: (s) => s.heldOn },
    { header: "governoratePcode", hxl: "#adm1+code", type: "string", value: (s) => s.governoratePcode },
    { header: "place", hxl: "#loc+name", type: "string", value: (s) => s.place, width: 28 },
    { header: "partner", hxl: "#org+impl", type: "string", value: (s) => s.partner.name, width: 28 },
    { header: "women", hxl: "#reached+f+adults", type: "integer", value: (s) => s.women },
    { header: "men", hxl: "#reached+m+adults", type: "integer", value: (s) => s.men },
    { header: "girls", hxl: "#reached+f+children", type: "integer", value: (s) => s.girls },
    { header: "boys", hxl: "#reached+m+children", type: "integer", value: (s) => s.boys },
    { header: "total", hxl: "#reached+total", type: "integer", value: (s) => s.women + s.men + s.girls + s.boys },
    { header: "corrects", hxl: "#meta+id+corrects", type: "string", value: (s) => s.supersedesId, width: 28 },
    { header: "correctionNote", hxl: "#description+correction", type: "string", value: (s) => s.correctionNote, width: 40 },
  ],
};

const CASUALTY_SELECT = {
  id: true, occurredOn: true, governoratePcode: true, place: true, deviceCategory: true,
  killedWomen: true, killedMen: true, killedGirls: true, killedBoys: true, injuredWomen: true, injuredMen: true, injuredGirls: true, injuredBoys: true,
  supersedesId: true, correctionNote: true, authority: { select: { name: true } },
} satisfies Prisma.CasualtyIncidentSelect;
type CasualtyRow = Prisma.CasualtyIncidentGetPayload<{ select: typeof CASUALTY_SELECT }>;

const CASUALTIES: TableSpec<CasualtyRow> = {
  name: "casualties",
  title: "Casualties",
  columns: [
    { header: "accidentId", hxl: "#meta+id", type: "string", value: (c) => c.id, width: 28 },
    { header: "occurredOn", hxl: "#date+incident", type: "date", value: (c) => c.occurredOn },
    { header: "governoratePcode", hxl: "#adm1+code", type: "string", value: (c) => c.governoratePcode },
    { header: "place", hxl: "#loc+name", type: "string", value: (c) => c.place, width: 28 },
    { header: "device", hxl: "#item+type", type: "string", value: (c) => c.deviceCategory.toLowerCase(), width: 22 },
    { header: "killedWomen", hxl: "#affected+killed+f+adults", type: "integer", value: (c) => c.killedWomen },
    { header: "killedMen", hxl: "#affected+killed+m+adults", type: "integer", value: (c) => c.killedMen },
    { header: "killedGirls", hxl: "#affected+killed+f+children", type: "integer", value: (c) => c.killedGirls },
    { header: "killedBoys", hxl: "#affected+killed+m+children", type: "integer", value: (c) => c.killedBoys },
    { header: "injuredWomen", hxl: "#affected+injured+f+adults", type: "integer", value: (c) => c.injuredWomen },
    { header: "injuredMen", hxl: "#affected+injured+m+adults", type: "integer", value: (c) => c.injuredMen },
    { header: "injuredGirls", hxl: "#affected+injured+f+children", type: "integer", value: (c) => c.injuredGirls },
    { header: "injuredBoys", hxl: "#affected+injured+m+children", type: "integer", value: (c) => c.injuredBoys },
    { header: "recordedBy", hxl: "#org+authority", type: "string", value: (c) => c.authority.name, width: 28 },
    { header: "corrects", hxl: "#meta+id+corrects", type: "string", value: (c) => c.supersedesId, width: 28 },
    { header: "correctionNote", hxl: "#description+correction", type: "string", value: (c) => c.correctionNote, width: 40 },
  ],
};

// ---------------------------------------------------------------- areas

async function spatialFeatures(db: Db, actor: Actor, dataset: SpatialDataset, f: ExportFilter): Promise<{ count: () => Promise<number>; features: () => AsyncIterable<SpatialFeature[]> }> {
  if (dataset === "hazard-areas") {
    const where = hazardAreasWhere(actor, f);
    const select = { id: true, code: true, name: true, kind: true, landUse: true, priorityRank: true, governoratePcode: true, areaM2: true, releasedM2: true, geometry: true, governorate: { select: { nameEn: true, region: true } }, authority: { select: { name: true } } } as const;
    return {
      count: () => db.hazardArea.count({ where }),
      features: async function* () {
        for await (const rows of batches((p) => db.hazardArea.findMany({ where, select, ...p }))) {
          yield rows.map((h) => ({
            type: "Feature" as const,
            geometry: h.geometry as unknown as Polygon | MultiPolygon,
            // Field names fit a shapefile's 10 characters.
            properties: {
              code: h.code, name: h.name, pcode: h.governoratePcode, governor: h.governorate.nameEn, region: h.governorate.region.toLowerCase(), authority: h.authority.name,
              kind: h.kind.toLowerCase(), land_use: h.landUse.toLowerCase(), priority: h.priorityRank, area_m2: m2(h.areaM2), rel_m2: m2(h.releasedM2), remain_m2: m2(Math.max(0, h.areaM2 - h.releasedM2)),
            },
          }));
        }
      },
    };
  }
  const where: Prisma.LandReleaseReportWhereInput = { AND: [await approvedWhere(db, f), { countedGeometry: { not: Prisma.DbNull } }] };
  const select = { id: true, method: true, periodEnd: true, countedAreaM2: true, countedGeometry: true, task: { select: { code: true } }, hazardArea: { select: { code: true, governoratePcode: true } }, partner: { select: { name: true } } } as const;
  return {
    count: () => db.landReleaseReport.count({ where }),
    features: async function* () {
      for await (const rows of batches((p) => db.landReleaseReport.findMany({ where, select, ...p }))) {
        yield rows.map((r) => ({
            type: "Feature" as const,
            geometry: r.countedGeometry as unknown as Polygon | MultiPolygon,
            properties: { name: `${r.hazardArea.code} ${r.method.toLowerCase()} ${r.periodEnd.toISOString().slice(0, 10)}`, report_id: r.id, task: r.task.code, hazard: r.hazardArea.code, pcode: r.hazardArea.governoratePcode, method: r.method.toLowerCase(), period_end: r.periodEnd.toISOString().slice(0, 10), counted_m2: r.countedAreaM2, partner: r.partner.name },
          }));
      }
    },
  };
}

// ---------------------------------------------------------------- reports

const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** The monthly progress report's figures: the month itself, and everything up to its end, for the view. */
async function progressReport(db: Db, actor: Actor & { name?: string }, f: ExportFilter, now: Date) {
  const month = f.month ?? addMonths(programmeDay(now).slice(0, 7), -1);
  const view: ProgressFilter = { region: f.region, governorate: f.governorate, partner: f.partner, contamination: f.contamination, landUse: f.landUse };
  const [inMonth, toDate, governorates, partner] = await Promise.all([
    getDashboard(db, { ...view, from: `${month}-01`, to: lastDay(month) }),
    getDashboard(db, { ...view, to: lastDay(month) }),
    db.governorate.findMany({ orderBy: { nameEn: "asc" }, select: { pcode: true, nameEn: true, region: true, boundary: true } }),
    f.partner ? db.organisation.findUnique({ where: { id: f.partner }, select: { name: true } }) : null,
  ]);
  const where = await drillDownWhere(db, { ...view, month });
  const [reports, total] = await Promise.all([
    db.landReleaseReport.findMany({ where, orderBy: [{ countedAreaM2: "desc" }, { id: "asc" }], take: 60, select: { method: true, periodEnd: true, countedAreaM2: true, task: { select: { code: true } }, hazardArea: { select: { code: true } }, partner: { select: { name: true } } } }),
    db.landReleaseReport.aggregate({ where, _count: true, _sum: { countedAreaM2: true } }),
  ]);
  const remaining = new Map(toDate.byGovernorate.map((g) => [g.pcode, g.remainingM2]));
  const inScope = (g: { pcode: string; region: string }) => (!f.region || g.region === f.region.toUpperCase()) && (!f.governorate || g.pcode === f.governorate);
  const scope = [
    f.governorate ? governorates.find((g) => g.pcode === f.governorate)?.nameEn : f.region === "kurdistan" ? "Kurdistan Region" : f.region === "federal" ? "Federal Iraq" : "All of Iraq",
    partner && `partner ${partner.name}`,
    f.contamination && `contamination ${f.contamination.replaceAll("_", " ")}`,
    f.landUse && `land use ${f.landUse.replaceAll("_", " ")}`,
  ].filter(Boolean).join(", ");
  const pdf = await progressReportPdf({
    month,
    scope,
    generatedAt: now,
    generatedBy: actor.name ?? actor.role.toLowerCase(),
    baseline: { m2: toDate.baselineM2, source: toDate.baselineSource?.source ?? "registered hazardous areas", asOf: toDate.baselineSource?.asOf ?? "", basis: toDate.baselineBasis },
    inMonth: { releasedM2: inMonth.releasedM2, devices: inMonth.devices, byGovernorate: inMonth.byGovernorate.map((g) => ({ name: g.nameEn, releasedM2: g.releasedM2 })) },
    toDate: { releasedM2: toDate.releasedToDateM2, remainingM2: toDate.remainingM2, fractionReleased: toDate.fractionReleased, completionYear: toDate.projection.completionYear, decadesAway: toDate.projection.decadesAway, trailing12M2: toDate.projection.trailing12M2 },
    monthly: toDate.monthly.slice(-12).map((m) => ({ month: m.month, values: { cancelled: m.cancelled, reduced: m.reduced, cleared: m.cleared } })),
    burnDown: toDate.burnDown,
    governorates: governorates.map((g) => ({ name: g.nameEn, boundary: g.boundary as unknown as Polygon | MultiPolygon, remainingM2: remaining.get(g.pcode) ?? 0, inScope: inScope(g) })),
    reports: reports.map((r) => ({ task: r.task.code, hazardArea: r.hazardArea.code, partner: r.partner.name, method: r.method.toLowerCase() as "cancelled", periodEnd: r.periodEnd, countedM2: r.countedAreaM2 })),
    reportsTotal: { count: total._count, m2: total._sum.countedAreaM2 ?? 0 },
  });
  return { pdf, rows: total._count, month };
}

async function completionReport(db: Db, actor: Actor, f: ExportFilter, now: Date) {
  if (!f.task) throw new CommandError("invalid_request", refusal("sayWhichTask"));
  const task = await getTaskCompletion(db, actor, f.task);
  if (!task) throw new CommandError("not_found", refusal("noSuchVisibleTask"));
  const c = task.completion;
  if (!c) throw new CommandError("unprocessable", refusal("noCompletionReport", { code: task.code }));
  const pdf = await completionReportPdf({
    task: { code: task.code, title: task.title, authority: task.authority.name, partner: task.partner?.name ?? "" },
    completion: {
      completedOn: c.completedOn, clearanceDepthCm: c.clearanceDepthCm, qaNotes: c.qaNotes, geometry: c.geometry as unknown as Polygon | MultiPolygon | null,
      handedOverOn: c.handoverDate, recipient: c.recipient,
      attendees: c.handoverDate ? { women: c.attendeesWomen, men: c.attendeesMen, girls: c.attendeesGirls, boys: c.attendeesBoys } : null,
    },
    hazardAreas: task.hazardAreas.map((h) => ({ code: h.code, name: h.name, kind: h.kind, governorate: `${h.governorate.nameEn} (${h.governorate.pcode})`, areaM2: h.areaM2, releasedM2: h.releasedM2, geometry: h.geometry as unknown as Polygon | MultiPolygon })),
    releasedByMethod: { cancelled: task.releasedByMethod.CANCELLED, reduced: task.releasedByMethod.REDUCED, cleared: task.releasedByMethod.CLEARED },
    devices: task.devices,
    generatedAt: now,
  });
  return { pdf, code: task.code };
}

/**
 * Organisations have no registered IATI identifier in this app yet: each
 * gets a stable reference from its id under a private prefix, to be
 * replaced by the organisation's own (e.g. XM-DAC-5-7 for Germany) once recorded.
 */
const iatiOrg = (o: { id: string; name: string }, type?: string): IatiOrganisation => ({ ref: `XI-MINEACTION-${o.id}`, name: o.name, ...(type ? { type } : {}) });

async function iatiReport(db: Db, actor: Actor, f: ExportFilter, now: Date) {
  const grants = await db.grant.findMany({
    where: grantsWhere(actor, f),
    orderBy: [{ fiscalYear: "asc" }, { code: "asc" }],
    select: {
      code: true, title: true, fiscalYear: true, periodStart: true, periodEnd: true, createdAt: true,
      donor: { select: { id: true, name: true } },
      partner: { select: { id: true, name: true } },
      transactions: { orderBy: { date: "asc" }, select: { type: true, date: true, amountMinor: true, currency: true, description: true, createdAt: true } },
    },
  });
  // The schema requires at least one iati-activity: a file without one would be refused by every IATI tool.
  if (!grants.length) {
    throw new CommandError("not_found", refusal("iatiEmpty"));
  }
  const reporter = await db.organisation.findUniqueOrThrow({ where: { id: actor.organisationId }, select: { id: true, name: true } });
  // Money is held in hundredths of its currency; IATI wants the decimal amount.
  const decimal = (minor: bigint) => `${minor < 0n ? "-" : ""}${(minor < 0n ? -minor : minor) / 100n}.${((minor < 0n ? -minor : minor) % 100n).toString().padStart(2, "0")}`;
  const xml = iatiActivitiesXml(
    grants.map((g) => ({
      code: g.code, title: g.title, fiscalYear: g.fiscalYear, periodStart: g.periodStart, periodEnd: g.periodEnd,
      lastUpdated: [g.createdAt, ...g.transactions.map((t) => t.createdAt)].reduce((a, b) => (b > a ? b : a)),
      donor: iatiOrg(g.donor),
      partner: g.partner ? iatiOrg(g.partner) : null,
      transactions: g.transactions.map((t) => ({ type: t.type, date: t.date, amount: decimal(t.amountMinor), currency: t.currency, description: t.description })),
    })),
    // IATI OrganisationType: 10 government (the national authorities), 90 other where the app does not know.
    iatiOrg(reporter, actor.role === "AUTHORITY" ? "10" : "90"),
    now,
  );
  return { xml, rows: grants.length };
}

// ---------------------------------------------------------------- files

export type ExportResponse = { body: ReadableStream<Uint8Array> | Uint8Array; contentType: string; fileName: string; rows: number };

/** What the file holds and when, e.g. `reports_approved_kurdistan_2025-01-01_to_2025-12-31_as-of_2026-11-26.csv`. */
export function exportFileName(file: ExportFile, f: ExportFilter, asOf: Date): string {
  const [dataset, format] = [file.slice(0, file.lastIndexOf(".")), file.slice(file.lastIndexOf(".") + 1)];
  const parts = [
    dataset,
    ["reports", "devices", "tables"].includes(dataset) ? f.status : undefined,
    f.task && `task-${f.task}`,
    f.region, f.governorate, f.partner && `partner-${f.partner}`, f.donor && `donor-${f.donor}`, f.contamination, f.landUse,
    f.from || f.to ? `${f.from ?? "start"}_to_${f.to ?? "today"}` : undefined,
    `as-of_${programmeDay(asOf)}`,
  ];
  // Only safe characters: the name goes into a Content-Disposition header and a file system.
  return `${parts.filter(Boolean).join("_").replace(/[^A-Za-z0-9._-]/g, "-")}.${format}`;
}

const encoder = new TextEncoder();

function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/**
 * The rest of an export after its first `from` bytes, when those bytes are
 * the ones the caller already has (their SHA-256, hex); null when they are
 * not (the data changed since), and the caller starts again. The export is
 * made afresh and the prefix read and checked on the server, so on a weak
 * connection a dropped download costs server time, not the bytes again.
 */
export async function resumeAfter(body: ReadableStream<Uint8Array> | Uint8Array, from: number, sha256: string): Promise<ReadableStream<Uint8Array> | Uint8Array | null> {
  const digest = createHash("sha256");
  if (body instanceof Uint8Array) {
    if (body.byteLength < from) return null;
    return digest.update(body.subarray(0, from)).digest("hex") === sha256 ? body.subarray(from) : null;
  }
  const reader = body.getReader();
  let seen = 0;
  let rest: Uint8Array | null = null;
  while (seen < from) {
    const { done, value } = await reader.read();
    if (done) break;
    const take = Math.min(value.byteLength, from - seen);
    digest.update(value.subarray(0, take));
    seen += take;
    if (take < value.byteLength) rest = value.subarray(take);
  }
  if (seen < from || digest.digest("hex") !== sha256) {
    await reader.cancel();
    return null;
  }
  return new ReadableStream({
    start(controller) {
      if (rest?.byteLength) controller.enqueue(rest);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

async function* geojsonChunks(features: AsyncIterable<SpatialFeature[]>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const batch of features) {
    for (const feature of batch) {
      yield (first ? "" : ",") + JSON.stringify(feature);
      first = false;
    }
  }
  yield "]}\n";
}

function refuseLarge(count: number, max: number, what: "rows" | "areas") {
  if (count > max) throw new CommandError("unprocessable", refusal(what === "rows" ? "tooManyRows" : "tooManyAreas", { count, max }));
}

/**
 * Builds an export for the caller, or refuses it (403 for a dataset the
 * role may not read, 422 for a file too large for its format). The export
 * is recorded in the audit trail with its filters and row count.
 */
export async function buildExport(db: Db, actor: Actor & { name?: string }, file: ExportFile, f: ExportFilter, now = new Date()): Promise<ExportResponse> {
  if (file === "progress.pdf") {
    const { pdf, rows, month } = await progressReport(db, actor, f, now);
    const fileName = exportFileName(`progress-report-${month}.pdf` as ExportFile, { ...f, from: undefined, to: undefined, status: "approved" }, now);
    await recordAuditEvent(db, { actorUserId: actor.id, action: "export", entityType: "Export", entityId: file, after: { file: fileName, filter: f, rows } });
    return { body: pdf, contentType: "application/pdf", fileName, rows };
  }
  if (file === "completion.pdf") {
    if (!can(actor, "task:read")) throw new CommandError("forbidden", refusal("roleMayNotReadTasks", { role: roleWord(actor.role) }));
    const { pdf, code } = await completionReport(db, actor, f, now);
    const fileName = `completion-report_${code}_as-of_${programmeDay(now)}.pdf`.replace(/[^A-Za-z0-9._-]/g, "-");
    await recordAuditEvent(db, { actorUserId: actor.id, action: "export", entityType: "Export", entityId: file, after: { file: fileName, task: f.task, rows: 1 } });
    return { body: pdf, contentType: "application/pdf", fileName, rows: 1 };
  }
  if (file === "iati.xml") {
    if (!can(actor, "funding:read")) throw new CommandError("forbidden", refusal("roleMayNotExportGrants", { role: roleWord(actor.role) }));
    const { xml, rows } = await iatiReport(db, actor, f, now);
    const fileName = exportFileName(file, f, now);
    await recordAuditEvent(db, { actorUserId: actor.id, action: "export", entityType: "Export", entityId: file, after: { file: fileName, filter: f, rows } });
    return { body: encoder.encode(xml), contentType: "application/xml; charset=utf-8", fileName, rows };
  }
  const dot = file.lastIndexOf(".");
  const dataset = file.slice(0, dot) as TabularDataset | SpatialDataset | "tables";
  const format = file.slice(dot + 1) as "csv" | "xlsx" | "geojson" | "kml" | "zip";
  const fileName = exportFileName(file, f, now);
  if (dataset !== "tables" && !can(actor, DATASET_PERMISSION[dataset])) {
    throw new CommandError("forbidden", refusal("roleMayNotExport", { role: roleWord(actor.role), dataset, permission: DATASET_PERMISSION[dataset] }));
  }
  const audit = (rows: number) => recordAuditEvent(db, { actorUserId: actor.id, action: "export", entityType: "Export", entityId: file, after: { file: fileName, filter: f, rows } });

  if (format === "csv" || format === "xlsx") {
    const datasets = dataset === "tables" ? TABULAR.filter((d) => can(actor, DATASET_PERMISSION[d])) : [dataset as TabularDataset];
    const tables = await Promise.all(datasets.map((d) => tabular(db, actor, d, f)));
    const counted = await Promise.all(tables.map((t) => t.count()));
    const rows = counted.reduce((s, n) => s + n, 0);
    if (format === "csv") {
      await audit(rows);
      return { body: streamOf(csvChunks(tables[0]!.spec, tables[0]!.rows(), { hxl: f.hxl === "1" })), contentType: "text/csv; charset=utf-8", fileName, rows };
    }
    refuseLarge(rows, XLSX_MAX_ROWS, "rows");
    const sheets: SheetOf<never>[] = [];
    for (const t of tables) sheets.push({ spec: t.spec, rows: await collect(t.rows()) });
    await audit(rows);
    return { body: new Uint8Array(await xlsxWorkbook(sheets)), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName, rows };
  }

  const source = await spatialFeatures(db, actor, dataset as SpatialDataset, f);
  const rows = await source.count();
  if (format === "geojson") {
    await audit(rows);
    return { body: streamOf(geojsonChunks(source.features())), contentType: "application/geo+json", fileName, rows };
  }
  refuseLarge(rows, SPATIAL_MAX_FEATURES, "areas");
  const features = await collect(source.features());
  await audit(rows);
  if (format === "kml") return { body: encoder.encode(kmlText(features)), contentType: "application/vnd.google-earth.kml+xml", fileName, rows };
  if (!features.length) throw new CommandError("unprocessable", refusal("emptyShapefile"));
  return { body: await shapefileZip(dataset.replace("-", "_"), features), contentType: "application/zip", fileName, rows };
}
