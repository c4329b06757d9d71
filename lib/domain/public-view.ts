// The views the public page offers anonymous readers: the whole country, a
// region or a governorate, all years or one whole year. Nothing else is read
// from its address: every other combination of filters (any day range, a
// contamination type, a made-up P-code) would be one more uncached view,
// seconds of work over the national data each, which anyone could ask for
// without signing in, pushing signed-in users' views out of the cache.

export type PublicView = { region?: "federal" | "kurdistan"; governorate?: string; year?: number };

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * The offered view an address asks for: a governorate only from `governorates`
 * (the region is then implied, so dropped), a year only from `years`; any other
 * parameter or value is ignored rather than refused, so an old shared link
 * still opens the nearest offered view.
 */
export function publicViewFrom(
  params: Params,
  offered: { governorates: readonly string[]; years: readonly number[] },
): PublicView {
  const view: PublicView = {};
  const governorate = one(params.governorate);
  const region = one(params.region);
  if (governorate && offered.governorates.includes(governorate)) view.governorate = governorate;
  else if (region === "federal" || region === "kurdistan") view.region = region;
  const year = one(params.year);
  if (year && /^\d{4}$/.test(year) && offered.years.includes(Number(year))) view.year = Number(year);
  return view;
}

/** The view as the progress filter it stands for: a year is 1 January to 31 December. */
export function publicViewFilter(view: PublicView): {
  region?: "federal" | "kurdistan";
  governorate?: string;
  from?: string;
  to?: string;
} {
  return {
    ...(view.region ? { region: view.region } : {}),
    ...(view.governorate ? { governorate: view.governorate } : {}),
    ...(view.year ? { from: `${view.year}-01-01`, to: `${view.year}-12-31` } : {}),
  };
}

/** The years offered, newest first: from the first year with released land to the current one. */
export function publicYears(firstYear: number | null, currentYear: number): number[] {
  const from = Math.min(firstYear ?? currentYear, currentYear);
  return Array.from({ length: currentYear - from + 1 }, (_, i) => currentYear - i);
}
