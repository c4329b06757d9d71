import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatUsdCents } from "@/lib/i18n/format";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { listGrants } from "@/lib/server/queries/funding";

type Row = Awaited<ReturnType<typeof listGrants>>[number];

export default async function FundingPage() {
  const user = await requirePage("/funding");
  const [rows, t, locale] = await Promise.all([listGrants(await getDb(), user), getTranslations("funding"), getLocale()]);
  const total = rows.reduce((s, g) => s + g.amountUsdCents, 0n);
  const columns: Column<Row>[] = [
    { key: "code", header: t("code"), cell: (g) => g.code },
    { key: "title", header: t("grant"), cell: (g) => <>{g.title} {g.isDemo && <span className="badge">{t("demo")}</span>}</> },
    { key: "donor", header: t("donor"), cell: (g) => g.donor.name },
    { key: "partner", header: t("partner"), cell: (g) => g.partner?.name ?? t("notNamed") },
    { key: "year", header: t("year"), numeric: true, cell: (g) => g.fiscalYear },
    { key: "amount", header: t("amount"), numeric: true, cell: (g) => formatUsdCents(g.amountUsdCents, locale) },
    { key: "source", header: t("source"), cell: (g) => <span className="note">{g.source}</span> },
  ];
  const footer = (
    <tr>
      <th colSpan={5}>{t("total")}</th>
      <th className="num" data-testid="funding-total" data-cents={total.toString()}>
        {formatUsdCents(total, locale)}
      </th>
      <th />
    </tr>
  );
  return (
    <>
      <h1>{t("title")}</h1>
      <DataTable rows={rows} columns={columns} rowKey={(g) => g.id} empty={t("empty")} footer={footer} />
    </>
  );
}
