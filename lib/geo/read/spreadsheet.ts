// Excel workbooks (.xlsx): the first sheet, its first row the header, read as
// a CSV is (csv.ts): a table of areas with a WKT column, or turning points.
// read-excel-file reads the sheet; the archive is first inflated within the
// limits, as a zipped shapefile is, since a small .xlsx can inflate to gigabytes.
import { readSheet } from "read-excel-file/universal";
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText } from "@/lib/geo/messages";
import { readRows } from "./csv";
import type { Collected } from "./features";
import type { ReadOptions } from "./types";
import { unzipEntries } from "./zip";

export async function readSpreadsheet(bytes: Uint8Array, options: ReadOptions): Promise<Collected> {
  await unzipEntries(bytes, options, () => true);
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(new Blob([bytes as BlobPart]))) as unknown[][];
  } catch (err) {
    throw new GeometryError(
      geometryProblem("UNREADABLE_FILE", geometryText("spreadsheetUnreadable", { detail: (err as Error).message })),
    );
  }
  const [header = [], ...body] = sheet;
  const headers = header.map((h, i) => (h == null || String(h).trim() === "" ? `column ${i + 1}` : String(h).trim()));
  // Blank rows are left out but still counted, so a row is named by the number the sheet shows it with.
  const kept = body.flatMap((cells, i) =>
    cells.some((c) => c != null && String(c).trim() !== "") ? [{ cells, number: i + 2 }] : [],
  );
  const rows = kept.map(({ cells }) => Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? null])));
  return readRows(
    headers,
    rows,
    options,
    kept.map((k) => k.number),
  );
}
