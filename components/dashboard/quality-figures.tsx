import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/ui/table-scroll";
import type { QualityByOperator } from "@/lib/domain/quality-figures";
import { formatCount, formatM2 } from "@/lib/i18n/format";

/**
 * Quality management by operator (IMAS 07.40, 09.20): monitoring visits and
 * inspections of the period, non-conformities open at its end (and overdue),
 * and the land failed inspections reopened. Each row names its tasks, whose
 * pages hold the records, for those who may read tasks.
 */
export async function QualityFigures({
  rows,
  locale,
  taskLinks,
}: {
  rows: readonly QualityByOperator[];
  locale: string;
  taskLinks: boolean;
}) {
  const t = await getTranslations("dashboard");
  const n = (value: number) => formatCount(value, locale);
  return (
    <section className="card" data-testid="quality-by-operator">
      <h2>{t("qualityTitle")}</h2>
      {rows.length === 0 ? (
        <p>{t("qualityNone")}</p>
      ) : (
        <TableScroll label={t("qualityTitle")}>
          <table>
            <thead>
              <tr>
                <th>{t("qualityOperator")}</th>
                <th className="num">{t("qualityVisits")}</th>
                <th className="num">{t("qualityOpen")}</th>
                <th className="num">{t("qualityOverdue")}</th>
                <th className="num">{t("qualityPassed")}</th>
                <th className="num">{t("qualityFailed")}</th>
                <th className="num">{t("qualityReopened")}</th>
                {taskLinks && <th>{t("qualityTasks")}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.operatorId} data-operator={r.operatorId}>
                  <th scope="row">{r.operator}</th>
                  <td className="num" data-testid="quality-visits">
                    {n(r.visits)}
                  </td>
                  <td className="num" data-testid="quality-open">
                    {n(r.openNonConformities)}
                  </td>
                  <td className="num" data-testid="quality-overdue">
                    {n(r.overdueNonConformities)}
                  </td>
                  <td className="num" data-testid="quality-passed">
                    {n(r.inspectionsPassed)}
                  </td>
                  <td className="num" data-testid="quality-failed">
                    {n(r.inspectionsFailed)}
                  </td>
                  <td className="num" data-testid="quality-reopened" data-m2={r.reopenedM2}>
                    {formatM2(r.reopenedM2, locale)}
                  </td>
                  {taskLinks && (
                    <td>
                      {r.tasks.map((k, i) => (
                        <span key={k.id}>
                          {i > 0 && " "}
                          <Link href={`/tasks/${k.id}#quality`} className="code">
                            {k.code}
                          </Link>
                        </span>
                      ))}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="note">{t("qualityNote")}</p>
    </section>
  );
}
