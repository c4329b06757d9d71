// What the money bought. Money is integer US cents (bigint) until it is shown;
// areas are m². Pure: the queries bring the rows, this adds them up.

import { type GrantPlace, placeOfGrant, type Region, regionGroup } from "./funding-place";

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
