import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/ui/table-scroll";
import type { CostGroup, costPerM2 } from "@/lib/domain/funding-cost";
import { formatArea, formatList, formatM2, formatUsd, formatUsdCents, formatYear } from "@/lib/i18n/format";

/** Grant codes shown in a cell before "and N more": the rest are in the grants table and the grants file. */
const CODES_SHOWN = 12;

/**
 * What each dollar released: the rule in a sentence beside the figures, the
 * grants left out for stating no split, and cost per m² by donor, partner,
 * method and year, each figure with the grants it is made of.
 */
export async function CostSection({
  cost,
  locale,
  region,
}: {
  cost: ReturnType<typeof costPerM2>;
  locale: string;
  region: boolean;
}) {
  const [t, tMethod] = await Promise.all([getTranslations("funding"), getTranslations("method")]);
  const usd = (v: number) => formatUsdCents(BigInt(Math.round(v * 100)), locale);
  const codes = (grants: string[]) =>
    grants.length > CODES_SHOWN
      ? formatList([...grants.slice(0, CODES_SHOWN), `+${grants.length - CODES_SHOWN}`], locale)
      : formatList(grants, locale);
  const costTable = (title: string, groups: CostGroup[], label: (g: CostGroup) => string, testId: string) => (
    <section className="card">
      <h3>{title}</h3>
      <TableScroll label={title}>
        <table data-testid={testId}>
          <thead>
            <tr>
              <th />
              <th className="num">{t("attributedM2")}</th>
              <th className="num">{t("attributedUsd")}</th>
              <th className="num">{t("usdPerM2")}</th>
              <th>{t("madeOf")}</th>
            </tr>
          </thead>
          <tbody>
            {groups.length === 0 && (
              <tr>
                <td colSpan={5} className="note">
                  {t(region ? "noAttributedLandRegion" : "noAttributedLand")}
                </td>
              </tr>
            )}
            {groups.map((g) => (
              <tr key={g.key} data-key={g.key} data-m2={g.attributedM2} data-usd={g.attributedUsd}>
                <th scope="row">{label(g)}</th>
                <td className="num">
                  {formatM2(g.attributedM2, locale)}
                  {!!g.mixedM2 && (
                    <>
                      <br />
                      <small className="note">{t("mixedM2Note", { area: formatArea(g.mixedM2, locale) })}</small>
                    </>
                  )}
                </td>
                <td className="num">{usd(g.attributedUsd)}</td>
                <td className="num" data-per-m2={g.usdPerM2 ?? ""}>
                  {g.usdPerM2 !== null
                    ? formatUsd(g.usdPerM2, locale)
                    : g.attributedM2 > 0 || g.mixedM2
                      ? t("notSeparable")
                      : "—"}
                </td>
                <td>
                  <small>{codes(g.grants)}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
  const methodLabel = (g: CostGroup) => (g.key === "mixed" ? t("mixedMethods") : tMethod(g.key.toUpperCase()));
  return (
    <>
      <h2>{t("costTitle")}</h2>
      <p className="note" data-testid="attribution-rule">
        {t("rule")}
      </p>
      <p className="note" data-testid="method-rule">
        {t("methodRule")}
      </p>
      {cost.notStated.grants.length > 0 && (
        <p className="warning" data-testid="split-not-stated">
          {t("notStated", {
            grants: codes(cost.notStated.grants),
            usd: formatUsdCents(cost.notStated.disbursedCents, locale),
            area: formatArea(cost.notStated.m2, locale),
          })}
        </p>
      )}
      {region && (
        <p className="note" data-testid="region-land-rule">
          {t("regionLandRule")}
        </p>
      )}
      <div className="chart-grid">
        {costTable(t("byDonor"), cost.byDonor, (g) => g.label, "cost-by-donor")}
        {costTable(t("byPartner"), cost.byPartner, (g) => g.label, "cost-by-partner")}
        {costTable(t("byMethod"), cost.byMethod, methodLabel, "cost-by-method")}
        {costTable(t("byYear"), cost.byYear, (g) => formatYear(Number(g.key), locale), "cost-by-year")}
      </div>
    </>
  );
}
