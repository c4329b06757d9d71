import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { type ListPageProps, openListPage, PagedTable } from "@/app/(app)/list-page";
import { hazardFeatures } from "@/components/map/features";
import { FieldMap } from "@/components/map/field-map";
import type { Column } from "@/components/ui/data-table";
import { formatM2, formatPercent } from "@/lib/i18n/format";
import { getDb } from "@/lib/server/db";
import { basemapSettings } from "@/lib/server/env";
import { can } from "@/lib/server/permissions";
import { hazardAreasForMap, releasedByMethodIn } from "@/lib/server/queries/hazard-areas";
import { taskPage } from "@/lib/server/queries/tasks";

type Row = Awaited<ReturnType<typeof taskPage>>["rows"][number];
const METHODS = ["cancelled", "reduced", "cleared"] as const;

export default async function TasksPage(props: ListPageProps) {
  const { user, params, page } = await openListPage("/tasks", props);
  const db = await getDb();
  const partner = user.role === "PARTNER";
  const { total, rows } = await taskPage(db, user, page);
  const [byHazard, mapAreas, t, tStatus, tMethod, locale] = await Promise.all([
    releasedByMethodIn(db, [...new Set(rows.flatMap((r) => r.hazardAreas.map((h) => h.hazardArea.id)))]),
    // "My tasks" shows the partner's hazardous areas on a map; an authority's list is national in size.
    partner ? hazardAreasForMap(db, user) : Promise.resolve([]),
    getTranslations("tasks"),
    getTranslations("taskStatus"),
    getTranslations("method"),
    getLocale(),
  ]);
  const sum = (task: Row, pick: (h: Row["hazardAreas"][number]["hazardArea"]) => number) =>
    task.hazardAreas.reduce((s, h) => s + pick(h.hazardArea), 0);
  const columns: Column<Row>[] = [
    {
      key: "code",
      header: t("code"),
      cell: (r) => (
        <Link href={`/tasks/${r.id}`} className="code">
          {r.code}
        </Link>
      ),
    },
    { key: "title", header: t("task"), cell: (r) => r.title },
    ...(partner
      ? []
      : [
          { key: "authority", header: t("authority"), cell: (r: Row) => r.authority.shortName },
          { key: "partner", header: t("partner"), cell: (r: Row) => r.partner?.name ?? t("unassigned") },
        ]),
    { key: "status", header: t("status"), cell: (r) => tStatus(r.status) },
    { key: "priority", header: t("priority"), numeric: true, cell: (r) => r.priority },
    {
      key: "area",
      header: t("area"),
      numeric: true,
      cell: (r) =>
        formatM2(
          sum(r, (h) => h.areaM2),
          locale,
        ),
    },
    ...METHODS.map((m) => ({
      key: m,
      header: tMethod(m.toUpperCase()),
      numeric: true,
      cell: (r: Row) =>
        formatM2(
          sum(r, (h) => byHazard[h.id]![m]),
          locale,
        ),
    })),
    {
      key: "progress",
      header: t("progress"),
      numeric: true,
      cell: (r) => {
        const area = sum(r, (h) => h.areaM2);
        return formatPercent(area > 0 ? sum(r, (h) => h.releasedM2) / area : 0, locale);
      },
    },
  ];
  return (
    <>
      <h1>{partner ? t("titlePartner") : t("title")}</h1>
      {can(user, "task:assign") && (
        <p>
          <Link className="button" href="/tasks/new">
            {t("create")}
          </Link>
        </p>
      )}
      {partner && mapAreas.length > 0 && (
        <FieldMap label={t("mapLabel")} basemap={basemapSettings()} hazards={hazardFeatures(mapAreas)} />
      )}
      <p className="note">{t("progressNote")}</p>
      <PagedTable
        path="/tasks"
        params={params}
        page={page}
        total={total}
        label={partner ? t("titlePartner") : t("title")}
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        empty={t("empty")}
      />
    </>
  );
}
