import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/ui/table-scroll";
import { TREATY_CATEGORY_KEYS, type TreatyReport, type TreatyRow } from "@/lib/domain/treaty-report";
import { formatCount, formatM2 } from "@/lib/i18n/format";
import { governorateName } from "@/lib/i18n/names";

const COLUMNS = [...TREATY_CATEGORY_KEYS, "allTypes"] as const;
const HEADER = {
  antiPersonnelMines: "treatyAntiPersonnelMines",
  improvisedDevices: "treatyImprovisedDevices",
  clusterMunitionRemnants: "treatyClusterMunitionRemnants",
  otherExplosiveRemnants: "treatyOtherExplosiveRemnants",
  allTypes: "treatyAllTypes",
} as const;

/** Remaining contamination by governorate and treaty type, with the number of areas behind each figure. */
export async function TreatyTable({ report, locale }: { report: TreatyReport; locale: string }) {
  const t = await getTranslations("dashboard");
  const cells = (row: Omit<TreatyRow, "pcode" | "nameEn" | "nameAr" | "nameCkb" | "region">) =>
    COLUMNS.map((key) => (
      <td key={key} className="num" data-m2={row[key].m2}>
        {formatM2(row[key].m2, locale)}
        <br />
        <small>{t("treatyAreas", { count: row[key].areas, shown: formatCount(row[key].areas, locale) })}</small>
      </td>
    ));
  return (
    <section className="card">
      <h2>{t("treatyTitle", { article: formatCount(7, locale) })}</h2>
      {report.rows.length === 0 ? (
        <p>{t("treatyNone")}</p>
      ) : (
        <TableScroll label={t("treatyTitle", { article: formatCount(7, locale) })}>
          <table data-testid="treaty-report">
            <thead>
              <tr>
                <th>{t("governorateCol")}</th>
                {COLUMNS.map((key) => (
                  <th key={key} className="num">
                    {t(HEADER[key])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.pcode}>
                  <th scope="row">{governorateName(row, locale)}</th>
                  {cells(row)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("total")}</th>
                {cells(report.total)}
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
      <p className="note">{t("treatyNote")}</p>
    </section>
  );
}
