// The monthly progress report as a PDF: the month's figures and everything
// up to its end, for the view, from the same records as the dashboard.
import "server-only";
import type { MultiPolygon, Polygon } from "geojson";
import { createTranslator } from "next-intl";
import { programmeDay } from "@/lib/domain/calendar";
import { addMonths } from "@/lib/domain/projection";
import { progressReportPdf } from "@/lib/exports/reports-pdf";
import en from "@/lib/i18n/messages/en.json";
import { type DashboardWords, projectionSentences } from "@/lib/i18n/projection-sentences";
import { contaminationWord, landUseWord, roleWord } from "@/lib/i18n/words";
import type { ExportFile, ExportFilter } from "@/lib/schemas/export-filter";
import type { ProgressFilter } from "@/lib/schemas/progress-filter";
import { regionValue } from "@/lib/server/filters";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { sumReports } from "@/lib/server/queries/land-release";
import { drillDownWhere, getDashboard } from "@/lib/server/queries/progress";
import { type ExportResponse, exportFileName, filterNames } from "./file-name";

/** The report is in English: the dashboard's own sentences, so the two say the same. */
const ENGLISH = createTranslator({ locale: "en", messages: en, namespace: "dashboard" }) as unknown as DashboardWords;

const lastDay = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** The monthly progress report's figures: the month itself, and everything up to its end, for the view. */
export async function progressPdf(
  db: Db,
  actor: Actor & { name?: string },
  f: ExportFilter,
  now: Date,
): Promise<ExportResponse> {
  const month = f.month ?? addMonths(programmeDay(now).slice(0, 7), -1);
  const view: ProgressFilter = {
    region: f.region,
    governorate: f.governorate,
    partner: f.partner,
    contamination: f.contamination,
    landUse: f.landUse,
  };
  const [inMonth, toDate, governorates, partner, names] = await Promise.all([
    getDashboard(db, { ...view, from: `${month}-01`, to: lastDay(month) }),
    getDashboard(db, { ...view, to: lastDay(month) }),
    db.governorate.findMany({
      orderBy: { nameEn: "asc" },
      select: { pcode: true, nameEn: true, region: true, boundary: true },
    }),
    f.partner ? db.organisation.findUnique({ where: { id: f.partner }, select: { name: true } }) : null,
    filterNames(db, f),
  ]);
  const where = await drillDownWhere(db, { ...view, month });
  const [reports, total] = await Promise.all([
    db.landReleaseReport.findMany({
      where,
      orderBy: [{ countedAreaM2: "desc" }, { id: "asc" }],
      take: 60,
      select: {
        method: true,
        periodEnd: true,
        countedAreaM2: true,
        task: { select: { code: true } },
        hazardArea: { select: { code: true } },
        partner: { select: { name: true } },
      },
    }),
    sumReports(db, where),
  ]);
  const remaining = new Map(toDate.byGovernorate.map((g) => [g.pcode, g.remainingM2]));
  const inScope = (g: { pcode: string; region: string }) =>
    (!f.region || g.region === regionValue(f.region)) && (!f.governorate || g.pcode === f.governorate);
  const scope = [
    f.governorate
      ? governorates.find((g) => g.pcode === f.governorate)?.nameEn
      : f.region === "kurdistan"
        ? "Kurdistan Region"
        : f.region === "federal"
          ? "Federal Iraq"
          : "All of Iraq",
    partner && `partner: ${partner.name}`,
    f.contamination && `contamination: ${contaminationWord(f.contamination)("en")}`,
    f.landUse && `land use: ${landUseWord(f.landUse)("en")}`,
  ]
    .filter(Boolean)
    .join(", ");
  const pdf = await progressReportPdf({
    month,
    scope,
    generatedAt: now,
    generatedBy: actor.name ?? roleWord(actor.role)("en"),
    baseline: {
      m2: toDate.baselineM2,
      source: toDate.baselineSource?.source ?? "registered hazardous areas",
      asOf: toDate.baselineSource?.asOf ?? "",
      basis: toDate.baselineBasis,
      nationalEstimateM2: toDate.nationalEstimateM2,
    },
    inMonth: {
      releasedM2: inMonth.releasedM2,
      devices: inMonth.devices,
      byGovernorate: inMonth.byGovernorate.map((g) => ({ name: g.nameEn, releasedM2: g.releasedM2 })),
    },
    toDate: {
      releasedM2: toDate.releasedToDateM2,
      remainingM2: toDate.remainingM2,
      registeredRemainingM2: toDate.registeredRemainingM2,
      unregisteredEstimateM2: toDate.unregisteredEstimateM2,
      fractionReleased: toDate.fractionReleased,
      projection: Object.values(
        projectionSentences(toDate, toDate.projection, toDate.projectionByMethod, ENGLISH, "en"),
      ).filter((s): s is string => s !== null),
    },
    monthly: toDate.monthly
      .slice(-12)
      .map((m) => ({ month: m.month, values: { cancelled: m.cancelled, reduced: m.reduced, cleared: m.cleared } })),
    burnDown: toDate.burnDown,
    governorates: governorates.map((g) => ({
      name: g.nameEn,
      boundary: g.boundary as unknown as Polygon | MultiPolygon,
      remainingM2: remaining.get(g.pcode) ?? 0,
      inScope: inScope(g),
    })),
    reports: reports.map((r) => ({
      task: r.task?.code ?? "",
      hazardArea: r.hazardArea.code,
      partner: r.partner.name,
      method: r.method.toLowerCase() as "cancelled",
      periodEnd: r.periodEnd,
      countedM2: r.countedAreaM2,
    })),
    reportsTotal: { count: total.count, m2: total.countedM2 },
  });
  const fileName = exportFileName(
    `progress-report-${month}.pdf` as ExportFile,
    { ...f, from: undefined, to: undefined, status: "approved" },
    now,
    names,
  );
  return { body: pdf, contentType: "application/pdf", fileName, rows: total.count };
}
