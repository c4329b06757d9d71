import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { type ListPageProps, openListPage, PagedTable } from "@/app/(app)/list-page";
import type { Column } from "@/components/ui/data-table";
import { formatM2, formatProgrammeDay } from "@/lib/i18n/format";
import { drillDownFrom, progressFilterQuery } from "@/lib/schemas/progress-filter";
import { issueLines } from "@/lib/server/command-error";
import { getDb } from "@/lib/server/db";
import {
  asReportSort,
  asReportStatus,
  listReports,
  REPORTS_PER_PAGE,
  type ReportSort,
  sumReports,
} from "@/lib/server/queries/land-release";
import { drillDownWhere } from "@/lib/server/queries/progress";
import { wouldCountNow } from "@/lib/server/queries/report-review";
import { type ReportRow as Row, reviewQueueColumns } from "./review-queue-columns";

const FILTERS = ["submitted", "approved", "rejected", "superseded", "withdrawn"] as const;
/** A review queue's page: each row's would-count figure is recounted in one geometry job, so fewer than the lists'. */
const QUEUE_PER_PAGE = 50;
/** The queue opens on the reports that have waited longest. */
const QUEUE_ORDER: ReportSort = { by: "submitted", dir: "asc" };

export default async function ReportsPage(props: ListPageProps) {
  const { user, params, page } = await openListPage("/reports", props);
  const raw = typeof params.status === "string" ? params.status : undefined;
  // Authorities land on what waits for their review.
  const status = asReportStatus(raw ?? (user.role === "AUTHORITY" ? "submitted" : undefined));
  const drill = drillDownFrom(params);
  const db = await getDb();
  const t0 = await getTranslations("reports");
  if (drill && !drill.success) {
    return (
      <>
        <h1>{t0("title")}</h1>
        <ul className="error" role="alert">
          {issueLines(drill.error.issues, await getLocale()).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </>
    );
  }
  const drillDown = drill ? await drillDownWhere(db, drill.data) : undefined;
  // Reports under review: what approving each would count now, the partner and the wait, sortable by each.
  const queue = status === "SUBMITTED" && !drill;
  const sort = queue ? (asReportSort(params.sort, params.dir) ?? QUEUE_ORDER) : undefined;
  const perPage = queue ? QUEUE_PER_PAGE : REPORTS_PER_PAGE;
  const [{ rows, total }, t, tMethod, tStatus, tAccreditation, locale, summed] = await Promise.all([
    listReports(db, user, { status, drillDown, page, sort, perPage }),
    getTranslations("reports"),
    getTranslations("method"),
    getTranslations("reportStatus"),
    getTranslations("accreditations"),
    getLocale(),
    drillDown ? sumReports(db, drillDown) : null,
  ]);
  const columns: Column<Row>[] = [
    {
      key: "submitted",
      header: t("submittedOn"),
      cell: (r) =>
        // A reopening is no report: it links to the inspection that took the land back, on its task's page.
        r.kind === "REOPENING" && r.inspection && r.task ? (
          <Link href={`/tasks/${r.task.id}#inspection-${r.inspection.id}`}>
            {t("reopenedByInspection", { date: formatProgrammeDay(r.inspection.inspectedOn, locale) })}
          </Link>
        ) : (
          <Link href={`/reports/${r.id}`}>{formatProgrammeDay(r.submittedAt, locale)}</Link>
        ),
    },
    {
      key: "task",
      header: t("task"),
      cell: (r) =>
        r.task ? (
          <Link href={`/tasks/${r.task.id}`} className="code">
            {r.task.code}
          </Link>
        ) : (
          t("imported")
        ),
    },
    { key: "hazard", header: t("hazardArea"), cell: (r) => <span className="code">{r.hazardArea.code}</span> },
    { key: "partner", header: t("partner"), cell: (r) => r.partner.name },
    { key: "method", header: t("method"), cell: (r) => tMethod(r.method) },
    {
      key: "status",
      header: t("status"),
      cell: (r) => (
        <>
          {tStatus(r.status) + (r.supersedesId ? ` · ${t("correction")}` : "")}
          {/* Not an independent approval: the authority approved its own teams' work. */}
          {r.reviewedByOwnAuthority && r.status !== "REJECTED" && (
            <>
              {" "}
              <span className="badge" data-testid="own-authority">
                {tAccreditation("ownAuthority")}
              </span>
            </>
          )}
        </>
      ),
    },
    { key: "area", header: t("submittedArea"), numeric: true, cell: (r) => formatM2(r.submittedAreaM2, locale) },
    {
      key: "counted",
      header: t("counted"),
      numeric: true,
      cell: (r) => (r.status === "APPROVED" || r.status === "SUPERSEDED" ? formatM2(r.countedAreaM2, locale) : "—"),
    },
  ];
  const figures = queue ? await wouldCountNow(db, rows) : null;
  const queueColumns = queue
    ? reviewQueueColumns({ t, tMethod, locale, sort, figures, taskCell: columns[1]!.cell, now: new Date() })
    : columns;
  // National views hold hundreds of thousands of reports: a page of them at a time; the exports hold them all.
  const table = (label: string) => (
    <PagedTable
      path="/reports"
      params={params}
      page={page}
      size={perPage}
      total={total}
      pagerLabel={t("title")}
      label={label}
      rows={rows}
      columns={queueColumns}
      rowKey={(r) => r.id}
      empty={t("empty")}
    />
  );
  if (drill?.success && summed) {
    const { method, month, year, ...view } = drill.data;
    return (
      <>
        <p className="breadcrumb">
          <Link href={`/?${progressFilterQuery(view)}`}>{t("backToDashboard")}</Link>
        </p>
        <h1>{t("behindFigure")}</h1>
        <p data-testid="drill-summary" data-m2={summed.countedM2} data-count={summed.count}>
          {t("drillSummary", {
            count: summed.count,
            area: formatM2(summed.countedM2, locale),
            method: method ? tMethod(method.toUpperCase()) : t("allMethods"),
            when: month ?? year ?? t("wholePeriod"),
          })}
        </p>
        {table(t("behindFigure"))}
      </>
    );
  }
  return (
    <>
      <h1>{user.role === "AUTHORITY" ? t("titleReview") : t("title")}</h1>
      <nav className="filters" aria-label={t("filter")}>
        <Link href="/reports?status=all" aria-current={!status ? "page" : undefined}>
          {t("all")}
        </Link>
        {FILTERS.map((f) => (
          <Link key={f} href={`/reports?status=${f}`} aria-current={status === f.toUpperCase() ? "page" : undefined}>
            {tStatus(f.toUpperCase())}
          </Link>
        ))}
      </nav>
      {table(user.role === "AUTHORITY" ? t("titleReview") : t("title"))}
      {queue && rows.length > 0 && <p className="note">{t("wouldCountNote")}</p>}
    </>
  );
}
