// What the money bought. Money is integer US cents (bigint) until it is shown;
// areas are m². Pure: the queries bring the rows, this adds them up.

import { type GrantPlace, placeOfGrant, type Region, regionGroup, releasedIn } from "./funding-place";

export type TransactionKind = "INCOMING_COMMITMENT" | "OUTGOING_COMMITMENT" | "DISBURSEMENT" | "EXPENDITURE";

export type GrantMoney = {
  id: string;
  code: string;
  donor: { id: string; name: string };
  partner: { id: string; name: string } | null;
  fiscalYear: number;
  /** As the grant states it. */
  region: "FEDERAL" | "KURDISTAN" | null;
  /** Where its money went (see placeOfGrant); its stated region alone when not given. */
  place?: GrantPlace;
  transactions: { type: TransactionKind; amountUsdCents: bigint }[];
};

export type MoneyFlow = { committedCents: bigint; disbursedCents: bigint; spentCents: bigint };

/**
 * A grant's committed, disbursed and spent US$ from its IATI transactions.
 * Committed is its commitments (incoming, as the partner records them, or
 * outgoing, as the donor does: never both added); a grant recorded only as
 * disbursed (as Landmine Monitor reports contributions) counts that as
 * committed, since money paid was committed.
 */
export function moneyFlow(transactions: GrantMoney["transactions"]): MoneyFlow {
  const sum = (type: TransactionKind) =>
    transactions.filter((t) => t.type === type).reduce((s, t) => s + t.amountUsdCents, 0n);
  const incoming = sum("INCOMING_COMMITMENT");
  const commitments = incoming > 0n ? incoming : sum("OUTGOING_COMMITMENT");
  const disbursedCents = sum("DISBURSEMENT");
  return {
    committedCents: commitments > disbursedCents ? commitments : disbursedCents,
    disbursedCents,
    spentCents: sum("EXPENDITURE"),
  };
}

export type FundingGroupBy = "donor" | "year" | "partner" | "region";
export type FundingItem = { key: string; label: string; committedUsd: number; disbursedUsd: number; spentUsd: number };

const usd = (cents: bigint) => Number(cents) / 100;

/** The region a grant's money is summed under, and its name: a grant funding work in both regions under both together. */
function regionKey(g: GrantMoney, labels: FundingGroupLabels): [string, string] {
  const group = regionGroup(g.place ?? placeOfGrant(g.region, []));
  if (group === null) return ["unspecified", labels.unspecifiedRegion];
  return [group.toLowerCase(), group === "BOTH" ? labels.bothRegions : labels.region(group)];
}

type FundingGroupLabels = {
  unnamedPartner: string;
  unspecifiedRegion: string;
  bothRegions: string;
  region: (r: "FEDERAL" | "KURDISTAN") => string;
};

/**
 * Grants' money by donor, fiscal year, partner or region (where the money
 * went: see placeOfGrant); each grant in one group, so the items add up to
 * the totals.
 */
export function summariseFunding(grants: readonly GrantMoney[], groupBy: FundingGroupBy, labels: FundingGroupLabels) {
  const groups = new Map<string, { label: string } & MoneyFlow>();
  const totals: MoneyFlow = { committedCents: 0n, disbursedCents: 0n, spentCents: 0n };
  for (const g of grants) {
    const [key, label] =
      groupBy === "donor"
        ? [g.donor.id, g.donor.name]
        : groupBy === "year"
          ? [String(g.fiscalYear), String(g.fiscalYear)]
          : groupBy === "partner"
            ? [g.partner?.id ?? "unnamed", g.partner?.name ?? labels.unnamedPartner]
            : regionKey(g, labels);
    const flow = moneyFlow(g.transactions);
    const group =
      groups.get(key) ?? groups.set(key, { label, committedCents: 0n, disbursedCents: 0n, spentCents: 0n }).get(key)!;
    for (const k of ["committedCents", "disbursedCents", "spentCents"] as const) {
      group[k] += flow[k];
      totals[k] += flow[k];
    }
  }
  const items: FundingItem[] = [...groups.entries()]
    .map(([key, g]) => ({
      key,
      label: g.label,
      committedUsd: usd(g.committedCents),
      disbursedUsd: usd(g.disbursedCents),
      spentUsd: usd(g.spentCents),
    }))
    .sort((a, b) => (groupBy === "year" ? Number(a.key) - Number(b.key) : b.committedUsd - a.committedUsd));
  return {
    items,
    totalUsd: usd(totals.committedCents),
    totals: {
      committedUsd: usd(totals.committedCents),
      disbursedUsd: usd(totals.disbursedCents),
      spentUsd: usd(totals.spentCents),
    },
  };
}

