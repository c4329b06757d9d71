import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/ui/table-scroll";
import { AGES, OUTCOMES, SEXES, STATUSES } from "@/lib/domain/casualties";
import type { HumanImpact } from "@/lib/domain/human-impact";
import { formatCount } from "@/lib/i18n/format";
import { governorateName } from "@/lib/i18n/names";

/**
 * Casualties in the view: killed, injured and of unknown outcome by sex and
 * age (unknown sex and unknown age kept as columns of their own), by status,
 * and by governorate; every table's cells add up to the same total.
 */
export async function CasualtyFigures({
  casualties,
  locale,
}: {
  casualties: HumanImpact["casualties"];
  locale: string;
}) {
  const [t, tOutcome, tSex, tAge, tStatus] = await Promise.all([
    getTranslations("humanImpact"),
    getTranslations("casualtyOutcome"),
    getTranslations("casualtySex"),
    getTranslations("casualtyAge"),
    getTranslations("casualtyStatus"),
  ]);
  const n = (value: number) => formatCount(value, locale);
  const { people } = casualties;
  const cell = (value: number, key?: string) => (
    <td key={key} className="num" data-count={value}>
      {n(value)}
    </td>
  );
  return (
    <section className="card" aria-labelledby="casualties-title">
      <h2 id="casualties-title">{t("casualtiesTitle")}</h2>
      <p
        className="figure"
        data-testid="casualties-figure"
        data-killed={people.byOutcome.KILLED}
        data-injured={people.byOutcome.INJURED}
        data-unknown={people.byOutcome.UNKNOWN}
        data-total={people.total}
      >
        {t("casualtiesFigure", {
          killed: people.byOutcome.KILLED,
          killedText: n(people.byOutcome.KILLED),
          injured: people.byOutcome.INJURED,
          injuredText: n(people.byOutcome.INJURED),
          accidents: casualties.incidents,
          accidentsText: n(casualties.incidents),
        })}{" "}
        {t("casualtiesTotals", { unknownText: n(people.byOutcome.UNKNOWN), totalText: n(people.total) })}
      </p>
      {casualties.incidents === 0 ? (
        <p className="note">{t("noAccidents")}</p>
      ) : (
        <TableScroll label={t("casualtiesTitle")}>
          <table data-testid="casualties-by-sex-age">
            <caption>{t("bySexAge")}</caption>
            <thead>
              <tr>
                <th rowSpan={2} />
                {SEXES.map((s) => (
                  <th key={s} colSpan={AGES.length} scope="colgroup">
                    {tSex(s)}
                  </th>
                ))}
                <th rowSpan={2} className="num">
                  {t("total")}
                </th>
              </tr>
              <tr>
                {SEXES.flatMap((s) =>
                  AGES.map((a) => (
                    <th key={`${s}-${a}`} className="num" scope="col">
                      {tAge(a)}
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {OUTCOMES.map((o) => (
                <tr key={o} data-outcome={o}>
                  <th scope="row">{tOutcome(o)}</th>
                  {SEXES.flatMap((s) => AGES.map((a) => cell(people.byOutcomeSexAge[o][s][a], `${s}-${a}`)))}
                  {cell(people.byOutcome[o])}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("total")}</th>
                {SEXES.flatMap((s) => AGES.map((a) => cell(people.bySexAge[s][a], `${s}-${a}`)))}
                {cell(people.total)}
              </tr>
            </tfoot>
          </table>
          <table data-testid="casualties-by-status">
            <caption>{t("byStatus")}</caption>
            <tbody>
              {STATUSES.map((s) => (
                <tr key={s} data-status={s}>
                  <th scope="row">{tStatus(s)}</th>
                  {cell(people.byStatus[s])}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("total")}</th>
                {cell(people.total)}
              </tr>
            </tfoot>
          </table>
          <table data-testid="casualties-by-governorate">
            <thead>
              <tr>
                <th>{t("governorate")}</th>
                <th className="num">{t("accidents")}</th>
                {OUTCOMES.map((o) => (
                  <th key={o} className="num">
                    {tOutcome(o)}
                  </th>
                ))}
                <th className="num">{t("total")}</th>
              </tr>
            </thead>
            <tbody>
              {casualties.byGovernorate.map((c) => (
                <tr key={c.pcode}>
                  <th scope="row">{governorateName(c, locale)}</th>
                  {cell(c.incidents)}
                  {OUTCOMES.map((o) => cell(c.people.byOutcome[o], o))}
                  {cell(c.people.total)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("total")}</th>
                {cell(casualties.incidents)}
                {OUTCOMES.map((o) => cell(people.byOutcome[o], o))}
                {cell(people.total)}
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
