import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/ui/table-scroll";
import { type ServiceFigures, SURVIVOR_GROUPS } from "@/lib/domain/victim-assistance";
import { formatCount } from "@/lib/i18n/format";

/** Survivors assisted by service, by sex and age with unknown kept apart; each row adds up to its total. */
export async function VictimAssistanceFigures({ rows, locale }: { rows: readonly ServiceFigures[]; locale: string }) {
  const [t, tService, tPeople] = await Promise.all([
    getTranslations("victimAssistance"),
    getTranslations("victimService"),
    getTranslations("humanImpact"),
  ]);
  const n = (value: number) => formatCount(value, locale);
  const word = (k: (typeof SURVIVOR_GROUPS)[number]) => (k === "unknown" ? t("unknown") : tPeople(k));
  return rows.every((r) => r.records === 0) ? (
    <p className="note">{t("noRecords")}</p>
  ) : (
    <TableScroll label={t("title")}>
      <table data-testid="victim-assistance-by-service">
        <thead>
          <tr>
            <th>{t("service")}</th>
            <th className="num">{t("records")}</th>
            {SURVIVOR_GROUPS.map((k) => (
              <th key={k} className="num">
                {word(k)}
              </th>
            ))}
            <th className="num">{t("total")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.service} data-service={r.service}>
              <th scope="row">{tService(r.service)}</th>
              <td className="num">{n(r.records)}</td>
              {SURVIVOR_GROUPS.map((k) => (
                <td key={k} className="num" data-count={r.survivors[k]}>
                  {n(r.survivors[k])}
                </td>
              ))}
              <td className="num" data-count={r.total}>
                {n(r.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
