import { useLocale } from "next-intl";
import type { ReactNode } from "react";
import { formatCount } from "@/lib/i18n/format";
import { TableScroll } from "./table-scroll";

export type Column<T> = {
  key: string;
  header: ReactNode;
  /** Right-aligned, tabular digits; a plain number is written in the reader's digits. */
  numeric?: boolean;
  cell: (row: T) => ReactNode;
  /** The column the rows are sorted by, and which way (aria-sort); unset on a column that is not sortable. */
  sort?: "ascending" | "descending" | "none";
};

export type DataTableProps<T> = {
  /** What the table holds, for assistive technology. */
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** Shown instead of an empty table. */
  empty: ReactNode;
  footer?: ReactNode;
};

export function DataTable<T>({ label, rows, columns, rowKey, empty, footer }: DataTableProps<T>) {
  const locale = useLocale();
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <TableScroll label={label}>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={c.numeric ? "num" : undefined} aria-sort={c.sort}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? "num" : undefined}>
                  {cellContent(c.cell(row), locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </TableScroll>
  );
}

function cellContent(value: ReactNode, locale: string): ReactNode {
  return typeof value === "number" ? formatCount(value, locale) : value;
}
