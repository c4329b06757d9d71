import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Props = {
  /** The page's path; the link to another page keeps the current query, filters included. */
  path: string;
  params: Record<string, string | string[] | undefined>;
  page: number;
  size: number;
  /** Rows on this page, and in all pages. */
  shown: number;
  total: number;
  label: string;
};

/** "101–200 of 1,734" with links to the previous and next pages; nothing when one page holds all. */
export async function Pager({ path, params, page, size, shown, total, label }: Props) {
  if (total <= shown && page === 1) return null;
  const t = await getTranslations("pager");
  const href = (n: number) => {
    const q = new URLSearchParams(
      Object.entries(params).flatMap(([k, v]) => (typeof v === "string" && k !== "page" ? [[k, v]] : [])),
    );
    q.set("page", String(n));
    return `${path}?${q}`;
  };
  const first = (page - 1) * size + 1;
  return (
    <nav className="filters" aria-label={label}>
      <span data-testid="pager-shown">{t("shown", { first, last: first + shown - 1, count: total })}</span>
      {page > 1 && <Link href={href(page - 1)}>{t("previous", { size })}</Link>}
      {page * size < total && <Link href={href(page + 1)}>{t("next", { size })}</Link>}
    </nav>
  );
}

/** The page number asked for in the URL: 1 when absent or not a positive number. */
export function pageFrom(params: Record<string, string | string[] | undefined>): number {
  return Math.max(1, Number.parseInt(typeof params.page === "string" ? params.page : "1", 10) || 1);
}
