import Link from "next/link";
import type { getTranslations } from "next-intl/server";
import type { Column } from "@/components/ui/data-table";
import { daysWaiting } from "@/lib/domain/report-review";
import { formatCount, formatM2, formatProgrammeDay } from "@/lib/i18n/format";
import type { listReports, ReportSort } from "@/lib/server/queries/land-release";
import type { wouldCountNow } from "@/lib/server/queries/report-review";

export type ReportRow = Awaited<ReturnType<typeof listReports>>["rows"][number];
type Row = ReportRow;
type T = Awaited<ReturnType<typeof getTranslations<"reports">>>;

/**
 * The columns of the queue of reports under review: the report (its whole
 * main cell a link), the partner, the wait and what approving it would count
 * now, the last three sortable by links in their headers (aria-sort says how).
 */
export function reviewQueueColumns({
  t,
  tMethod,
  locale,
  sort,
  figures,
  taskCell,
  now,
}: {
  t: T;
  tMethod: (method: string) => string;
  locale: string;
  sort: ReportSort | undefined;
  figures: Awaited<ReturnType<typeof wouldCountNow>> | null;
  taskCell: Column<Row>["cell"];
  now: Date;
}): Column<Row>[] {
  /** A column header that sorts by `by`, the other way when it already does; `flip` for the wait (oldest = longest). */
  const sortable = (
    key: string,
    header: string,
    by: ReportSort["by"],
    flip = false,
  ): Pick<Column<Row>, "key" | "sort" | "header"> => {
    const active = sort?.by === by ? sort.dir : null;
    const next = active === "asc" ? "desc" : active === "desc" ? "asc" : flip ? "asc" : "desc";
    const shown = active ? ((active === "asc") !== flip ? "ascending" : "descending") : null;
    return {
      key,
      sort: shown ?? "none",
      header: (
        <Link href={`/reports?status=submitted&sort=${by}&dir=${next}`}>
          {header}
          {shown && <span aria-hidden="true">{shown === "ascending" ? " ▲" : " ▼"}</span>}
        </Link>
      ),
    };
  };
  return [
    {
      key: "report",
      header: t("report"),
      cell: (r) => (
        <Link href={`/reports/${r.id}`} className="row-link">
          <span className="code">{r.hazardArea.code}</span> · {tMethod(r.method)}
          {r.supersedesId ? ` · ${t("correction")}` : ""}
        </Link>
      ),
    },
    { ...sortable("partner", t("partner"), "partner"), cell: (r) => r.partner.name },
    {
      key: "task",
      header: t("task"),
      cell: taskCell,
    },
    { key: "submitted", header: t("submittedOn"), cell: (r) => formatProgrammeDay(r.submittedAt, locale) },
    {
      ...sortable("waiting", t("waiting"), "submitted", true),
      numeric: true,
      cell: (r) => {
        const days = daysWaiting(r.submittedAt, now);
        return t("daysWaiting", { days, daysText: formatCount(days, locale) });
      },
    },
    { key: "area", header: t("submittedArea"), numeric: true, cell: (r) => formatM2(r.submittedAreaM2, locale) },
    {
      ...sortable("counted", t("wouldCount"), "counted"),
      numeric: true,
      cell: (r) => {
        const f = figures?.get(r.id);
        if (!f) return "—";
        const area = formatM2(f.countedAreaM2, locale);
        return (
          <span data-testid="would-count" data-m2={f.countedAreaM2}>
            {f.atSubmission ? t("atSubmission", { area }) : area}
          </span>
        );
      },
    },
  ];
}
