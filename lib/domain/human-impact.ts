// Risk education and casualties, counted by sex and age: women and men are 18
// and over, girls and boys under 18, as the Landmine Monitor and IMAS 12.10
// report them. National figures are the sums of the governorates' rows, so
// every table adds up to its total.
import type { GovernorateNames } from "@/lib/i18n/names";
import { addTallies, type CasualtyTally, noCasualties } from "./casualties";

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

export type RiskEducationRow = GovernorateNames & { pcode: string; sessions: number } & SexAge;
export type CasualtyRow = GovernorateNames & { pcode: string; incidents: number; people: CasualtyTally };

export type HumanImpact = {
  riskEducation: { sessions: number; beneficiaries: SexAge; byGovernorate: RiskEducationRow[] };
  /** `people`: killed, injured and of unknown outcome, by sex and age and by status (unknown kept as unknown). */
  casualties: { incidents: number; people: CasualtyTally; byGovernorate: CasualtyRow[] };
};

/** The view's totals from its rows per governorate (rows with nothing are left out). */
export function buildHumanImpact(riskEducation: RiskEducationRow[], casualties: CasualtyRow[]): HumanImpact {
  const eore = riskEducation
    .filter((r) => r.sessions > 0)
    .sort((a, b) => b.sessions - a.sessions || a.pcode.localeCompare(b.pcode));
  const cas = casualties
    .filter((c) => c.incidents > 0)
    .sort((a, b) => b.people.total - a.people.total || a.pcode.localeCompare(b.pcode));
  return {
    riskEducation: {
      sessions: eore.reduce((n, r) => n + r.sessions, 0),
      beneficiaries: eore.reduce((sum, r) => addPeople(sum, r), noOne()),
      byGovernorate: eore,
    },
    casualties: {
      incidents: cas.reduce((n, c) => n + c.incidents, 0),
      people: cas.reduce((sum, c) => addTallies(sum, c.people), noCasualties()),
      byGovernorate: cas,
    },
  };
}
