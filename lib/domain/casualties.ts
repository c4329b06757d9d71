// Casualties as IMAS 13.10 and the Landmine Monitor count them: each person
// killed, injured or of unknown outcome, by sex and age and by status
// (civilian, deminer, security forces) as far as the record knows. What it
// does not know stays unknown: Landmine Monitor's Iraq figures for 2017 had
// 152 of 304 casualties of unknown age and sex, and no figure here splits them.

export const OUTCOMES = ["KILLED", "INJURED", "UNKNOWN"] as const;
export const SEXES = ["FEMALE", "MALE", "UNKNOWN"] as const;
/** Adults are 18 and over, children under 18. */
export const AGES = ["ADULT", "CHILD", "UNKNOWN"] as const;
export const STATUSES = ["CIVILIAN", "DEMINER", "SECURITY_FORCES", "UNKNOWN"] as const;

export type Outcome = (typeof OUTCOMES)[number];
export type Sex = (typeof SEXES)[number];
export type Age = (typeof AGES)[number];
export type CasualtyStatus = (typeof STATUSES)[number];

/** People of one outcome, sex, age and status in one accident. */
export type CasualtyGroup = { outcome: Outcome; sex: Sex; age: Age; status: CasualtyStatus; count: number };

/** The people in a set of groups, by outcome, by sex and age, and by status; every split adds up to `total`. */
export type CasualtyTally = {
  total: number;
  byOutcome: Record<Outcome, number>;
  /** Sex × age: FEMALE.ADULT are women, MALE.CHILD boys, UNKNOWN.UNKNOWN people of unknown sex and age. */
  bySexAge: Record<Sex, Record<Age, number>>;
  byStatus: Record<CasualtyStatus, number>;
  /** Outcome × sex × age, for the killed / injured / unknown rows of a sex-and-age table. */
  byOutcomeSexAge: Record<Outcome, Record<Sex, Record<Age, number>>>;
};

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const sexAgeZeros = () => Object.fromEntries(SEXES.map((s) => [s, zeros(AGES)])) as Record<Sex, Record<Age, number>>;

export const noCasualties = (): CasualtyTally => ({
  total: 0,
  byOutcome: zeros(OUTCOMES),
  bySexAge: sexAgeZeros(),
  byStatus: zeros(STATUSES),
  byOutcomeSexAge: Object.fromEntries(OUTCOMES.map((o) => [o, sexAgeZeros()])) as CasualtyTally["byOutcomeSexAge"],
});

/**
 * The groups summed: each person counted once in each split (outcome, sex and
 * age, status), so each split's cells add up to the total. Nothing is
 * apportioned: people of unknown sex or age are counted as unknown.
 */
export function tallyCasualties(groups: Iterable<CasualtyGroup>): CasualtyTally {
  const t = noCasualties();
  for (const g of groups) {
    t.total += g.count;
    t.byOutcome[g.outcome] += g.count;
    t.bySexAge[g.sex][g.age] += g.count;
    t.byStatus[g.status] += g.count;
    t.byOutcomeSexAge[g.outcome][g.sex][g.age] += g.count;
  }
  return t;
}

/** Two tallies added (a governorate's to the nation's). */
export function addTallies(a: CasualtyTally, b: CasualtyTally): CasualtyTally {
  const t = noCasualties();
  t.total = a.total + b.total;
  for (const o of OUTCOMES) t.byOutcome[o] = a.byOutcome[o] + b.byOutcome[o];
  for (const s of STATUSES) t.byStatus[s] = a.byStatus[s] + b.byStatus[s];
  for (const s of SEXES)
    for (const g of AGES) {
      t.bySexAge[s][g] = a.bySexAge[s][g] + b.bySexAge[s][g];
      for (const o of OUTCOMES) t.byOutcomeSexAge[o][s][g] = a.byOutcomeSexAge[o][s][g] + b.byOutcomeSexAge[o][s][g];
    }
  return t;
}

const groupKey = (g: Omit<CasualtyGroup, "count">) => `${g.outcome}/${g.sex}/${g.age}/${g.status}`;

/** The same group named twice, if any (a record gives each group once). */
export function repeatedGroup<G extends Omit<CasualtyGroup, "count">>(groups: readonly G[]): number | null {
  const seen = new Set<string>();
  for (const [i, g] of groups.entries()) {
    if (seen.has(groupKey(g))) return i;
    seen.add(groupKey(g));
  }
  return null;
}

/** The women, men, girls and boys of the old four-by-two record, as groups (status unknown: the old records did not say). */
export function groupsOfSexAge(
  outcome: Outcome,
  people: { women: number; men: number; girls: number; boys: number },
  status: CasualtyStatus = "UNKNOWN",
): CasualtyGroup[] {
  const cells: [Sex, Age, number][] = [
    ["FEMALE", "ADULT", people.women],
    ["MALE", "ADULT", people.men],
    ["FEMALE", "CHILD", people.girls],
    ["MALE", "CHILD", people.boys],
  ];
  return cells.filter(([, , n]) => n > 0).map(([sex, age, count]) => ({ outcome, sex, age, status, count }));
}

const LEGACY_PEOPLE = {
  women: ["FEMALE", "ADULT"],
  men: ["MALE", "ADULT"],
  girls: ["FEMALE", "CHILD"],
  boys: ["MALE", "CHILD"],
} as const;

/**
 * An accident sent in the earlier shape (one `deviceCategory`; `killed` and
 * `injured` as women, men, girls and boys), read as the current one, so that
 * a submission a device queued before the change is still recorded. Status
 * is unknown (that shape did not say). Counts are passed on as given, zeros
 * left out, for the schema to check. Any other body is returned unchanged.
 */
export function upgradeLegacyAccident(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body) || "casualties" in body) return body;
  const { deviceCategory, killed, injured, ...rest } = body as Record<string, unknown>;
  if (deviceCategory === undefined && killed === undefined && injured === undefined) return body;
  const groups = (
    [
      ["KILLED", killed],
      ["INJURED", injured],
    ] as const
  ).flatMap(([outcome, people]) =>
    typeof people === "object" && people !== null
      ? Object.entries(LEGACY_PEOPLE)
          .map(([k, [sex, age]]) => ({
            outcome,
            sex,
            age,
            status: "UNKNOWN",
            count: (people as Record<string, unknown>)[k],
          }))
          .filter((g) => g.count !== undefined && g.count !== 0)
      : [],
  );
  return { ...rest, devices: deviceCategory === undefined ? [] : [deviceCategory], casualties: groups };
}

/** An accident's people by outcome: killed + injured + unknownOutcome = total. */
export function casualtyTotals(groups: readonly Pick<CasualtyGroup, "outcome" | "count">[]) {
  const sum = (o: Outcome) => groups.reduce((n, g) => n + (g.outcome === o ? g.count : 0), 0);
  const killed = sum("KILLED");
  const injured = sum("INJURED");
  const unknownOutcome = sum("UNKNOWN");
  return { killed, injured, unknownOutcome, total: killed + injured + unknownOutcome };
}

/** A stored GeoJSON point as longitude and latitude, or null when the accident has none. */
export function pointOf(location: unknown): { lon: number; lat: number } | null {
  const c = (location as { type?: unknown; coordinates?: unknown } | null)?.coordinates;
  return Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number" ? { lon: c[0], lat: c[1] } : null;
}

/** Children (under 18) among the casualties, whatever their sex, known or not. */
export const childrenIn = (t: CasualtyTally) => SEXES.reduce((n, s) => n + t.bySexAge[s].CHILD, 0);
