// Bringing an authority's existing register in: the rows of its file (the
// attributes of each shapefile, GeoPackage, KML or GeoJSON feature) mapped to
// the register's fields, and every value that cannot be read reported with
// its row, field and column. Pure: the browser previews with it and the
// server checks with it; geometry is checked apart (validity, Iraq, overlaps).
import type { LocalisedText, MessageValues } from "@/lib/i18n/localised";
import { type RefusalKey, refusal } from "@/lib/i18n/refusals";
import { CONTAMINATION_TYPES, LAND_USES } from "@/lib/schemas/hazard-area";
import {
  CONTAMINATION_WORDS,
  KIND_WORDS,
  KNOWN_COLUMNS,
  key,
  LAND_USE_WORDS,
  PRIORITY_WORDS,
} from "./import-vocabulary";

export const REGISTER_FIELDS = [
  "code",
  "name",
  "kind",
  "contamination",
  "landUse",
  "priorityRank",
  "informationDate",
  "sourceReference",
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** A past land release's fields, for a file of releases on registered areas. */
export const RELEASE_FIELDS = [
  "hazardAreaCode",
  "method",
  "operator",
  "periodStart",
  "periodEnd",
  "sourceReference",
  "clearanceDepthCm",
] as const;
export type ReleaseField = (typeof RELEASE_FIELDS)[number];
export type ImportField = RegisterField | ReleaseField;

type Contamination = (typeof CONTAMINATION_TYPES)[number];
type LandUse = (typeof LAND_USES)[number];

/** One row of the file as the register would hold it. */
export type RegisterRow = {
  code: string;
  name: string;
  kind: "SHA" | "CHA";
  contamination: Contamination[];
  landUse: LandUse;
  priorityRank: number;
  /** The day the information about the area was collected (YYYY-MM-DD), when the file says. */
  informationDate: string | null;
  /** The area's identifier in the system it came from (an IMSMA GUID), kept to trace it back. */
  sourceReference: string | null;
};

/**
 * Which column holds each field, and how the file's own words map to the
 * register's values: `{ fields: { kind: "HAZ_TYPE" }, values: { kind: { "Confirmed": "CHA" } } }`.
 */
export type ImportMapping = {
  fields: Partial<Record<ImportField, string>>;
  values: Partial<Record<ImportField, Record<string, string>>>;
};

/** A problem at a row of the file (1 = its first feature) and a field: `message` in English, `text` in every language. */
export type ImportProblem = {
  /** For an unknown value: the file's word, to map. */
  value?: string;
  row: number;
  field: ImportField | "geometry" | "file";
  code: string;
  message: string;
  text: LocalisedText;
};

export function importProblem(
  row: number,
  field: ImportProblem["field"],
  code: string,
  key: RefusalKey,
  values?: MessageValues,
): ImportProblem {
  const text = refusal(key, values);
  return { row, field, code, message: text.en, text };
}

/** The columns recognised in a file's header, field by field (the first match wins; a column serves one field). */
export function recogniseColumns(
  columns: readonly string[],
  known: Partial<Record<ImportField, readonly string[]>> = KNOWN_COLUMNS,
): ImportMapping["fields"] {
  const fields: ImportMapping["fields"] = {};
  const taken = new Set<string>();
  for (const [field, names] of Object.entries(known) as [ImportField, readonly string[]][]) {
    const spelled = new Set(names.map(key));
    const column = columns.find((c) => !taken.has(c) && spelled.has(key(c)));
    if (column) {
      fields[field] = column;
      taken.add(column);
    }
  }
  return fields;
}

/** Empty cells, and the "NULL"/"N/A" GIS exports write into them, say nothing. */
export const blank = (v: unknown) =>
  v === null || v === undefined || (typeof v === "string" && /^\s*(|null|n\/a|na|-)\s*$/i.test(v));

/** The file's own word for a value, looked up in the user's value mapping first (exactly, then by `key`). */
export function fromUser(mapping: ImportMapping, field: ImportField, raw: string): string | undefined {
  const own = mapping.values[field];
  if (!own) return undefined;
  if (raw in own) return own[raw];
  const k = key(raw);
  return Object.entries(own).find(([w]) => key(w) === k)?.[1];
}

/** "2019-03-12", "12/03/2019" (day first, as in Iraq and in IMSMA), "20190312" or a date cell, as YYYY-MM-DD; null when it is not a real day. */
export function readDay(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(+value) ? null : value.toISOString().slice(0, 10);
  const s = String(value).trim();
  const yearFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const parts = yearFirst
    ? [yearFirst[1], yearFirst[2], yearFirst[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : null;
  if (!parts) return null;
  const [y, mo, d] = parts.map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return day.toISOString().slice(0, 10);
}

/** The register's code from a file's identifier: upper case, spaces, underscores, slashes and dots as hyphens. */
const asCode = (raw: string) =>
  raw
    .trim()
    .toUpperCase()
    .replace(/[\s_/.]+/g, "-");
const CODE = /^[A-Z0-9][A-Z0-9-]{2,39}$/;

/**
 * One row of the file mapped to the register's fields, or the problems that
 * stop it, each with the row, field and column. Fields the mapping leaves
 * out take the register's defaults (name: the code; land use: other;
 * priority: 3); a mapped column with an empty or unknown value is a problem,
 * never a silent default.
 */
export function mapImportRow(
  attributes: Readonly<Record<string, unknown>>,
  mapping: ImportMapping,
  row: number,
  today: string,
): { value: RegisterRow | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const problem = (field: RegisterField, code: string, k: RefusalKey, values: MessageValues = {}) =>
    problems.push(importProblem(row, field, code, k, { row, column: mapping.fields[field] ?? field, ...values }));
  const cell = (field: RegisterField): string | null => {
    const column = mapping.fields[field];
    if (!column) return null;
    const v = attributes[column];
    return blank(v) ? "" : v instanceof Date ? v.toISOString() : String(v).trim();
  };
  const required = (field: RegisterField) => {
    const v = cell(field);
    if (v === null) problem(field, "COLUMN_NOT_MAPPED", "importFieldNotMapped", { field });
    else if (v === "") problem(field, "MISSING_VALUE", "importMissingValue", { field });
    return v || null;
  };
  const lookup = <T extends string>(
    field: RegisterField,
    raw: string,
    words: Record<string, T>,
    choices: readonly string[],
  ) => {
    const own = fromUser(mapping, field, raw);
    const value = (own !== undefined && choices.includes(own) ? (own as T) : undefined) ?? words[key(raw)];
    if (!value) {
      problem(field, "UNKNOWN_VALUE", "importUnknownValue", { value: raw, choices: choices.join(", ") });
      // The file's word itself, so the user can map it to one of the register's values.
      problems.at(-1)!.value = raw;
    }
    return value;
  };

  const rawCode = required("code");
  const code = rawCode ? asCode(rawCode) : "";
  if (rawCode && !CODE.test(code)) problem("code", "BAD_CODE", "importBadCode", { value: rawCode });

  const rawName = cell("name");
  const name = rawName || code;
  if (rawName === "") problem("name", "MISSING_VALUE", "importMissingValue", { field: "name" });
  else if (name && (name.length < 3 || name.length > 200))
    problem("name", "BAD_NAME", "importBadName", { value: name });

  const rawKind = required("kind");
  const kind = rawKind ? lookup("kind", rawKind, KIND_WORDS, ["SHA", "CHA"]) : undefined;

  const rawContamination = required("contamination");
  const contamination = new Set<Contamination>();
  if (rawContamination) {
    const own = fromUser(mapping, "contamination", rawContamination);
    const parts = own ? own.split(/[,;|+]/) : rawContamination.split(/\s*(?:[,;/|+&]|\band\b|،)\s*/);
    for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
      const v = lookup("contamination", part, CONTAMINATION_WORDS, CONTAMINATION_TYPES);
      if (v) contamination.add(v);
    }
  }

  // An unmapped land use is "other", as the register's form defaults it; an empty mapped cell is a problem.
  const rawLandUse = cell("landUse");
  let landUse: LandUse | undefined = "OTHER";
  if (rawLandUse === "") {
    required("landUse");
    landUse = undefined;
  } else if (rawLandUse !== null) landUse = lookup<LandUse>("landUse", rawLandUse, LAND_USE_WORDS, LAND_USES);

  const rawPriority = cell("priorityRank");
  let priorityRank: number | undefined = 3;
  if (rawPriority) {
    const n = PRIORITY_WORDS[key(rawPriority)] ?? Number(fromUser(mapping, "priorityRank", rawPriority) ?? rawPriority);
    priorityRank = Number.isInteger(n) && n >= 1 && n <= 1_000 ? n : undefined;
    if (priorityRank === undefined)
      problem("priorityRank", "BAD_PRIORITY", "importBadPriority", { value: rawPriority });
  }

  const rawDate = cell("informationDate");
  let informationDate: string | null = null;
  if (rawDate) {
    const column = mapping.fields.informationDate!;
    informationDate = readDay(attributes[column] instanceof Date ? attributes[column] : rawDate);
    if (!informationDate || informationDate > today || informationDate < "1991-01-01") {
      problem("informationDate", "BAD_DATE", "importBadDate", { value: rawDate, today });
      informationDate = null;
    }
  }

  const sourceReference = cell("sourceReference") || null;
  if (sourceReference && sourceReference.length > 200)
    problem("sourceReference", "BAD_REFERENCE", "importBadReference", { max: 200 });

  if (problems.length || !kind || !landUse || priorityRank === undefined) return { value: null, problems };
  return {
    value: {
      code,
      name,
      kind,
      contamination: [...contamination],
      landUse,
      priorityRank,
      informationDate,
      sourceReference,
    },
    problems,
  };
}

/** Rows whose code another row of the file already has: the second and later each get the problem. */
export function duplicateCodes(rows: readonly { row: number; code: string }[]): ImportProblem[] {
  const first = new Map<string, number>();
  const out: ImportProblem[] = [];
  for (const r of rows) {
    const seen = first.get(r.code);
    if (seen === undefined) first.set(r.code, r.row);
    else
      out.push(
        importProblem(r.row, "code", "DUPLICATE_CODE", "importDuplicateCode", {
          code: r.code,
          first: seen,
          row: r.row,
        }),
      );
  }
  return out;
}
