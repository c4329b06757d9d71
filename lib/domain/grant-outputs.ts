// What a grant's money produced, year by year: the land released by method
// and the devices destroyed in the tasks it funds, attributed by its share of
// each task. Pure: the queries bring the sums per task share, this adds them up.
import type { FundedRelease } from "./funding";

/** Devices found and destroyed in approved reports of a task a grant funds, summed by year of the period's end. */
export type FundedDevices = { grantId: string; shareBp: number; year: number; count: number };

/** One year's outputs of a grant: m² by method and devices, each its share of its tasks' (fractions kept). */
export type GrantYearOutputs = {
  year: number;
  cancelledM2: number;
  reducedM2: number;
  clearedM2: number;
  devices: number;
};

/**
 * Outputs by grant and year, oldest first: each task's approved m² (by
 * method) and devices destroyed times the grant's share of the task. A share
 * applies to devices as to land: a grant funding 40 % of a task is credited
 * with 40 % of its devices, so a year's count may be a fraction, and the
 * grants funding a task add up to its devices. Sums of approved reports, so
 * land a failed inspection reopened (approved, negative m²) is taken off.
 */
export function grantOutputs(
  releases: readonly Pick<FundedRelease, "grantId" | "shareBp" | "year" | "method" | "m2">[],
  devices: readonly FundedDevices[],
): Map<string, GrantYearOutputs[]> {
  const byGrant = new Map<string, Map<number, GrantYearOutputs>>();
  const slot = (grantId: string, year: number) => {
    const years = byGrant.get(grantId) ?? byGrant.set(grantId, new Map()).get(grantId)!;
    return (
      years.get(year) ?? years.set(year, { year, cancelledM2: 0, reducedM2: 0, clearedM2: 0, devices: 0 }).get(year)!
    );
  };
  for (const r of releases) slot(r.grantId, r.year)[`${r.method}M2`] += (r.m2 * r.shareBp) / 10_000;
  for (const d of devices) slot(d.grantId, d.year).devices += (d.count * d.shareBp) / 10_000;
  return new Map([...byGrant].map(([id, years]) => [id, [...years.values()].sort((a, b) => a.year - b.year)] as const));
}
