// Victim assistance (IMAS 13.10): survivors referred to or given medical care,
// physical rehabilitation, psychological support or economic inclusion,
// counted by sex and age as the record gives them, unknown kept apart.

export const VA_SERVICES = [
  "MEDICAL_CARE",
  "PHYSICAL_REHABILITATION",
  "PSYCHOLOGICAL_SUPPORT",
  "ECONOMIC_INCLUSION",
] as const;
export type VaService = (typeof VA_SERVICES)[number];

export const SURVIVOR_GROUPS = ["women", "men", "girls", "boys", "unknown"] as const;
export type Survivors = Record<(typeof SURVIVOR_GROUPS)[number], number>;

export const survivorsIn = (s: Survivors) => SURVIVOR_GROUPS.reduce((n, k) => n + s[k], 0);

export type ServiceFigures = { service: VaService; records: number; survivors: Survivors; total: number };

/**
 * Survivors by service, every service listed (none recorded is a row of
 * zeros), each row's groups adding up to its total. A survivor given two
 * services is in two rows: the rows are services given, not people.
 */
export function figuresByService(rows: readonly ({ service: VaService; records: number } & Survivors)[]) {
  return VA_SERVICES.map((service): ServiceFigures => {
    const survivors: Survivors = { women: 0, men: 0, girls: 0, boys: 0, unknown: 0 };
    let records = 0;
    for (const r of rows.filter((x) => x.service === service)) {
      records += r.records;
      for (const k of SURVIVOR_GROUPS) survivors[k] += r[k];
    }
    return { service, records, survivors, total: survivorsIn(survivors) };
  });
}
