import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatDate, formatM2 } from "@/lib/i18n/format";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { asReportStatus, listReports } from "@/lib/server/queries/land-release";

type Row = Awaited<ReturnType<typeof listReports>>[number];
const FILTERS = ["submitted", "approved", "rejected", "superseded"] as const;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requirePage("/reports");
  const { status: raw } = await searchParams;
  // Authorities land on what waits for their review.
  const status = asReportStatus(raw ?? (user.role === "AUTHORITY" ? "submitted" : undefined));
  const [rows, t, tMethod, tStatus, locale] = await Promise.all([
    listReports(await getDb(), user, { status }),
    getTranslations("reports"),
    getTranslations("method"),
    getTranslations("reportStatus"),
    getLocale(),
  ]);
  const columns: Column<Row>[] = [
    { key: "submitted", header: t("submittedOn"), cell: (r) => <Link href={`/reports/${r.id}`}>{formatDate(r.submittedAt, locale)}</Link> },
    { key: "task", header: t("task"), cell: (r) => <Link href={`/tasks/${r.task.id}`}>{r.task.code}</Link> },
    { key: "hazard", header: t("hazardArea"), cell: (r) => r.hazardArea.code },
    { key: "partner", header: t("partner"), cell: (r) => r.partner.name },
    { key: "method", header: t("method"), cell: (r) => tMethod(r.method) },
    { key: "status", header: t("status"), cell: (r) => tStatus(r.status) + (r.supersedesId ? ` · ${t("correction")}` : "") },
    { key: "area", header: t("submittedArea"), numeric: true, cell: (r) => formatM2(r.submittedAreaM2, locale) },
    { key: "counted", header: t("counted"), numeric: true, cell: (r) => (r.status === "APPROVED" || r.status === "SUPERSEDED" ? formatM2(r.countedAreaM2, locale) : "—") },
  ];
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
      <DataTable rows={rows} columns={columns} rowKey={(r) => r.id} empty={t("empty")} />
    </>
  );
}
