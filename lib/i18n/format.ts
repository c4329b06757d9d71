// Areas are stored in m²; the unit shown is chosen here, at the edge.
import { programmeDay } from "@/lib/domain/calendar";
import { directionOf, languageOf } from "./locales";

// Chromium's Intl has no Sorani (ckb): it would print Latin digits and English
// month names on a Sorani page while the server, on Node's full ICU, prints
// Sorani. Where Sorani is missing, numbers take Arabic's digits and
// separators, which are Sorani's too, and months take CLDR's Sorani names in
// CLDR's Sorani patterns ("MMMی y", "y MMM d"), as Node prints them.
const SORANI_MONTHS = [
  "کانوونی دووەم",
  "شوبات",
  "ئازار",
  "نیسان",
  "ئایار",
  "حوزەیران",
  "تەمووز",
  "ئاب",
  "ئەیلوول",
  "تشرینی یەکەم",
  "تشرینی دووەم",
  "کانونی یەکەم",
];
let soraniMissing: boolean | undefined;
const lacksSorani = (locale: string) =>
  languageOf(locale) === "ckb" && (soraniMissing ??= Intl.DateTimeFormat.supportedLocalesOf("ckb").length === 0);
/** The locale Intl is asked for: Arabic's formats in place of a Sorani this Intl does not have. */
const intlLocale = (locale: string) => (lacksSorani(locale) ? locale.replace(/^ckb/, "ar") : locale);

// Building an Intl formatter costs tens of microseconds; a dashboard formats
// hundreds of figures per request, so each locale-and-options pair is built once.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  return numberFormats.get(key) ?? numberFormats.set(key, new Intl.NumberFormat(intlLocale(locale), options)).get(key)!;
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  return dateFormats.get(key) ?? dateFormats.set(key, new Intl.DateTimeFormat(intlLocale(locale), options)).get(key)!;
}

/** A "YYYY-MM" month as CLDR writes it in Sorani ("MMMی y"), for an Intl without Sorani. */
export const soraniMonth = (month: string, locale: string) =>
  `${SORANI_MONTHS[Number(month.slice(5)) - 1]}ی ${formatYear(Number(month.slice(0, 4)), locale)}`;
/** A date as CLDR's medium Sorani form ("y MMM d"), for an Intl without Sorani. */
export const soraniDate = (date: Date, locale: string) =>
  `${formatYear(date.getUTCFullYear(), locale)} ${SORANI_MONTHS[date.getUTCMonth()]} ${formatCount(date.getUTCDate(), locale)}`;

// In a right-to-left line a currency such as "US$" reads "$US": the "$" takes
// the line's direction. A left-to-right mark after the Latin part keeps it whole.
const keepLatinTogether = (text: string, locale: string) =>
  directionOf(locale) === "rtl" ? text.replace(/[A-Za-z]+\$?/g, (m) => `${m}\u200e`) : text;

// A figure and its unit, and the parts of a date, are joined by no-break
// spaces: a line broken between them left "m²" or a day alone at the start of
// the next line, worst in right-to-left text.
const NO_BREAK_SPACE = "\u00a0";

/** m² below one km², km² (two decimals) above, in the locale's digits. */
export function formatArea(areaM2: number, locale: string): string {
  if (Math.abs(areaM2) >= 1_000_000) {
    return `${numberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(areaM2 / 1_000_000)}${NO_BREAK_SPACE}km²`;
  }
  return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(areaM2)}${NO_BREAK_SPACE}m²`;
}

export type AreaUnit = "m2" | "ha" | "km2" | "acre";

/** m² per unit; the international acre is exactly 4,046.856 422 4 m². */
export const M2_PER_UNIT: Record<AreaUnit, number> = { m2: 1, ha: 10_000, km2: 1_000_000, acre: 4_046.8564224 };

const UNIT_LABEL: Record<AreaUnit, string> = { m2: "m²", ha: "ha", km2: "km²", acre: "acres" };

/** An area stored in m², shown in the unit a reader asked for. */
export function formatAreaIn(
  areaM2: number,
  unit: AreaUnit,
  locale: string,
  maximumFractionDigits = unit === "m2" ? 0 : 2,
): string {
  return `${numberFormat(locale, { maximumFractionDigits }).format(areaM2 / M2_PER_UNIT[unit])}${NO_BREAK_SPACE}${UNIT_LABEL[unit]}`;
}

/** Whole m², for figures that must trace to records exactly. */
export function formatM2(areaM2: number, locale: string): string {
  return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(areaM2)}${NO_BREAK_SPACE}m²`;
}

