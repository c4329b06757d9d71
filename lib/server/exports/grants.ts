// Grants the caller may see (a donor its own), of the view's donor, partner,
// region and fiscal years.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { landReleaseCents } from "@/lib/domain/activity-split";
import { moneyFlow } from "@/lib/domain/funding";
import { batches } from "@/lib/exports/stream";
import type { Column } from "@/lib/exports/table";
import type { ExportFilter } from "@/lib/schemas/export-filter";
import { donorFilter, fiscalYearFilter, grantRegionFilter, partnerFilter } from "@/lib/server/filters";
import type { Actor } from "@/lib/server/permissions";
import { grantScope } from "@/lib/server/scopes";
import { codeColumn, money, moneyColumn } from "./columns";
import { tabular } from "./dataset";

/** Grants in the export, and in the IATI file: the caller's, of the view's donor, partner, region and fiscal years. */
export function grantsWhere(actor: Actor, f: ExportFilter): Prisma.GrantWhereInput {
  return { AND: [grantScope(actor), donorFilter(f), partnerFilter(f), grantRegionFilter(f), fiscalYearFilter(f)] };
}

const GRANT_SELECT = {
  id: true,
  code: true,
  title: true,
  fiscalYear: true,
  periodStart: true,
  periodEnd: true,
  region: true,
  amountMinor: true,
  currency: true,
  amountUsdCents: true,
  source: true,
  donor: { select: { name: true } },
  partner: { select: { name: true } },
  transactions: { select: { type: true, amountUsdCents: true } },
  activitySplit: { select: { landReleaseBp: true, eoreBp: true, victimAssistanceBp: true, capacityBp: true } },
} satisfies Prisma.GrantSelect;
type GrantRow = Prisma.GrantGetPayload<{ select: typeof GRANT_SELECT }>;

const COLUMNS: Column<GrantRow>[] = [
  { header: "grantCode", hxl: "#activity+code+grant", type: "string", value: (g) => g.code, width: 22 },
  { header: "title", hxl: "#activity+name", type: "string", value: (g) => g.title, width: 36 },
  { header: "donor", hxl: "#org+funder", type: "string", value: (g) => g.donor.name, width: 28 },
  { header: "partner", hxl: "#org+impl", type: "string", value: (g) => g.partner?.name ?? null, width: 28 },
  { header: "fiscalYear", hxl: "#date+year", type: "integer", value: (g) => g.fiscalYear },
  { header: "periodStart", hxl: "#date+start", type: "date", value: (g) => g.periodStart },
  { header: "periodEnd", hxl: "#date+end", type: "date", value: (g) => g.periodEnd },
  codeColumn("region", "#region+name", "region", (g) => g.region),
  moneyColumn("amount", "#value", (g) => money(g.amountMinor)),
  { header: "currency", hxl: "#currency", type: "string", value: (g) => g.currency },
  moneyColumn("amountUsd", "#value+usd", (g) => money(g.amountUsdCents)),
  moneyColumn("committedUsd", "#value+usd+committed", (g) => money(moneyFlow(g.transactions).committedCents)),
  moneyColumn("disbursedUsd", "#value+usd+disbursed", (g) => money(moneyFlow(g.transactions).disbursedCents)),
  moneyColumn("spentUsd", "#value+usd+spent", (g) => money(moneyFlow(g.transactions).spentCents)),
  ...(
    [
      ["landReleaseShareBp", "landReleaseBp", "#sector+land_release"],
      ["eoreShareBp", "eoreBp", "#sector+eore"],
      ["victimAssistanceShareBp", "victimAssistanceBp", "#sector+victim_assistance"],
      ["capacityShareBp", "capacityBp", "#sector+capacity"],
    ] as const
  ).map(
    ([header, share, sector]): Column<GrantRow> => ({
      header,
      hxl: `${sector}+share_bp`,
      type: "integer",
      value: (g) => g.activitySplit?.[share] ?? null,
    }),
  ),
  // What the funding page counts against land: the disbursed US$ times the land-release share; empty when not stated.
  moneyColumn("landReleaseUsd", "#value+usd+disbursed+land_release", (g) => {
    const cents = landReleaseCents(moneyFlow(g.transactions).disbursedCents, g.activitySplit);
    return cents === null ? null : money(cents);
  }),
  { header: "source", hxl: "#meta+source", type: "string", value: (g) => g.source, width: 36 },
];

export const grants = tabular("grants", "Grants", "funding:read", COLUMNS, async (db, actor, f) => {
  const where = grantsWhere(actor, f);
  return {
    count: () => db.grant.count({ where }),
    rows: () => batches((p) => db.grant.findMany({ where, select: GRANT_SELECT, ...p })),
  };
});
