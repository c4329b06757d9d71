// Areas are stored in m²; the unit shown is chosen here, at the edge.

// Building an Intl formatter costs tens of microseconds; a dashboard formats
// hundreds of figures per request, so each locale-and-options pair is built once.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  return numberFormats.get(key) ?? numberFormats.set(key, new Intl.NumberFormat(locale, options)).get(key)!;
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** m² below one km², km² (two decimals) above, in the locale's digits. */
export function formatArea(areaM2: number, locale: string): string {
  if (Math.abs(areaM2) >= 1_000_000) {
    return `${numberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(areaM2 / 1_000_000)} km²`;
  }
  return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(areaM2)} m²`;
}

export type AreaUnit = "m2" | "ha" | "km2" | "acre";

/** m² per unit; the international acre is exactly 4,046.856 422 4 m². */
export const M2_PER_UNIT: Record<AreaUnit, number> = { m2: 1, ha: 10_000, km2: 1_000_000, acre: 4_046.8564224 };

const UNIT_LABEL: Record<AreaUnit, string> = { m2: "m²", ha: "ha", km2: "km²", acre: "acres" };

/** An area stored in m², shown in the unit a reader asked for. */
export function formatAreaIn(areaM2: number, unit: AreaUnit, locale: string, maximumFractionDigits = unit === "m2" ? 0 : 2): string {
  return `${numberFormat(locale, { maximumFractionDigits }).format(areaM2 / M2_PER_UNIT[unit])} ${UNIT_LABEL[unit]}`;
}

/** Whole m², for figures that must trace to records exactly. */
export function formatM2(areaM2: number, locale: string): string {
  return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(areaM2)} m²`;
}

export function formatPercent(fraction: number, locale: string): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 3 }).format(fraction);
}

/** Integer US cents as dollars, no fraction for whole amounts. */
export function formatUsdCents(cents: bigint, locale: string): string {
  return formatMoney(cents, "USD", locale);
}

/** An amount held in hundredths of its currency (as the app stores money), in that currency. */
export function formatMoney(hundredths: bigint, currency: string, locale: string): string {
  const units = Number(hundredths / 100n) + Number(hundredths % 100n) / 100;
  return numberFormat(locale, { style: "currency", currency, maximumFractionDigits: hundredths % 100n === 0n ? 0 : 2 }).format(units);
}

/** A calendar date (stored at UTC midnight) in the locale's form, never shifted by the reader's zone. */
export function formatDate(date: Date, locale: string): string {
  const format = dateFormats.get(locale) ?? dateFormats.set(locale, new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" })).get(locale)!;
  return format.format(date);
}

/** US$ with cents, for prices such as cost per m². */
export function formatUsd(usd: number, locale: string): string {
  return numberFormat(locale, { style: "currency", currency: "USD", maximumFractionDigits: 2 }).format(usd);
}

/** A year as a label, in the locale's digits and never grouped ("2024", "٢٠٢٤"). */
export function formatYear(year: number, locale: string): string {
  return numberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 }).format(year);
}

/** A month held as "YYYY-MM", named in the locale ("Mar 2024", "آذار ٢٠٢٤"); a bare year passes to formatYear. */
export function formatMonth(month: string, locale: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return /^\d{4}$/.test(month) ? formatYear(Number(month), locale) : month;
  const key = `${locale}|month`;
  const format = dateFormats.get(key) ?? dateFormats.set(key, new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" })).get(key)!;
  return format.format(new Date(`${month}-01T00:00:00Z`));
}

/** A count or rank, in the locale's digits. */
export function formatCount(n: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** A moment in the reader's time zone, to the minute: when a draft was kept. */
export function formatDateTime(date: Date, locale: string): string {
  const key = `${locale}|datetime`;
  const format = dateFormats.get(key) ?? dateFormats.set(key, new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" })).get(key)!;
  return format.format(date);
}