/**
 * A share as a percentage with one decimal place, always ("38.8%" beside
 * "60.0%", where up to three decimals had put "38.773%" beside "60%"): one
 * rule for the pages and the PDFs. A share between none and all never
 * rounds to 0.0% or 100.0%, which would say nothing or everything was released.
 */
export function formatPercent(fraction: number, locale: string): string {
  const shown = fraction > 0 && fraction < 0.0005 ? 0.001 : fraction < 1 && fraction >= 0.9995 ? 0.999 : fraction;
  return numberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(shown);
}

/** Integer US cents as dollars, no fraction for whole amounts. */
export function formatUsdCents(cents: bigint, locale: string): string {
  return formatMoney(cents, "USD", locale);
}

/** An amount held in hundredths of its currency (as the app stores money), in that currency. */
export function formatMoney(hundredths: bigint, currency: string, locale: string): string {
  const units = Number(hundredths / 100n) + Number(hundredths % 100n) / 100;
  return keepLatinTogether(
    numberFormat(locale, {
      style: "currency",
      currency,
      maximumFractionDigits: hundredths % 100n === 0n ? 0 : 2,
    }).format(units),
    locale,
  );
}

/** A calendar date (stored at UTC midnight) in the locale's form, never shifted by the reader's zone. */
/** A day in the locale's words and digits, never broken across lines (it broke in table cells and in right-to-left notes). */
export function formatDate(date: Date, locale: string): string {
  const text = lacksSorani(locale)
    ? soraniDate(date, locale)
    : dateFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
  return text.replaceAll(" ", NO_BREAK_SPACE);
}

/**
 * The day a moment (a report's submission, its review) fell on in Iraq, as
 * formatDate writes a day: a report sent at 01:00 in Baghdad is on that day,
 * as its files say, not on UTC's day before.
 */
export function formatProgrammeDay(at: Date, locale: string): string {
  return formatDate(new Date(`${programmeDay(at)}T00:00:00Z`), locale);
}

/** US$ with cents, for prices such as cost per m². */
export function formatUsd(usd: number, locale: string): string {
  return keepLatinTogether(
    numberFormat(locale, { style: "currency", currency: "USD", maximumFractionDigits: 2 }).format(usd),
    locale,
  );
}

/** Whole US$, or compact ("$2.4M") for a chart's axis. */
export function formatUsdWhole(usd: number, locale: string, compact = false): string {
  const options: Intl.NumberFormatOptions = compact
    ? { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 }
    : { style: "currency", currency: "USD", maximumFractionDigits: 0 };
  return keepLatinTogether(numberFormat(locale, options).format(usd), locale);
}

/** A year as a label, in the locale's digits and never grouped ("2024", "٢٠٢٤"). */
export function formatYear(year: number, locale: string): string {
  return numberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 }).format(year);
}

/** A month held as "YYYY-MM", named in the locale ("Mar 2024", "آذار ٢٠٢٤"); a bare year passes to formatYear. */
export function formatMonth(month: string, locale: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return /^\d{4}$/.test(month) ? formatYear(Number(month), locale) : month;
  if (lacksSorani(locale)) return soraniMonth(month, locale);
  return dateFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** A count or rank, in the locale's digits. */
export function formatCount(n: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** A measurement such as a map scale's 500 or 0.5, in the locale's digits. */
export function formatDecimal(n: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(n);
}

/** A moment in the reader's time zone, to the minute: when a draft was kept. */
export function formatDateTime(date: Date, locale: string): string {
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** Items of a list, separated as the language writes it: Arabic and Sorani use the Arabic comma, not ", ". */
export function formatList(items: readonly string[], locale: string): string {
  return items.join(languageOf(locale) === "en" ? ", " : "، ");
}

/** When a photo was taken, in Iraq's time (where the camera was), to the minute, whatever the server's or reader's zone. */
export function formatPhotoTime(date: Date, locale: string): string {
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Baghdad" }).format(date);
}
