// Exports: the records behind the screens as files a partner, authority or
// donor hands on. Each dataset is read with the same scope as its screen
// (approved figures for everyone, unapproved work only for its partner and
// authority, a donor's own grants) and the dashboard's filters; approved
// reports are selected by the very clause that sums the dashboard's figure,
// so an export's total is the dashboard's. Large tables stream in batches.
// One module per dataset (its select, columns and scope) and per document.
import "server-only";
import { csvChunks } from "@/lib/exports/csv";
import { geojsonChunks, kmlText, shapefileZip } from "@/lib/exports/spatial";
import { collect, streamOf } from "@/lib/exports/stream";
import { type SheetOf, xlsxWorkbook } from "@/lib/exports/xlsx";
import { directionOf, type Locale } from "@/lib/i18n/locales";
import { refusal } from "@/lib/i18n/refusals";
import { roleWord } from "@/lib/i18n/words";
import {
  type ExportFile,
  type ExportFilter,
  type SpatialDataset,
  TABULAR,
  type TabularDataset,
} from "@/lib/schemas/export-filter";
import { CommandError } from "@/lib/server/command-error";
import { type Actor, can, type Permission } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { article7 } from "./article-7";
import { casualties } from "./casualties";
import { forReaders } from "./columns";
import { completionPdf } from "./completion-pdf";
import type { Areas, Dataset, TableDataset } from "./dataset";
import { devices } from "./devices";
import { type ExportResponse, exportFileName, filterNames } from "./file-name";
import { grants } from "./grants";
import { hazardAreas } from "./hazard-areas";
import { iatiXml } from "./iati";
import { progressPdf } from "./progress-pdf";
import { released } from "./released";
import { reports } from "./reports";
import { riskEducation } from "./risk-education";
import { taskAreasGpx, taskAreasKml } from "./task-areas";
import { tasks } from "./tasks";
import { transactions } from "./transactions";

export { type ExportResponse, exportFileName } from "./file-name";

export const TABLES: Record<TabularDataset, TableDataset> = {
  reports,
  devices,
  tasks,
  grants,
  transactions,
  "risk-education": riskEducation,
  casualties,
  "article-7": article7,
};
const AREAS: Record<SpatialDataset, Dataset<Areas>> = { "hazard-areas": hazardAreas, released };

/** Which permission each dataset needs: the same as the screen that shows it. */
export const DATASET_PERMISSION = Object.fromEntries(
  Object.entries({ ...TABLES, ...AREAS }).map(([dataset, d]) => [dataset, d.permission]),
) as Record<TabularDataset | SpatialDataset, Permission>;

/** Documents assembled from several queries, each checking its own permission. */
const DOCUMENTS = {
  "progress.pdf": progressPdf,
  "completion.pdf": completionPdf,
  "task-areas.gpx": taskAreasGpx,
  "task-areas.kml": taskAreasKml,
  "iati.xml": iatiXml,
} as const;
const OF_ONE_TASK: readonly ExportFile[] = ["completion.pdf", "task-areas.gpx", "task-areas.kml"];

/** Beyond these, a file is built in memory too large to be safe: CSV and GeoJSON stream without a limit. */
export const XLSX_MAX_ROWS = 100_000;
export const SPATIAL_MAX_FEATURES = 20_000;

function refuseLarge(count: number, max: number, what: "rows" | "areas") {
  if (count > max)
    throw new CommandError("unprocessable", refusal(what === "rows" ? "tooManyRows" : "tooManyAreas", { count, max }));
}

/**
 * Builds an export for the caller, or refuses it (403 for a dataset the
 * role may not read, 422 for a file too large for its format). The export
 * is recorded in the audit trail with its filters and row count. A
 * workbook speaks the reader's `locale` (its sheets' and columns' names,
 * right to left in Arabic and Sorani); CSV keeps the machine names.
 */
export async function buildExport(
  db: Db,
  actor: Actor & { name?: string },
  file: ExportFile,
  f: ExportFilter,
  now = new Date(),
  locale: Locale = "en",
): Promise<ExportResponse> {
  const audit = (fileName: string, rows: number) =>
    recordAuditEvent(db, {
      actorUserId: actor.id,
      action: "export",
      entityType: "Export",
      entityId: file,
      after: { file: fileName, ...(OF_ONE_TASK.includes(file) ? { task: f.task } : { filter: f }), rows },
    });
  if (file in DOCUMENTS) {
    const out = await DOCUMENTS[file as keyof typeof DOCUMENTS](db, actor, f, now, locale);
    await audit(out.fileName, out.rows);
    return out;
  }
  const dot = file.lastIndexOf(".");
  const dataset = file.slice(0, dot) as TabularDataset | SpatialDataset | "tables";
  const format = file.slice(dot + 1) as "csv" | "xlsx" | "geojson" | "kml" | "zip";
  if (dataset !== "tables" && !can(actor, DATASET_PERMISSION[dataset])) {
    throw new CommandError(
      "forbidden",
      refusal("roleMayNotExport", { role: roleWord(actor.role), dataset, permission: DATASET_PERMISSION[dataset] }),
    );
  }
  const fileName = exportFileName(file, f, now, await filterNames(db, f));

  if (format === "csv" || format === "xlsx") {
    const datasets =
      dataset === "tables" ? TABULAR.filter((d) => can(actor, DATASET_PERMISSION[d])) : [dataset as TabularDataset];
    const tables = await Promise.all(datasets.map((d) => TABLES[d].read(db, actor, f)));
    const counted = await Promise.all(tables.map((t) => t.count()));
    const rows = counted.reduce((s, n) => s + n, 0);
    if (format === "csv") {
      await audit(fileName, rows);
      return {
        body: streamOf(csvChunks(tables[0]!.spec, tables[0]!.rows(), { hxl: f.hxl === "1" })),
        contentType: "text/csv; charset=utf-8",
        fileName,
        rows,
      };
    }
    refuseLarge(rows, XLSX_MAX_ROWS, "rows");
    const sheets: SheetOf<never>[] = [];
    for (const t of tables) sheets.push({ spec: forReaders(t.spec, locale), rows: await collect(t.rows()) });
    await audit(fileName, rows);
    return {
      body: new Uint8Array(await xlsxWorkbook(sheets, { rightToLeft: directionOf(locale) === "rtl" })),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      fileName,
      rows,
    };
  }

  const source = await AREAS[dataset as SpatialDataset].read(db, actor, f);
  const rows = await source.count();
  if (format === "geojson") {
    await audit(fileName, rows);
    return { body: streamOf(geojsonChunks(source.features())), contentType: "application/geo+json", fileName, rows };
  }
  refuseLarge(rows, SPATIAL_MAX_FEATURES, "areas");
  const features = await collect(source.features());
  await audit(fileName, rows);
  if (format === "kml")
    return {
      body: new TextEncoder().encode(kmlText(features)),
      contentType: "application/vnd.google-earth.kml+xml",
      fileName,
      rows,
    };
  if (!features.length) throw new CommandError("unprocessable", refusal("emptyShapefile"));
  return {
    body: await shapefileZip(dataset.replace("-", "_"), features),
    contentType: "application/zip",
    fileName,
    rows,
  };
}
