// Funding transactions the caller may see (a donor its own), of the view's
// donor, the partner and region of their grant, and dated in the period.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { IATI_TRANSACTION_TYPE } from "@/lib/exports/iati";
import { batches } from "@/lib/exports/stream";
import type { Column } from "@/lib/exports/table";
import { donorFilter, grantRegionFilter, partnerFilter, periodFilter } from "@/lib/server/filters";
import { transactionScope } from "@/lib/server/scopes";
import { codeColumn, money, moneyColumn } from "./columns";
import { tabular } from "./dataset";

const TRANSACTION_SELECT = {
  id: true,
  type: true,
  date: true,
  amountMinor: true,
  currency: true,
  amountUsdCents: true,
  description: true,
  source: true,
  donor: { select: { name: true } },
  grant: { select: { code: true, partner: { select: { name: true } } } },
} satisfies Prisma.FundingTransactionSelect;
type TransactionRow = Prisma.FundingTransactionGetPayload<{ select: typeof TRANSACTION_SELECT }>;

const COLUMNS: Column<TransactionRow>[] = [
  { header: "grantCode", hxl: "#activity+code+grant", type: "string", value: (t) => t.grant?.code ?? null, width: 22 },
  { header: "donor", hxl: "#org+funder", type: "string", value: (t) => t.donor.name, width: 28 },
  { header: "partner", hxl: "#org+impl", type: "string", value: (t) => t.grant?.partner?.name ?? null, width: 28 },
  codeColumn("type", "#indicator+type", "transactionType", (t) => t.type),
  {
    header: "iatiTransactionType",
    hxl: "#indicator+type+code",
    type: "string",
    value: (t) => IATI_TRANSACTION_TYPE[t.type],
  },
  { header: "date", hxl: "#date", type: "date", value: (t) => t.date },
  moneyColumn("amount", "#value", (t) => money(t.amountMinor)),
  { header: "currency", hxl: "#currency", type: "string", value: (t) => t.currency },
  moneyColumn("amountUsd", "#value+usd", (t) => money(t.amountUsdCents)),
  { header: "description", hxl: "#description", type: "string", value: (t) => t.description, width: 36 },
  { header: "source", hxl: "#meta+source", type: "string", value: (t) => t.source, width: 36 },
];

export const transactions = tabular(
  "transactions",
  "Funding transactions",
  "funding:read",
  COLUMNS,
  async (db, actor, f) => {
    const where: Prisma.FundingTransactionWhereInput = {
      AND: [
        transactionScope(actor),
        donorFilter(f),
        f.partner || f.region ? { grant: { ...partnerFilter(f), ...grantRegionFilter(f) } } : {},
        periodFilter("date", f),
      ],
    };
    return {
      count: () => db.fundingTransaction.count({ where }),
      rows: () => batches((p) => db.fundingTransaction.findMany({ where, select: TRANSACTION_SELECT, ...p })),
    };
  },
);
