// Cost per m² released: only the money that bought land, and by method only
// where the records can tell methods apart. Money is integer US cents (bigint)
// until it is priced over m²; areas are m². Pure.
import { type ActivitySplitBp, landReleaseCents } from "./activity-split";
import { type FundedRelease, type GrantMoney, moneyFlow } from "./funding";
import { type Region, releasedIn } from "./funding-place";

export type CostGrant = GrantMoney & { activitySplit?: ActivitySplitBp | null };

type Method = FundedRelease["method"];

export type CostGroup = {
  key: string;
  label: string;
  attributedM2: number;
  attributedUsd: number;
  /** Null where the cost cannot be told apart ("not separable") or no land was attributed. */
  usdPerM2: number | null;
  /** The codes of the grants the figure is made of. */
  grants: string[];
  /** By method only: that method's m² released by grants whose land is of several methods (not in this figure). */
  mixedM2?: number;
};

/** A grant's part in the figures: the money counted against land, its land (all of it, every region), its method. */
export type GrantCost = {
  grantId: string;
  code: string;
  /** Disbursed US cents × the land-release share; null when the grant states no split (then left out). */
  landReleaseCents: bigint | null;
  m2: number;
  /** Its land's one method; null when of several methods (then its price per method is not separable). */
  method: Method | null;
};

const usd = (cents: bigint) => Number(cents) / 100;
const METHODS: readonly Method[] = ["cancelled", "reduced", "cleared"];

/**
 * Cost per m² released, by donor, partner, method and year. The rule (shown
 * on the funding page):
 * - Money: a grant's disbursed US$ times its stated land-release share (the
 *   rest bought risk education, victim assistance or capacity, not land). A
 *   grant stating no split is left out, its money and its land, and listed in
 *   `notStated`: its money cannot be told apart, and counting it whole would
 *   price risk education as land.
 * - Land: each task's approved m² shared between the grants funding it by
 *   their share of the task; a grant's land money is spread over its m², so a
 *   group's cost per m² is its attributed US$ over its attributed m². Grants
 *   with no released land are left out.
 * - By method: only a grant all of whose land is of one method gives that
 *   method a price. A grant whose land is of several methods is "mixed": its
 *   money and m² are summed apart, with no price (spreading it evenly would
 *   charge a m² cancelled by survey as much as a m² cleared), and each
 *   method's m² from such grants is given as `mixedM2`.
 * The groups of each grouping add up to the same US$ and m².
 *
 * With a region, only the land released there is counted, each m² at its
 * grant's price over all its land, and a grant's method read from all its
 * land: `grants` and `releases` must then still be all the grants and land.
 */
export function costPerM2(grants: readonly CostGrant[], releases: readonly FundedRelease[], region?: Region) {
  const byGrant = new Map(grants.map((g) => [g.id, g]));
  const funded = releases
    .filter((r) => byGrant.has(r.grantId) && r.m2 !== 0)
    .map((r) => ({ ...r, m2: (r.m2 * r.shareBp) / 10_000 }));
  const perGrant = new Map<string, GrantCost>();
  const methodsOf = new Map<string, Set<Method>>();
  for (const r of funded) {
    const g = byGrant.get(r.grantId)!;
    const c =
      perGrant.get(g.id) ??
      perGrant
        .set(g.id, {
          grantId: g.id,
          code: g.code,
          landReleaseCents: landReleaseCents(moneyFlow(g.transactions).disbursedCents, g.activitySplit),
          m2: 0,
          method: null,
        })
        .get(g.id)!;
    c.m2 += r.m2;
    (methodsOf.get(g.id) ?? methodsOf.set(g.id, new Set()).get(g.id)!).add(r.method);
  }
  for (const c of perGrant.values()) {
    const methods = [...methodsOf.get(c.grantId)!];
    c.method = methods.length === 1 ? methods[0]! : null;
  }
  const released = [...perGrant.values()].filter((c) => c.m2 > 0);
  const priced = new Map(
    released.filter((c) => c.landReleaseCents !== null).map((c) => [c.grantId, usd(c.landReleaseCents!) / c.m2]),
  );
  const here = funded.filter((r) => releasedIn(r, region));
  const attributed = here.filter((r) => priced.has(r.grantId));
  // Left out: grants with land in the view that state no split.
  const unpriced = here.filter((r) => !priced.has(r.grantId) && perGrant.get(r.grantId)!.landReleaseCents === null);
  const notStated = [...new Set(unpriced.map((r) => r.grantId))].filter((id) => perGrant.get(id)!.m2 > 0);

  const group = (keyOf: (r: (typeof attributed)[number], g: CostGrant) => [string, string]): CostGroup[] => {
    const out = new Map<string, CostGroup & { codes: Set<string> }>();
    for (const r of attributed) {
      const g = byGrant.get(r.grantId)!;
      const [key, label] = keyOf(r, g);
      const c =
        out.get(key) ??
        out
          .set(key, { key, label, attributedM2: 0, attributedUsd: 0, usdPerM2: null, grants: [], codes: new Set() })
          .get(key)!;
      c.attributedM2 += r.m2;
      c.attributedUsd += r.m2 * priced.get(r.grantId)!;
      c.codes.add(g.code);
    }
    return [...out.values()]
      .map(({ codes, ...c }) => ({
        ...c,
        grants: [...codes].sort(),
        usdPerM2: c.attributedM2 > 0 ? c.attributedUsd / c.attributedM2 : null,
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
  };
  const byMethod = group((r) => {
    const one = perGrant.get(r.grantId)!.method;
    return one ? [one, one] : ["mixed", "mixed"];
  }).map((c) => (c.key === "mixed" ? { ...c, usdPerM2: null } : c));
  // Each method's m² in mixed grants: said beside the method, and a method with only such land says "not separable".
  for (const m of METHODS) {
    const mixedM2 = attributed
      .filter((r) => r.method === m && perGrant.get(r.grantId)!.method === null)
      .reduce((s, r) => s + r.m2, 0);
    const row = byMethod.find((c) => c.key === m);
    if (row) row.mixedM2 = mixedM2;
    else if (mixedM2 > 0)
      byMethod.push({ key: m, label: m, attributedM2: 0, attributedUsd: 0, usdPerM2: null, grants: [], mixedM2 });
  }
  const order = (k: string) => (k === "mixed" ? METHODS.length : METHODS.indexOf(k as Method));
  byMethod.sort((a, b) => order(a.key) - order(b.key));
  return {
    byDonor: group((_, g) => [g.donor.id, g.donor.name]),
    byPartner: group((_, g) => [g.partner?.id ?? "unnamed", g.partner?.name ?? "—"]),
    byMethod,
    byYear: group((r) => [String(r.year), String(r.year)]),
    perGrant: [...perGrant.values()],
    /** Grants with released land in the view that state no split: left out of every figure above. */
    notStated: {
      grants: notStated.map((id) => byGrant.get(id)!.code).sort(),
      disbursedCents: notStated.reduce((s, id) => s + moneyFlow(byGrant.get(id)!.transactions).disbursedCents, 0n),
      m2: unpriced.filter((r) => notStated.includes(r.grantId)).reduce((s, r) => s + r.m2, 0),
    },
  };
}
