// Past land releases brought in from an authority's records (IMSMA NG's
// completed activities, an operator's completion tables): each row names the
// registered area it released land in, how (cancelled, reduced, cleared), who
// did it and when, with its polygon. Pure, as the register's own rows are:
// the organisations a row may name are given, and the geometry is checked and
// accounted apart, by the same accounting as an approved report.
import type { MessageValues } from "@/lib/i18n/localised";
import type { RefusalKey } from "@/lib/i18n/refusals";
import { clearanceDepthProblem, MAX_CLEARANCE_DEPTH_CM } from "./clearance-depth";
import { key } from "./import-vocabulary";
import type { ImportedReleaseAccount, ReleaseMethod } from "./land-release";
import {
  blank,
  fromUser,
  type ImportMapping,
  type ImportProblem,
  importProblem,
  type ReleaseField,
  readDay,
} from "./register-import";

/** One past release as the register will hold it. */
export type ReleaseRow = {
  hazardAreaCode: string;
  method: ReleaseMethod;
  operatorId: string;
  periodStart: string;
  periodEnd: string;
  sourceReference: string | null;
  clearanceDepthCm: number | null;
};

/** A release row as stored for the commit: the release, its area, and what the preview accounted it to count. */
export type StoredRelease = ReleaseRow & {
  hazardAreaId: string;
  preview: Omit<ImportedReleaseAccount, "row" | "counted">;
};

/**
 * Column names for each field: the register's own, and those of IMSMA NG's
 * land-release (activity) exports and their shapefile cuts to 10 characters.
 */
export const RELEASE_COLUMNS: Record<ReleaseField, readonly string[]> = {
  hazardAreaCode: [
    "hazardAreaCode",
    "hazard_code",
    "hazard_localid",
    "Hazard Local ID",
    "HAZ_LOCALI",
    "hazard_id",
    "Hazard ID",
    "HAZ_ID",
    "hazard_ref",
  ],
  method: [
    "method",
    "release_method",
    "Land Release Method",
    "land_release_type",
    "activity_type",
    "Activity Type",
    "ACT_TYPE",
    "ACTIVITY_T",
    "release_type",
  ],
  operator: [
    "operator",
    "organisation",
    "organization",
    "Organization",
    "org_name",
    "ORG_NAME",
    "implementing_partner",
    "partner",
  ],
  periodStart: ["periodStart", "start_date", "Start Date", "START_DATE", "date_start", "actual_start_date"],
  periodEnd: [
    "periodEnd",
    "end_date",
    "End Date",
    "END_DATE",
    "date_end",
    "completion_date",
    "Completion Date",
    "COMPLETION",
    "actual_end_date",
  ],
  sourceReference: [
    "sourceReference",
    "activity_localid",
    "Activity Local ID",
    "ACT_LOCALI",
    "activity_id",
    "release_id",
    "guid",
  ],
  clearanceDepthCm: ["clearanceDepthCm", "clearance_depth", "Clearance Depth", "CLEAR_DEPT", "depth_cm"],
};

/** The words records use for how land was released: the survey that cancelled it, reduced it, or the clearance. */
export const METHOD_WORDS: Record<string, ReleaseMethod> = Object.fromEntries(
  (
    [
      ["CANCELLED", ["cancelled", "canceled", "cancellation", "non-technical survey", "nts", "nontechnical survey"]],
      ["REDUCED", ["reduced", "reduction", "technical survey", "ts"]],
      ["CLEARED", ["cleared", "clearance", "manual clearance", "mechanical clearance", "bac", "battle area clearance"]],
    ] as const
  ).flatMap(([method, words]) => words.map((w) => [key(w), method])),
);

export const METHODS: readonly ReleaseMethod[] = ["CANCELLED", "REDUCED", "CLEARED"];

/** Records older than this are not land release as this register counts it: Iraq's programme began in 1991. */
const EARLIEST_DAY = "1991-01-01";

export type Operator = { id: string; name: string; shortName: string | null };

/**
 * One row of a file of past releases mapped to a release, or the problems
 * that stop it, each with its row, field and column. The area's code and the
 * polygon are checked against the register apart; the operator must be an
 * organisation the register has (by name or short name, or as the user mapped
 * the file's word), so each release is counted to the one that did it.
 */
