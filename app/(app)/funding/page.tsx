import { getLocale, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { listGrants } from "@/lib/server/queries/funding";
import { formatUsdCents } from "@/lib/i18n/format";

export default async function FundingPage() {
  const user = await requirePage("/funding");
  const [rows, t, locale] = await Promise.all([listGrants(await getDb(), user), getTranslations("funding"), getLocale()]);
  const total = rows.reduce((s, g) => s + g.amountUsdCents, 0n);
  return (
    <>
      <h1>{t("title")}</h1>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t("code")}</th>
              <th>{t("grant")}</th>
              <th>{t("donor")}</th>
              <th>{t("partner")}</th>
              <th className="num">{t("year")}</th>
              <th className="num">{t("amount")}</th>
              <th>{t("source")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.id}>
                <td>{g.code}</td>
                <td>
                  {g.title} {g.isDemo && <span className="badge">{t("demo")}</span>}
                </td>
                <td>{g.donor.name}</td>
                <td>{g.partner?.name ?? t("notNamed")}</td>
                <td className="num">{g.fiscalYear}</td>
                <td className="num">{formatUsdCents(g.amountUsdCents, locale)}</td>
                <td className="note">{g.source}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={5}>{t("total")}</th>
              <th className="num" data-testid="funding-total" data-cents={total.toString()}>
                {formatUsdCents(total, locale)}
              </th>
              <th />
            </tr>
          </tfoot>
        </table>
      )}
    </>
  );
}
