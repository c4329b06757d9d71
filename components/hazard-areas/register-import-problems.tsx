import { useLocale, useTranslations } from "next-intl";
import { TableScroll } from "@/components/ui/table-scroll";
import { formatCount } from "@/lib/i18n/format";

export type ShownProblem = { row: number; field: string; code: string; message: string };

/** Shown on the page; past this the rest are read from the API (a file of 20,000 broken rows would make a page of megabytes). */
const SHOWN = 500;

/** An import's problems, row by row: the row (0 for the file), the field and what is wrong, in the reader's language. */
export function ImportProblems({ problems, importId }: { problems: readonly ShownProblem[]; importId: string }) {
  const t = useTranslations("registerImport");
  const locale = useLocale();
  if (!problems.length) return null;
  return (
    <>
      <h2>{t("problems")}</h2>
      <TableScroll label={t("problems")}>
        <table data-testid="import-problems">
          <thead>
            <tr>
              <th className="num">{t("row")}</th>
              <th>{t("problemField")}</th>
              <th>{t("problem")}</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, SHOWN).map((p, i) => (
              <tr key={i} data-row={p.row} data-field={p.field} data-code={p.code}>
                <td className="num">{p.row ? formatCount(p.row, locale) : t("fileLevel")}</td>
                <td>{t(`fields.${p.field}` as "fields.code")}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {problems.length > SHOWN && (
        <p className="note">{t("moreProblems", { count: problems.length - SHOWN, id: importId })}</p>
      )}
    </>
  );
}
