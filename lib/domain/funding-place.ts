// Where a grant's money went. Grants rarely say: the Landmine Monitor's rows
// and most donors' records name a country, not a region, and no grant names
// governorates. The tasks a grant funds do, through their hazardous areas.
// Pure: the queries bring the governorates, this places the grant.

export type Region = "FEDERAL" | "KURDISTAN";

/** A governorate a funded task works in (its hazardous area's). */
export type WorkPlace = { pcode: string; region: Region };

export type GrantPlace = {
  /** The regions the grant's money went to: the one it states, else those of the tasks it funds (none without tasks). */
  regions: Region[];
  /** The governorates of the tasks it funds, by P-code in order. */
  governorates: string[];
  /** Whether the regions were read from the tasks, the grant stating none: the page says so. */
  fromTasks: boolean;
};

const REGIONS: readonly Region[] = ["FEDERAL", "KURDISTAN"];

/**
 * A grant's place: the region it states wins (a donor may fund a region's
 * programme before any task is ordered); a grant stating none is placed
 * where the tasks it funds are, in one region or both.
 */
export function placeOfGrant(stated: Region | null, work: readonly WorkPlace[]): GrantPlace {
  const governorates = [...new Set(work.map((w) => w.pcode))].sort();
  if (stated) return { regions: [stated], governorates, fromTasks: false };
  const found = new Set(work.map((w) => w.region));
  return { regions: REGIONS.filter((r) => found.has(r)), governorates, fromTasks: found.size > 0 };
}

/** Whether a grant funds work in the region: shown under a region's filter (a grant funding both, under each). */
export function fundsWorkIn(place: GrantPlace, region: Region): boolean {
  return place.regions.includes(region);
}

/** The group a grant falls in when money is summed by region, so each grant counts once: one region, both, or not known. */
export function regionGroup(place: GrantPlace): Region | "BOTH" | null {
  if (place.regions.length === 0) return null;
  return place.regions.length === 1 ? place.regions[0]! : "BOTH";
}

/**
 * Whether released land counts under the region shown (none: the whole
 * country). Unlike a grant's money, land lies in one governorate and so in
 * one region: counted under both, the regions would add up to more land than
 * was released.
 */
export function releasedIn(land: { region: Region }, shown: Region | undefined): boolean {
  return shown === undefined || land.region === shown;
}
