import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/ui/table-scroll";
import { everyone, type HumanImpact, SEX_AGE, type SexAge } from "@/lib/domain/human-impact";
import { formatCount } from "@/lib/i18n/format";
import { governorateName } from "@/lib/i18n/names";
import { CasualtyFigures } from "./casualty-figures";

/**
 * Risk education and casualties in the dashboard's view: by governorate, and
 * by sex and age, each table with its total row; the same figures on the
 * public page, where they name no partner.
 */
export async function HumanImpactFigures({ data, locale }: { data: HumanImpact; locale: string }) {
  const t = await getTranslations("humanImpact");
  const n = (value: number) => formatCount(value, locale);
  const { riskEducation: eore, casualties } = data;
  const sexAgeCells = (p: SexAge) => (
    <>
      {SEX_AGE.map((k) => (
        <td key={k} className="num">
          {n(p[k])}
        </td>
      ))}
      <td className="num" data-count={everyone(p)}>
        {n(everyone(p))}
      </td>
    </>
  );
  const sexAgeHeader = SEX_AGE.map((k) => (
    <th key={k} className="num">
      {t(k)}
    </th>
  ));
  return (
    <>
      <div className="chart-grid">
        <section className="card" aria-labelledby="eore-title">
          <h2 id="eore-title">{t("riskEducationTitle")}</h2>
          <p className="figure" data-testid="eore-beneficiaries" data-count={everyone(eore.beneficiaries)}>
            {t("beneficiariesFigure", {
              people: everyone(eore.beneficiaries),
              peopleText: n(everyone(eore.beneficiaries)),
              sessions: eore.sessions,
              sessionsText: n(eore.sessions),
            })}
          </p>
          {eore.sessions === 0 ? (
            <p className="note">{t("noSessions")}</p>
          ) : (
            <TableScroll label={t("riskEducationTitle")}>
              <table data-testid="eore-by-governorate">
                <thead>
                  <tr>
                    <th>{t("governorate")}</th>
                    <th className="num">{t("sessions")}</th>
                    {sexAgeHeader}
                    <th className="num">{t("total")}</th>
                  </tr>
                </thead>
                <tbody>
                  {eore.byGovernorate.map((r) => (
                    <tr key={r.pcode}>
                      <th scope="row">{governorateName(r, locale)}</th>
                      <td className="num">{n(r.sessions)}</td>
                      {sexAgeCells(r)}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("total")}</th>
                    <td className="num">{n(eore.sessions)}</td>
                    {sexAgeCells(eore.beneficiaries)}
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          )}
        </section>
        <CasualtyFigures casualties={casualties} locale={locale} />
      </div>
      <p className="note">{t("scopeNote")}</p>
    </>
  );
}
