// Columns more than one table shares, and every column's name (and coded
// value's word) for a reader.
import type { Column, TableSpec } from "@/lib/exports/table";
import type { Locale } from "@/lib/i18n/locales";
import ar from "@/lib/i18n/messages/ar.json";
import ckb from "@/lib/i18n/messages/ckb.json";
import en from "@/lib/i18n/messages/en.json";
import { type GovernorateNames, governorateName } from "@/lib/i18n/names";

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

/**
 * A table as a spreadsheet shows it: the sheet and every column named in the
 * reader's language, and each value as its column's `shown` gives it (a
 * code's word, a place's name).
 */
export function forReaders<Row>(spec: TableSpec<Row>, locale: Locale): TableSpec<Row> {
  return {
    ...spec,
    title: sheetName(spec.name, locale) ?? spec.title,
    columns: spec.columns.map(({ shown, ...c }) => ({
      ...c,
      header: columnName(c.header, locale) ?? c.header,
      value: shown ? (row: Row) => shown(row, locale) : c.value,
    })),
  };
}

// The screens' words for the codes exports carry, by the code's enum value:
// a reader of the workbook meets the word the page showed them.
const codeWords = (m: typeof en) => ({
  reportStatus: m.reportStatus,
  taskStatus: m.taskStatus,
  method: m.method,
  device: m.device,
  region: { FEDERAL: m.dashboard.federal, KURDISTAN: m.dashboard.kurdistan },
  transactionType: m.transactionType,
  yesNo: { YES: m.accreditations.yes, NO: m.accreditations.no },
});
const CODE_WORDS = { en: codeWords(en), ar: codeWords(ar), ckb: codeWords(ckb) };

/** A kind of code an export carries, each with its words in every language. */
export type CodeKind = keyof ReturnType<typeof codeWords>;

/** A code's word for a reader ("Approved" for `APPROVED`), or null when the catalogue lacks it. */
export const codeWord = (kind: CodeKind, code: string, locale: Locale): string | null =>
  (CODE_WORDS[locale][kind] as Record<string, string>)[code] ?? null;

/**
 * A column of codes (an enum): CSV writes the code in lower case
 * (`approved`), which scripts filter on; a workbook the screens' word for it
 * in the reader's language ("Approved", "معتمد"). `codes` names the
 * kind, so a test can check every code has a word.
 */
export const codeColumn = <Row>(
  header: string,
  hxl: string,
  codes: CodeKind,
  code: (row: Row) => string | null,
): Column<Row> & { codes: CodeKind } => ({
  header,
  hxl,
  type: "string",
  value: (r) => code(r)?.toLowerCase() ?? null,
  shown: (r, locale) => {
    const c = code(r);
    return c === null ? null : (codeWord(codes, c, locale) ?? c.toLowerCase());
  },
  codes,
  width: 22,
});

/** A governorate by name: CSV in English (as the COD-AB spells it), a workbook in the reader's language. */
export const governorateColumn = <Row>(governorate: (row: Row) => GovernorateNames): Column<Row> => ({
  header: "governorate",
  hxl: "#adm1+name",
  type: "string",
  value: (r) => governorate(r).nameEn,
  shown: (r, locale) => governorateName(governorate(r), locale),
  width: 18,
});

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