/** Approved land released in a task a grant funds, by method, year and region: the grant's share of the task applied. */
export type FundedRelease = {
  grantId: string;
  shareBp: number;
  method: "cancelled" | "reduced" | "cleared";
  year: number;
  /** The region of the governorate of the hazardous area the land was released in. */
  region: Region;
  m2: number;
};

export type CostGroup = {
  key: string;
  label: string;
  attributedM2: number;
  attributedUsd: number;
  usdPerM2: number | null;
};

/**
 * Cost per m² released, by donor, partner, method and year. The rule (shown
 * on the funding page): each task's released m² is shared between the grants
 * funding it by their share of the task; a grant's disbursed US$ is spread
 * evenly over all the m² attributed to it, so every attributed m² carries its
 * grant's price; a group's cost per m² is its attributed US$ over its
 * attributed m². Grants with no released land yet are left out. Over the
 * whole country, in each grouping the attributed US$ add up to the
 * disbursements of the grants that released land, and the m² to the land
 * those grants funded.
 *
 * With a region, only the land released there is counted, each m² still at
 * its grant's price over all its land (a price does not change with the
 * view), so a grant's attributed US$ are its money's share for that land and
 * the two regions add up to the whole country. `grants` and `releases` must
 * then still be all the grants and all their land, not only those placed in
 * the region: a price read from one region's land alone would charge the
 * grant's whole money to it.
 */
export function costPerM2(grants: readonly GrantMoney[], releases: readonly FundedRelease[], region?: Region) {
  const byGrant = new Map(grants.map((g) => [g.id, g]));
  const funded = releases
    .filter((r) => byGrant.has(r.grantId) && r.m2 > 0)
    .map((r) => ({ ...r, m2: (r.m2 * r.shareBp) / 10_000 }));
  const grantM2 = new Map<string, number>();
  for (const r of funded) grantM2.set(r.grantId, (grantM2.get(r.grantId) ?? 0) + r.m2);
  const price = new Map(
    [...grantM2].map(([id, m2]) => [id, usd(moneyFlow(byGrant.get(id)!.transactions).disbursedCents) / m2]),
  );
  const attributed = funded.filter((r) => releasedIn(r, region));
  const group = (keyOf: (r: (typeof attributed)[number], g: GrantMoney) => [string, string]): CostGroup[] => {
    const out = new Map<string, CostGroup>();
    for (const r of attributed) {
      const g = byGrant.get(r.grantId)!;
      const [key, label] = keyOf(r, g);
      const c =
        out.get(key) ?? out.set(key, { key, label, attributedM2: 0, attributedUsd: 0, usdPerM2: null }).get(key)!;
      c.attributedM2 += r.m2;
      c.attributedUsd += r.m2 * price.get(r.grantId)!;
    }
    return [...out.values()]
      .map((c) => ({ ...c, usdPerM2: c.attributedM2 > 0 ? c.attributedUsd / c.attributedM2 : null }))
      .sort((a, b) => a.key.localeCompare(b.key));
  };
  return {
    byDonor: group((_, g) => [g.donor.id, g.donor.name]),
    byPartner: group((_, g) => [g.partner?.id ?? "unnamed", g.partner?.name ?? "—"]),
    byMethod: group((r) => [r.method, r.method]),
    byYear: group((r) => [String(r.year), String(r.year)]),
  };
}

/**
 * Committed US$ by fiscal year and donor, for a stacked chart: the `top`
 * largest donors by name, the others summed as `otherLabel`. Each year's
 * parts add up to that year's committed total.
 */
export function committedByYearAndDonor(grants: readonly GrantMoney[], top: number, otherLabel: string) {
  const byDonor = new Map<string, bigint>();
  for (const g of grants)
    byDonor.set(g.donor.name, (byDonor.get(g.donor.name) ?? 0n) + moneyFlow(g.transactions).committedCents);
  const named = [...byDonor]
    .sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0))
    .slice(0, top)
    .map(([name]) => name);
  const years = new Map<number, Record<string, number | string>>();
  for (const g of grants) {
    const row = years.get(g.fiscalYear) ?? years.set(g.fiscalYear, { year: String(g.fiscalYear) }).get(g.fiscalYear)!;
    const key = named.includes(g.donor.name) ? g.donor.name : otherLabel;
    row[key] = ((row[key] as number | undefined) ?? 0) + usd(moneyFlow(g.transactions).committedCents);
  }
  const donors = byDonor.size > named.length ? [...named, otherLabel] : named;
  return { rows: [...years.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r), donors };
}

/**
 * The fiscal years a funding view offers, newest first: those of the grants
 * the caller sees, and the year asked for (an address may name a year with no
 * grant in it; the view then says so, under that year, not under "all").
 */
export function fiscalYearChoices(withGrants: readonly number[], asked?: number): number[] {
  return [...new Set(asked === undefined ? withGrants : [...withGrants, asked])].sort((a, b) => b - a);
}
