import writeXlsxFile, { type Sheet, type Cell as XlsxCell } from "write-excel-file/node";
import { type Cell, type Column, neutraliseFormula, type TableSpec } from "./table";

/** A table and its rows, for one sheet of a workbook. */
export type SheetOf<Row> = { spec: TableSpec<Row>; rows: Row[] };

function cell(value: Cell, { type, format }: Pick<Column<unknown>, "type" | "format">): XlsxCell {
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) return null;
  if (value instanceof Date) return { type: Date, value, format: type === "date" ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm" };
  if (typeof value === "number")
    return { type: Number, value, format: format ?? (type === "integer" ? "0" : "#,##0.00") };
  return { type: String, value: neutraliseFormula(value) };
}

/**
 * A workbook with one sheet per table: a bold, frozen header row, typed
 * cells (numbers as numbers, dates as dates, so sums and filters work in
 * Excel; a number shown in its column's `format`), text made formula-safe;
 * sheets laid out right to left for a reader of Arabic or Sorani.
 */
export function xlsxWorkbook(sheets: SheetOf<never>[], options: { rightToLeft?: boolean } = {}): Promise<Buffer> {
  const out: Sheet<never>[] = sheets.map(({ spec, rows }) => ({
    sheet: spec.title.slice(0, 31),
    stickyRowsCount: 1,
    rightToLeft: options.rightToLeft === true,
    columns: spec.columns.map((c) => ({ width: c.width ?? Math.min(40, Math.max(10, c.header.length + 2)) })),
    data: [
      spec.columns.map((c) => ({ value: c.header, fontWeight: "bold" as const })),
      ...rows.map((r) => spec.columns.map((c) => cell(c.value(r), c))),
    ],
  }));
  return writeXlsxFile(out).toBuffer().then(withFixedEntryTimes);
}

// MS-DOS date and time of 1 January 2000, 00:00 (the zip format's own clock).
const DOS_DATE_2000 = ((2000 - 1980) << 9) | (1 << 5) | 1;

/**
 * The zip writer stamps each entry with the second it was written, so the same
 * figures built two seconds apart gave different bytes, and a dropped download
 * could not resume (the resume checks the bytes the caller has). Every entry's
 * local header and central-directory record gets one fixed time instead.
 */
function withFixedEntryTimes(zip: Buffer): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); // end of central directory
  if (end < 0) return zip;
  let record = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    zip.writeUInt16LE(0, record + 12);
    zip.writeUInt16LE(DOS_DATE_2000, record + 14);
    const local = zip.readUInt32LE(record + 42);
    zip.writeUInt16LE(0, local + 10);
    zip.writeUInt16LE(DOS_DATE_2000, local + 12);
    record += 46 + zip.readUInt16LE(record + 28) + zip.readUInt16LE(record + 30) + zip.readUInt16LE(record + 32);
  }
  return zip;
}
