// Risk education and casualties, counted by sex and age: women and men are 18
// and over, girls and boys under 18, as the Landmine Monitor and IMAS 12.10
// report them. National figures are the sums of the governorates' rows, so
// every table adds up to its total.
import type { GovernorateNames } from "@/lib/i18n/names";

/** Women and men are this age and over; girls and boys under it. */
export const ADULT_AGE = 18;

export const SEX_AGE = ["women", "men", "girls", "boys"] as const;
export type SexAgeGroup = (typeof SEX_AGE)[number];
export type SexAge = Record<SexAgeGroup, number>;

export const noOne = (): SexAge => ({ women: 0, men: 0, girls: 0, boys: 0 });
export const everyone = (p: SexAge) => p.women + p.men + p.girls + p.boys;
export const addPeople = (a: SexAge, b: SexAge): SexAge => ({
  women: a.women + b.women,
  men: a.men + b.men,
  girls: a.girls + b.girls,
  boys: a.boys + b.boys,
});

/** The killed and injured as an accident record holds them, a field each: killedWomen, …, injuredBoys. */
export const casualtyFields = (killed: SexAge, injured: SexAge) => ({
  killedWomen: killed.women,
  killedMen: killed.men,
  killedGirls: killed.girls,
  killedBoys: killed.boys,
  injuredWomen: injured.women,
  injuredMen: injured.men,
  injuredGirls: injured.girls,
  injuredBoys: injured.boys,
});

export type RiskEducationRow = GovernorateNames & { pcode: string; sessions: number } & SexAge;
export type CasualtyRow = GovernorateNames & { pcode: string; incidents: number; killed: SexAge; injured: SexAge };

export type HumanImpact = {
  riskEducation: { sessions: number; beneficiaries: SexAge; byGovernorate: RiskEducationRow[] };
  casualties: { incidents: number; killed: SexAge; injured: SexAge; byGovernorate: CasualtyRow[] };
};

/** The view's totals from its rows per governorate (rows with nothing are left out). */
export function buildHumanImpact(riskEducation: RiskEducationRow[], casualties: CasualtyRow[]): HumanImpact {
  const eore = riskEducation
    .filter((r) => r.sessions > 0)
    .sort((a, b) => b.sessions - a.sessions || a.pcode.localeCompare(b.pcode));
  const cas = casualties
    .filter((c) => c.incidents > 0)
    .sort(
      (a, b) =>
        everyone(b.killed) + everyone(b.injured) - everyone(a.killed) - everyone(a.injured) ||
        a.pcode.localeCompare(b.pcode),
    );
  return {
    riskEducation: {
      sessions: eore.reduce((n, r) => n + r.sessions, 0),
      beneficiaries: eore.reduce((sum, r) => addPeople(sum, r), noOne()),
      byGovernorate: eore,
    },
    casualties: {
      incidents: cas.reduce((n, c) => n + c.incidents, 0),
      killed: cas.reduce((sum, c) => addPeople(sum, c.killed), noOne()),
      injured: cas.reduce((sum, c) => addPeople(sum, c.injured), noOne()),
      byGovernorate: cas,
    },
  };
}
