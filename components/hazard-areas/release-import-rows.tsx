import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { StoredRelease } from "@/lib/domain/release-import";
import { formatCount, formatDate, formatM2 } from "@/lib/i18n/format";

type Row = { row: number; status: string; value: unknown; outcome: unknown };
const release = (r: Row) => r.value as StoredRelease;
/** Counted at commit once committed, else as the preview accounted it. */
const counted = (r: Row) =>
  r.status === "CREATED"
    ? (r.outcome as { countedAreaM2: number }).countedAreaM2
    : r.status === "SKIPPED"
      ? 0
      : release(r).preview.countedAreaM2;

/** A file's past releases, row by row: the area, how, when, and what each counts (each m² once, oldest first). */
export async function ReleaseRows({ rows, withdrawn }: { rows: readonly Row[]; withdrawn: boolean }) {
  const [t, tMethod, locale] = await Promise.all([
    getTranslations("registerImport"),
    getTranslations("method"),
    getLocale(),
  ]);
  const columns: Column<Row>[] = [
    { key: "row", header: t("row"), numeric: true, cell: (r) => formatCount(r.row, locale) },
    {
      key: "area",
      header: t("fields.hazardAreaCode"),
      cell: (r) => <span className="code">{release(r).hazardAreaCode}</span>,
    },
    { key: "method", header: t("fields.method"), cell: (r) => tMethod(release(r).method) },
    {
      key: "period",
      header: t("period"),
      cell: (r) =>
        `${formatDate(new Date(release(r).periodStart), locale)} – ${formatDate(new Date(release(r).periodEnd), locale)}`,
    },
    {
      key: "already",
      header: t("alreadyCol"),
      numeric: true,
      cell: (r) => formatM2(release(r).preview.alreadyReleasedM2, locale),
    },
    {
      key: "counted",
      header: t("countedCol"),
      numeric: true,
      // Withdrawn with its import: it counts nothing now.
      cell: (r) => (withdrawn ? "—" : formatM2(counted(r), locale)),
    },
    {
      key: "status",
      header: t("status"),
      cell: (r) => (withdrawn ? t("statuses.WITHDRAWN") : t(`rowStatuses.${r.status}`)),
    },
  ];
  return (
    <section className="card">
      <h2>{t("releasesTitle")}</h2>
      <DataTable label={t("releasesTitle")} rows={[...rows]} columns={columns} rowKey={(r) => String(r.row)} empty="" />
    </section>
  );
}
