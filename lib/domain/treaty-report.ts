// Remaining contamination in the shape of the treaty reports Iraq files each
// year (Mine Ban Treaty Article 7, Convention on Cluster Munitions Article 7):
// by governorate and by type of contamination, from the registered hazardous
// areas and the land released in them.
import type { CONTAMINATION_TYPES } from "@/lib/schemas/hazard-area";
import type { GovernorateRef } from "./progress";

/**
 * The treaty columns and the register's contamination types in each.
 * Improvised anti-personnel mines are anti-personnel mines under the Mine
 * Ban Treaty, so they are reported with them; anti-vehicle mines fall under
 * no Article 7 and go with other explosive remnants.
 */
export const TREATY_CATEGORIES = {
  antiPersonnelMines: ["AP_MINES", "IMPROVISED_AP_MINES"],
  improvisedDevices: ["IEDS"],
  clusterMunitionRemnants: ["CLUSTER_MUNITION_REMNANTS"],
  otherExplosiveRemnants: ["AT_MINES", "UXO", "OTHER_ERW"],
} as const satisfies Record<string, readonly (typeof CONTAMINATION_TYPES)[number][]>;

export type TreatyCategory = keyof typeof TREATY_CATEGORIES;
export const TREATY_CATEGORY_KEYS = Object.keys(TREATY_CATEGORIES) as TreatyCategory[];

/**
 * Less than this left of an area is the accounting's floating-point noise
 * (it conserves area to about 1e-8 of it), not land still to release: such
 * an area is released, and not counted as one with contamination left.
 */
export const RELEASED_IN_FULL_BELOW_M2 = 0.01;

/** Registered areas of one governorate sharing one set of contamination types, as the database sums them. */
export type RemainingByTypes = { pcode: string; types: readonly string[]; areas: number; remainingM2: number };

type Cell = { areas: number; m2: number };

export type TreatyRow = GovernorateRef &
  Record<TreatyCategory, Cell> & {
    /** Every remaining m² of the governorate once, whatever its types: the governorate table's remaining. */
    allTypes: Cell;
  };

export type TreatyReport = { rows: TreatyRow[]; total: Omit<TreatyRow, keyof GovernorateRef> };

const empty = (): Omit<TreatyRow, keyof GovernorateRef> => ({
  antiPersonnelMines: { areas: 0, m2: 0 },
  improvisedDevices: { areas: 0, m2: 0 },
  clusterMunitionRemnants: { areas: 0, m2: 0 },
  otherExplosiveRemnants: { areas: 0, m2: 0 },
  allTypes: { areas: 0, m2: 0 },
});

/**
 * One row per governorate with remaining contamination. An area of several
 * types is counted in each of its columns, as each treaty counts it, so the
 * columns are not added across; `allTypes` counts it once.
 */
export function treatyReport(
  groups: readonly RemainingByTypes[],
  governorates: readonly GovernorateRef[],
): TreatyReport {
  const names = new Map(governorates.map((g) => [g.pcode, g]));
  const rows = new Map<string, TreatyRow>();
  const total = empty();
  for (const g of groups) {
    const ref = names.get(g.pcode);
    if (!ref || g.areas === 0 || g.remainingM2 <= 0) continue;
    const row = rows.get(g.pcode) ?? rows.set(g.pcode, { ...ref, ...empty() }).get(g.pcode)!;
    const add = (key: TreatyCategory | "allTypes") => {
      for (const cell of [row[key], total[key]]) {
        cell.areas += g.areas;
        cell.m2 += g.remainingM2;
      }
    };
    for (const key of TREATY_CATEGORY_KEYS)
      if ((TREATY_CATEGORIES[key] as readonly string[]).some((t) => g.types.includes(t))) add(key);
    add("allTypes");
  }
  return { rows: [...rows.values()].sort((a, b) => b.allTypes.m2 - a.allTypes.m2), total };
}
