import writeXlsxFile, { type Sheet, type Cell as XlsxCell } from "write-excel-file/node";
import { type Cell, type Column, neutraliseFormula, type TableSpec } from "./table";

/** A table and its rows, for one sheet of a workbook. */
export type SheetOf<Row> = { spec: TableSpec<Row>; rows: Row[] };

function cell(value: Cell, type: Column<unknown>["type"]): XlsxCell {
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) return null;
  if (value instanceof Date) return { type: Date, value, format: type === "date" ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm" };
  if (typeof value === "number") return { type: Number, value, format: type === "integer" ? "0" : "#,##0.00" };
  return { type: String, value: neutraliseFormula(value) };
}

/**
 * A workbook with one sheet per table: a bold, frozen header row, typed
 * cells (numbers as numbers, dates as dates, so sums and filters work in
 * Excel), text made formula-safe.
 */
export function xlsxWorkbook(sheets: SheetOf<never>[]): Promise<Buffer> {
  const out: Sheet<never>[] = sheets.map(({ spec, rows }) => ({
    sheet: spec.title.slice(0, 31),
    stickyRowsCount: 1,
    columns: spec.columns.map((c) => ({ width: c.width ?? Math.min(40, Math.max(10, c.header.length + 2)) })),
    data: [
      spec.columns.map((c) => ({ value: c.header, fontWeight: "bold" as const })),
      ...rows.map((r) => spec.columns.map((c) => cell(c.value(r), c.type))),
    ],
  }));
  return writeXlsxFile(out).toBuffer();
}
