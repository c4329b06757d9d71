// Reading a funding table in Landmine Monitor's "Support for Mine Action"
// shape (donor, year, amount, currency, US$) from the cells of a CSV or XLSX
// sheet. Pure: the browser previews with it and the server checks with it.
import { type ActivitySplitBp, percentToBp, WHOLE_BP } from "@/lib/domain/activity-split";
import type { LocalisedText, MessageValues } from "@/lib/i18n/localised";
import { type RefusalKey, refusal } from "@/lib/i18n/refusals";

export type FundingImportRow = {
  donor: string;
  year: number;
  amountMinor: string;
  currency: string;
  usdCents: string;
  /** The grant's activity split, when the sheet states one (optional columns, in %). */
  split?: ActivitySplitBp;
};
/** A problem at a spreadsheet row and column: `message` in English, `text` in every language. */
export type FundingImportError = { row: number; column: string; message: string; text: LocalisedText };

function problem(row: number, column: string, key: RefusalKey, values?: MessageValues): FundingImportError {
  const text = refusal(key, values);
  return { row, column, message: text.en, text };
}

export const MAX_IMPORT_ROWS = 5_000;

const HEADERS: Record<keyof Omit<FundingImportRow, "amountMinor" | "usdCents" | "split"> | "amount" | "usd", RegExp> = {
  donor: /^(donor|donor name|country|contributor)$/i,
  year: /^(year|fiscal year|calendar year)$/i,
  amount: /^(amount|contribution|amount \(national currency\)|amount in national currency)$/i,
  currency: /^(currency|national currency)$/i,
  usd: /^(usd|us\$|amount \(us\$\)|amount \(usd\)|amount in usd|usd amount)$/i,
};

/** Optional columns: what share (%) of the grant went to each activity. All four, or none, add up to 100 %. */
const SPLIT_HEADERS: Record<keyof ActivitySplitBp, RegExp> = {
  landReleaseBp: /^land release( share)?( ?%| \(%\))?$/i,
  eoreBp: /^(eore|risk education)( share)?( ?%| \(%\))?$/i,
  victimAssistanceBp: /^victim assistance( share)?( ?%| \(%\))?$/i,
  capacityBp: /^capacity( building)?( share)?( ?%| \(%\))?$/i,
};

/**
 * A row's activity split from the optional columns: none when they are all
 * empty (not stated); an empty one beside filled ones is 0 %.
 */
function readSplit(
  r: readonly unknown[],
  cols: Record<keyof ActivitySplitBp, number>,
  row: number,
): { split?: ActivitySplitBp; problems: FundingImportError[] } {
  const cell = (k: keyof ActivitySplitBp) => (cols[k] >= 0 ? String(r[cols[k]] ?? "").trim() : "");
  const keys = Object.keys(SPLIT_HEADERS) as (keyof ActivitySplitBp)[];
  if (keys.every((k) => cell(k) === "")) return { problems: [] };
  const problems: FundingImportError[] = [];
  const split = {} as ActivitySplitBp;
  for (const k of keys) {
    const bp = cell(k) === "" ? 0 : percentToBp(cell(k));
    if (bp === null) problems.push(problem(row, k.replace(/Bp$/, ""), "fundingSplitShare", { value: cell(k) }));
    else split[k] = bp;
  }
  if (problems.length) return { problems };
  const total = keys.reduce((s, k) => s + split[k], 0);
  if (total !== WHOLE_BP)
    return { problems: [problem(row, "landRelease", "fundingSplitTotal", { total: String(total / 100) })] };
  return { split, problems };
}

/**
 * "16,206,727" or 16206727.5 → minor units (cents) as a decimal string, exactly:
 * no binary floating point between the sheet and the database.
 */
export function toMinorUnits(value: unknown): string | null {
  const text =
    typeof value === "number"
      ? Number.isFinite(value)
        ? value.toFixed(2)
        : ""
      : String(value ?? "")
          .trim()
          .replace(/[\s,\u00a0]/g, "")
          .replace(/^US\$|^\$/, "");
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return (BigInt(m[1]!) * 100n + BigInt((m[2] ?? "0").padEnd(2, "0"))).toString();
}

/**
 * The rows of a sheet (the first row the headers) as funding rows, with
 * every problem located by row number (as the spreadsheet shows it) and
 * column. Amount and currency default to the US$ figure when absent.
 */
export function parseFundingTable(cells: readonly (readonly unknown[])[]): {
  rows: FundingImportRow[];
  errors: FundingImportError[];
} {
  const errors: FundingImportError[] = [];
  const header = (cells[0] ?? []).map((c) => String(c ?? "").trim());
  const col = Object.fromEntries(
    Object.entries(HEADERS).map(([k, re]) => [k, header.findIndex((h) => re.test(h))]),
  ) as Record<keyof typeof HEADERS, number>;
  for (const required of ["donor", "year", "usd"] as const) {
    if (col[required] < 0) errors.push(problem(1, required, "fundingNoColumn", { column: required }));
  }
  if (errors.length) return { rows: [], errors };
  const splitCols = Object.fromEntries(
    Object.entries(SPLIT_HEADERS).map(([k, re]) => [k, header.findIndex((h) => re.test(h))]),
  ) as Record<keyof ActivitySplitBp, number>;
  const body = cells.slice(1).filter((r) => r.some((c) => String(c ?? "").trim() !== ""));
  if (body.length > MAX_IMPORT_ROWS)
    return {
      rows: [],
      errors: [problem(1, "file", "fundingTooManyRows", { count: body.length, max: MAX_IMPORT_ROWS })],
    };
  const rows: FundingImportRow[] = [];
  cells.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (!r.some((c) => String(c ?? "").trim() !== "")) return;
    const problems: FundingImportError[] = [];
    const donor = String(r[col.donor] ?? "").trim();
    if (donor.length < 2 || donor.length > 200) problems.push(problem(row, "donor", "fundingDonorName"));
    const year = Number(String(r[col.year] ?? "").trim());
    if (!Number.isInteger(year) || year < 1990 || year > 2100)
      problems.push(problem(row, "year", "fundingYear", { value: String(r[col.year] ?? "") }));
    const usdCents = toMinorUnits(r[col.usd]);
    if (usdCents === null) problems.push(problem(row, "usd", "fundingUsd", { value: String(r[col.usd] ?? "") }));
    const currency =
      col.currency >= 0 && String(r[col.currency] ?? "").trim() ? String(r[col.currency]).trim().toUpperCase() : "USD";
    if (!/^[A-Z]{3}$/.test(currency)) problems.push(problem(row, "currency", "fundingCurrency", { value: currency }));
    const ownAmount = col.amount >= 0 && String(r[col.amount] ?? "").trim() !== "";
    const amountMinor = ownAmount ? toMinorUnits(r[col.amount]) : usdCents;
    if (ownAmount && amountMinor === null)
      problems.push(problem(row, "amount", "fundingAmount", { value: String(r[col.amount] ?? "") }));
    const { split, problems: splitProblems } = readSplit(r, splitCols, row);
    problems.push(...splitProblems);
    if (problems.length) errors.push(...problems);
    else
      rows.push({ donor, year, amountMinor: amountMinor!, currency, usdCents: usdCents!, ...(split ? { split } : {}) });
  });
  return { rows, errors };
}
