// Tables as exports carry them: typed columns, each with its header and,
// optionally, its HXL hashtag (the Humanitarian Exchange Language row that
// OCHA's tools read under the header). Pure: no database, no Next.js.
import type { Locale } from "@/lib/i18n/locales";

export type ColumnType = "string" | "number" | "integer" | "date" | "datetime";
export type Cell = string | number | Date | null | undefined;

export type Column<Row> = {
  header: string;
  /** HXL hashtag with attributes, e.g. "#output+area+cleared". */
  hxl?: string;
  type: ColumnType;
  value: (row: Row) => Cell;
  /** Column width in characters, for XLSX. */
  width?: number;
  /**
   * What a workbook shows a person in `locale` instead of `value`, where
   * `value` is a code a script reads ("approved", "kurdistan") or a name in
   * English: the screens' word for it, the place's name. CSV keeps `value`.
   */
  shown?: (row: Row, locale: Locale) => Cell;
  /** A workbook's number format ("#,##0"): it rounds what is shown, the cell keeps the full number to add up. */
  format?: string;
};

export type TableSpec<Row> = {
  /** Sheet name and the file name's subject, e.g. "reports". */
  name: string;
  title: string;
  columns: Column<Row>[];
};

// A spreadsheet runs a cell that starts with one of these as a formula
// (OWASP "CSV injection"); tab and carriage return start one in some readers too.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: a leading apostrophe stops
 * it being read as a formula (shown as text, the original after it). Numbers
 * and dates are typed, never text, so a negative number stays a number.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as CSV text: ISO dates, plain numbers, text made formula-safe. */
export function csvText(cell: Cell, type: ColumnType): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return type === "date" ? cell.toISOString().slice(0, 10) : cell.toISOString();
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return neutraliseFormula(cell);
}
