import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatPercent } from "@/lib/i18n/format";
import { requirePage } from "@/lib/server/auth";
import { can } from "@/lib/server/permissions";
import { getDb } from "@/lib/server/db";
import { listTasks } from "@/lib/server/queries/field";

type Row = Awaited<ReturnType<typeof listTasks>>[number];

/** Released share of the task's hazardous areas, by area. */
function releasedFraction(task: Row): number {
  const area = task.hazardAreas.reduce((s, h) => s + h.hazardArea.areaM2, 0);
  const released = task.hazardAreas.reduce((s, h) => s + h.hazardArea.releasedM2, 0);
  return area > 0 ? released / area : 0;
}

export default async function TasksPage() {
  const user = await requirePage("/tasks");
  const [rows, t, tStatus, locale] = await Promise.all([
    listTasks(await getDb(), user),
    getTranslations("tasks"),
    getTranslations("taskStatus"),
    getLocale(),
  ]);
  const columns: Column<Row>[] = [
    { key: "code", header: t("code"), cell: (r) => <Link href={`/tasks/${r.id}`}>{r.code}</Link> },
    { key: "title", header: t("task"), cell: (r) => r.title },
    { key: "authority", header: t("authority"), cell: (r) => r.authority.shortName },
    { key: "partner", header: t("partner"), cell: (r) => r.partner?.name ?? t("unassigned") },
    { key: "status", header: t("status"), cell: (r) => tStatus(r.status) },
    { key: "priority", header: t("priority"), numeric: true, cell: (r) => r.priority },
    { key: "progress", header: t("progress"), numeric: true, cell: (r) => formatPercent(releasedFraction(r), locale) },
  ];
  return (
    <>
      <h1>{user.role === "PARTNER" ? t("titlePartner") : t("title")}</h1>
      {can(user, "task:assign") && (
        <p>
          <Link className="button" href="/tasks/new">
            {t("create")}
          </Link>
        </p>
      )}
      <DataTable rows={rows} columns={columns} rowKey={(r) => r.id} empty={t("empty")} />
    </>
  );
}
