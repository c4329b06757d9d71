import { DataTable, type DataTableProps } from "@/components/ui/data-table";
import { Pager, pageFrom } from "@/components/ui/pager";
import { requirePage } from "@/lib/server/auth";
import type { PagePath } from "@/lib/server/permissions";
import { LIST_PAGE_SIZE } from "@/lib/server/queries/paging";

/** The query of a list page: its filters and the page number asked for. */
export type ListPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Who reads list page `path` (sent to sign in when no one may), its query and the page of the list asked for. */
export async function openListPage(path: PagePath, { searchParams }: ListPageProps) {
  const user = await requirePage(path);
  const params = await searchParams;
  return { user, params, page: pageFrom(params) };
}

/**
 * A page of a long list under its pager ("101–200 of 1,734", previous, next),
 * which is named after the table unless `pagerLabel` says otherwise.
 */
export function PagedTable<T>({
  path,
  params,
  page,
  size = LIST_PAGE_SIZE,
  total,
  pagerLabel,
  ...table
}: DataTableProps<T> & {
  path: string;
  params: Record<string, string | string[] | undefined>;
  page: number;
  /** Rows a page: LIST_PAGE_SIZE unless the list says otherwise. */
  size?: number;
  /** Rows in all pages. */
  total: number;
  pagerLabel?: string;
}) {
  return (
    <>
      <Pager
        path={path}
        params={params}
        page={page}
        size={size}
        shown={table.rows.length}
        total={total}
        label={pagerLabel ?? table.label}
      />
      <DataTable {...table} />
    </>
  );
}