export function mapReleaseRow(
  attributes: Readonly<Record<string, unknown>>,
  mapping: ImportMapping,
  row: number,
  today: string,
  operators: readonly Operator[],
): { value: ReleaseRow | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const problem = (field: ReleaseField, code: string, k: RefusalKey, values: MessageValues = {}) =>
    problems.push(importProblem(row, field, code, k, { row, column: mapping.fields[field] ?? field, ...values }));
  const cell = (field: ReleaseField): string | null => {
    const column = mapping.fields[field];
    if (!column) return null;
    const v = attributes[column];
    return blank(v) ? "" : v instanceof Date ? v.toISOString() : String(v).trim();
  };
  const required = (field: ReleaseField) => {
    const v = cell(field);
    if (v === null) problem(field, "COLUMN_NOT_MAPPED", "importFieldNotMapped", { field });
    else if (v === "") problem(field, "MISSING_VALUE", "importMissingValue", { field });
    return v || null;
  };
  const day = (field: "periodStart" | "periodEnd", raw: string) => {
    const column = mapping.fields[field]!;
    const read = readDay(attributes[column] instanceof Date ? attributes[column] : raw);
    if (read && read >= EARLIEST_DAY && read <= today) return read;
    problem(field, "BAD_DATE", "importBadReleaseDate", { value: raw, today });
    return null;
  };

  const rawCode = required("hazardAreaCode");
  const hazardAreaCode = rawCode
    ? rawCode
        .trim()
        .toUpperCase()
        .replace(/[\s_/.]+/g, "-")
    : "";

  const rawMethod = required("method");
  let method: ReleaseMethod | undefined;
  if (rawMethod) {
    const own = fromUser(mapping, "method", rawMethod);
    method = (own && METHODS.find((m) => m === own)) || METHOD_WORDS[key(rawMethod)];
    if (!method) {
      problem("method", "UNKNOWN_VALUE", "importUnknownValue", { value: rawMethod, choices: METHODS.join(", ") });
      problems.at(-1)!.value = rawMethod;
    }
  }

  const rawOperator = required("operator");
  let operatorId: string | undefined;
  if (rawOperator) {
    const wanted = key(fromUser(mapping, "operator", rawOperator) ?? rawOperator);
    operatorId = operators.find((o) => key(o.name) === wanted || (o.shortName && key(o.shortName) === wanted))?.id;
    if (!operatorId) {
      problem("operator", "UNKNOWN_OPERATOR", "importUnknownOperator", { value: rawOperator });
      problems.at(-1)!.value = rawOperator;
    }
  }

  const rawEnd = required("periodEnd");
  const periodEnd = rawEnd ? day("periodEnd", rawEnd) : null;
  // A record with one date (IMSMA's completion date) is a release of that day.
  const rawStart = cell("periodStart");
  const periodStart = rawStart ? day("periodStart", rawStart) : periodEnd;
  if (periodStart && periodEnd && periodStart > periodEnd)
    problem("periodStart", "PERIOD_REVERSED", "importPeriodReversed", { start: periodStart, end: periodEnd });

  const sourceReference = cell("sourceReference") || null;
  if (sourceReference && sourceReference.length > 200)
    problem("sourceReference", "BAD_REFERENCE", "importBadReference", { max: 200 });

  const rawDepth = cell("clearanceDepthCm");
  const depth = rawDepth ? Number(rawDepth) : null;
  if (rawDepth && !(Number.isInteger(depth) && depth! > 0 && depth! <= MAX_CLEARANCE_DEPTH_CM))
    problem("clearanceDepthCm", "BAD_DEPTH", "importBadDepth", { value: rawDepth });
  // Non-technical survey does not dig: a depth on cancelled land is a mistake in the file, not a record. A cleared
  // row without one is kept (IMSMA's past records often lack it): the release says its depth was not recorded.
  else if (method && clearanceDepthProblem(method, depth) === "depthOnCancelled")
    problem("clearanceDepthCm", "DEPTH_ON_CANCELLED", "importDepthOnCancelled", { value: String(rawDepth) });

  if (problems.length || !method || !operatorId || !periodStart || !periodEnd) return { value: null, problems };
  return {
    value: {
      hazardAreaCode,
      method,
      operatorId,
      periodStart,
      periodEnd,
      sourceReference,
      clearanceDepthCm: depth,
    },
    problems,
  };
}
