// Areas are stored in m²; the unit shown is chosen here, at the edge.

/** m² below one km², km² (two decimals) above, in the locale's digits. */
export function formatArea(areaM2: number, locale: string): string {
  if (Math.abs(areaM2) >= 1_000_000) {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(areaM2 / 1_000_000)} km²`;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(areaM2)} m²`;
}

/** Whole m², for figures that must trace to records exactly. */
export function formatM2(areaM2: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(areaM2)} m²`;
}

export function formatPercent(fraction: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 3 }).format(fraction);
}

/** Integer US cents as dollars, no fraction for whole amounts. */
export function formatUsdCents(cents: bigint, locale: string): string {
  const dollars = Number(cents / 100n) + Number(cents % 100n) / 100;
  return new Intl.NumberFormat(locale, { style: "currency", currency: "USD", maximumFractionDigits: cents % 100n === 0n ? 0 : 2 }).format(dollars);
}
