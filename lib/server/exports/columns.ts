// Columns more than one table shares, and every column's name for a reader.
import type { Column, TableSpec } from "@/lib/exports/table";
import type { Locale } from "@/lib/i18n/locales";
import ar from "@/lib/i18n/messages/ar.json";
import ckb from "@/lib/i18n/messages/ckb.json";
import en from "@/lib/i18n/messages/en.json";

// A column's header is its machine name, kept in CSV (and with its HXL tag) so
// scripts and OCHA's tools read it; a person opening the workbook reads the
// name in their language, with the unit, looked up by that machine name.
const NAMES: Record<Locale, { sheets: Record<string, string>; columns: Record<string, string> }> = {
  en: en.exportTables,
  ar: ar.exportTables,
  ckb: ckb.exportTables,
};

/** A column's name for a reader ("Counted area (m²)" for `countedAreaM2`), or null when the catalogue lacks it. */
export const columnName = (header: string, locale: Locale): string | null => NAMES[locale].columns[header] ?? null;

/** A table's sheet name for a reader ("Land release reports" for `reports`), or null when the catalogue lacks it. */
export const sheetName = (name: string, locale: Locale): string | null => NAMES[locale].sheets[name] ?? null;

/** A table as a spreadsheet shows it: the sheet and every column named in the reader's language. */
export function forReaders<Row>(spec: TableSpec<Row>, locale: Locale): TableSpec<Row> {
  return {
    ...spec,
    title: sheetName(spec.name, locale) ?? spec.title,
    columns: spec.columns.map((c) => ({ ...c, header: columnName(c.header, locale) ?? c.header })),
  };
}

// Money is held in integer hundredths of its currency (lib/domain/funding-import.ts).
export const money = (minor: bigint) => Number(minor) / 100;

/** An amount of money (US$ or its own currency): to the cent in a workbook, with thousands grouped. */
export const moneyColumn = <Row>(header: string, hxl: string, value: (row: Row) => number | null): Column<Row> => ({
  header,
  hxl,
  type: "number",
  value,
  format: "#,##0.00",
  width: 16,
});

/**
 * An area in square metres: a number column wide enough for a national
 * total, shown in a workbook to the whole m² with thousands grouped (the
 * cell keeps every decimal, so sums match the dashboard's).
 */
export const m2Column = <Row>(header: string, hxl: string, value: (row: Row) => number | null): Column<Row> => ({
  header,
  hxl,
  type: "number",
  value,
  format: "#,##0",
  width: 16,
});

const PEOPLE = [
  { key: "women", name: "Women", hxl: "f+adults" },
  { key: "men", name: "Men", hxl: "m+adults" },
  { key: "girls", name: "Girls", hxl: "f+children" },
  { key: "boys", name: "Boys", hxl: "m+children" },
] as const;

export type People = Record<(typeof PEOPLE)[number]["key"], number>;

/**
 * People by sex and age as four integer columns: `women`, `men`, `girls` and
 * `boys`, or after `prefix` (`killedWomen`, ...), tagged `hxl` with the sex
 * and age attributes (`#affected+killed+f+adults`).
 */
export const peopleColumns = <Row>(prefix: string, hxl: string, people: (row: Row) => People): Column<Row>[] =>
  PEOPLE.map((p) => ({
    header: prefix ? `${prefix}${p.name}` : p.key,
    hxl: `${hxl}+${p.hxl}`,
    type: "integer",
    value: (row: Row) => people(row)[p.key],
  }));

/** A record held by governorate: its id, the day it happened, and where (the governorate's P-code and the place). */
export const recordColumns = <Row extends { id: string; governoratePcode: string; place: string }>(
  id: string,
  day: { header: string; hxl: string; value: (row: Row) => Date },
): Column<Row>[] => [
  { header: id, hxl: "#meta+id", type: "string", value: (r) => r.id, width: 28 },
  { header: day.header, hxl: day.hxl, type: "date", value: day.value },
  { header: "governoratePcode", hxl: "#adm1+code", type: "string", value: (r) => r.governoratePcode },
  { header: "place", hxl: "#loc+name", type: "string", value: (r) => r.place, width: 28 },
];

/** A correction's link to the record it replaces, and its note. */
export const correctionColumns = <
  Row extends { supersedesId: string | null; correctionNote: string | null },
>(): Column<Row>[] => [
  { header: "corrects", hxl: "#meta+id+corrects", type: "string", value: (r) => r.supersedesId, width: 28 },
  {
    header: "correctionNote",
    hxl: "#description+correction",
    type: "string",
    value: (r) => r.correctionNote,
    width: 40,
  },
];
