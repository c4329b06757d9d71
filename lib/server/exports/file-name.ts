// What an export answers with, and the name its file is given.
import { programmeDay } from "@/lib/domain/calendar";
import type { ExportFile, ExportFilter } from "@/lib/schemas/export-filter";

export type ExportResponse = {
  body: ReadableStream<Uint8Array> | Uint8Array;
  contentType: string;
  fileName: string;
  rows: number;
};

/** What the file holds and when, e.g. `reports_approved_kurdistan_2025-01-01_to_2025-12-31_as-of_2026-11-26.csv`. */
export function exportFileName(file: ExportFile, f: ExportFilter, asOf: Date): string {
  const [dataset, format] = [file.slice(0, file.lastIndexOf(".")), file.slice(file.lastIndexOf(".") + 1)];
  const parts = [
    dataset,
    ["reports", "devices", "tables"].includes(dataset) ? f.status : undefined,
    f.task && `task-${f.task}`,
    f.region,
    f.governorate,
    f.partner && `partner-${f.partner}`,
    f.donor && `donor-${f.donor}`,
    f.contamination,
    f.landUse,
    f.from || f.to ? `${f.from ?? "start"}_to_${f.to ?? "today"}` : undefined,
    `as-of_${programmeDay(asOf)}`,
  ];
  // Only safe characters: the name goes into a Content-Disposition header and a file system.
  return `${parts
    .filter(Boolean)
    .join("_")
    .replace(/[^A-Za-z0-9._-]/g, "-")}.${format}`;
}
