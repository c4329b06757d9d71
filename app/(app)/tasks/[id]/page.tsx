import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { hazardFeatures, polygonFeatures, releasedFeatures } from "@/components/map/features";
import { FieldMap } from "@/components/map/field-map";
import { QualitySection } from "@/components/tasks/quality-section";
import { TaskStatusActions } from "@/components/tasks/task-status-actions";
import { type Column, DataTable } from "@/components/ui/data-table";
import { nextStatuses, stepOf, type TaskActorSide } from "@/lib/domain/task-lifecycle";
import { formatCount, formatDate, formatM2, formatPercent, formatProgrammeDay } from "@/lib/i18n/format";
import { governorateName } from "@/lib/i18n/names";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { basemapSettings } from "@/lib/server/env";
import { can } from "@/lib/server/permissions";
import { taskQuality } from "@/lib/server/queries/quality";
import { getTaskWorkspace } from "@/lib/server/queries/tasks";

type Workspace = NonNullable<Awaited<ReturnType<typeof getTaskWorkspace>>>;

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage("/tasks/[id]", `/tasks/${id}`);
  const db = await getDb();
  const task = await getTaskWorkspace(db, user, id);
  if (!task) notFound();
  const [t, tStatus, tMethod, tReport, tQuality, tAccreditation, locale, quality] = await Promise.all([
    getTranslations("task"),
    getTranslations("taskStatus"),
    getTranslations("method"),
    getTranslations("reportStatus"),
    getTranslations("quality"),
    getTranslations("accreditations"),
    getLocale(),
    taskQuality(db, user, id),
  ]);
  const side: TaskActorSide | null =
    can(user, "task:assign") && user.organisationId === task.authorityId
      ? "AUTHORITY"
      : can(user, "report:submit")
        ? "PARTNER"
        : null;
  // Only moves the server accepts from this caller; completing and handing over go through the completion form.
  // Handing started work to another partner needs that partner named, through the API: not offered here.
  const next = side ? nextStatuses(task.status, side, { hasPartner: !!task.partnerId, partnerChanges: false }) : [];
  const open = task.status === "ASSIGNED" || task.status === "IN_PROGRESS";

  type Area = Workspace["hazardAreas"][number];
  const byMethod = (h: Area) => task.releasedByMethod[h.id]!;
  const areaColumns: Column<Area>[] = [
    { key: "code", header: t("hazardArea"), cell: (h) => `${h.code} · ${h.name}` },
    { key: "governorate", header: t("governorate"), cell: (h) => governorateName(h.governorate, locale) },
    { key: "area", header: t("area"), numeric: true, cell: (h) => formatM2(h.areaM2, locale) },
    {
      key: "cancelled",
      header: tMethod("CANCELLED"),
      numeric: true,
      cell: (h) => formatM2(byMethod(h).cancelled, locale),
    },
    { key: "reduced", header: tMethod("REDUCED"), numeric: true, cell: (h) => formatM2(byMethod(h).reduced, locale) },
    { key: "cleared", header: tMethod("CLEARED"), numeric: true, cell: (h) => formatM2(byMethod(h).cleared, locale) },
    { key: "released", header: t("released"), numeric: true, cell: (h) => formatM2(h.releasedM2, locale) },
    {
      key: "remaining",
      header: t("remaining"),
      numeric: true,
      cell: (h) => formatM2(Math.max(0, h.areaM2 - h.releasedM2), locale),
    },
    {
      key: "share",
      header: t("share"),
      numeric: true,
      cell: (h) => formatPercent(h.areaM2 > 0 ? h.releasedM2 / h.areaM2 : 0, locale),
    },
  ];
  type Funding = Workspace["grants"][number];
  const grantColumns: Column<Funding>[] = [
    { key: "grant", header: t("grant"), cell: (g) => `${g.grant.code} · ${g.grant.title}` },
    { key: "donor", header: t("donor"), cell: (g) => g.grant.donor.name },
    { key: "share", header: t("shareOfTask"), numeric: true, cell: (g) => formatPercent(g.shareBp / 10_000, locale) },
  ];
  type Report = Workspace["reports"][number];
  const codeOf = new Map(task.hazardAreas.map((h) => [h.id, h.code]));
  const reportColumns: Column<Report>[] = [
    {
      key: "submitted",
      header: t("submittedOn"),
      cell: (r) =>
        // A reopening is the inspection's record, not a report: it points to the inspection below.
        r.kind === "REOPENING" ? (
          <a href={`#inspection-${r.inspectionId}`}>
            {tQuality("reopenedByInspection", { date: formatDate(r.periodEnd, locale) })}
          </a>
        ) : (
          <Link href={`/reports/${r.id}`}>{formatProgrammeDay(r.submittedAt, locale)}</Link>
        ),
    },
    { key: "hazard", header: t("hazardArea"), cell: (r) => <span className="code">{codeOf.get(r.hazardAreaId)}</span> },
    { key: "method", header: t("method"), cell: (r) => tMethod(r.method) },
    {
      key: "period",
      header: t("period"),
      cell: (r) => `${formatDate(r.periodStart, locale)} – ${formatDate(r.periodEnd, locale)}`,
    },
    {
      key: "status",
      header: t("status"),
      cell: (r) => tReport(r.status) + (r.supersedesId ? ` · ${t("correction")}` : ""),
    },
    {
      key: "submittedArea",
      header: t("submittedArea"),
      numeric: true,
      cell: (r) => formatM2(r.submittedAreaM2, locale),
    },
    {
      key: "counted",
      header: t("counted"),
      numeric: true,
      cell: (r) => (r.status === "APPROVED" || r.status === "SUPERSEDED" ? formatM2(r.countedAreaM2, locale) : "—"),
    },
  ];

  return (
    <>
      <p className="breadcrumb">
        <Link href="/tasks">{t("allTasks")}</Link>
      </p>
      <h1>
        {task.code} · {task.title}
      </h1>
      <dl className="facts">
        <dt>{t("status")}</dt>
        <dd data-testid="task-status">{tStatus(task.status)}</dd>
        <dt>{t("authority")}</dt>
        <dd>{task.authority.name}</dd>
        <dt>{t("partner")}</dt>
        <dd>{task.partner?.name ?? t("unassigned")}</dd>
        <dt>{tAccreditation("scopes")}</dt>
        <dd>{task.workScopes.map((s) => tAccreditation(`scope.${s}`)).join(", ")}</dd>
        <dt>{t("priority")}</dt>
        <dd>{formatCount(task.priority, locale)}</dd>
        <dt>{t("planned")}</dt>
        <dd>
          {task.plannedStart
            ? `${formatDate(task.plannedStart, locale)} – ${task.plannedEnd ? formatDate(task.plannedEnd, locale) : "…"}`
            : "—"}
        </dd>
      </dl>
      <div className="actions">
        {side === "PARTNER" && open && (
          <Link className="button" href={`/tasks/${task.id}/reports/new`}>
            {t("logReport")}
          </Link>
        )}
        {(task.completions.length > 0 ||
          task.status === "IN_PROGRESS" ||
          task.status === "COMPLETED" ||
          task.status === "HANDED_OVER") && (
          <Link className="button secondary" href={`/tasks/${task.id}/completion`}>
            {t("completion")}
          </Link>
        )}
      </div>
      <TaskStatusActions
        taskId={task.id}
        next={next.map((to) => ({
          to: to.toLowerCase(),
          label: t(`step.${stepOf(task.status, to)}`, { partner: task.partner?.name ?? "" }),
          ...(to === "CANCELLED" ? { confirm: t("cancelConfirm") } : {}),
          done: t("moved", { code: task.code, status: tStatus(to) }),
        }))}
      />
      <FieldMap
        label={t("mapLabel", { code: task.code })}
        basemap={basemapSettings()}
        hazards={hazardFeatures(task.hazardAreas)}
        released={releasedFeatures(task.approvedReleases)}
        submitted={polygonFeatures(
          task.reports.filter((r) => r.status === "SUBMITTED").map((r) => r.submittedGeometry),
        )}
      />
      <div className="actions">
        <span>{t("gpsFiles")}</span>
        <a className="button secondary" href={`/api/exports/task-areas.gpx?task=${task.id}`} download>
          {t("gpx")}
        </a>
        <a className="button secondary" href={`/api/exports/task-areas.kml?task=${task.id}`} download>
          {t("kml")}
        </a>
      </div>
      <h2>{t("progress")}</h2>
      <p className="note">{t("progressNote")}</p>
      <DataTable
        label={t("progress")}
        rows={task.hazardAreas}
        columns={areaColumns}
        rowKey={(h) => h.id}
        empty={t("noAreas")}
      />
      <h2>{t("fundedBy")}</h2>
      <DataTable
        label={t("fundedBy")}
        rows={task.grants}
        columns={grantColumns}
        rowKey={(g) => g.grant.id}
        empty={t("noGrants")}
      />
      <h2>{t("reports")}</h2>
      <DataTable
        label={t("reports")}
        rows={task.reports}
        columns={reportColumns}
        rowKey={(r) => r.id}
        empty={t("noReports")}
      />
      {quality && (
        <QualitySection
          taskId={task.id}
          completed={task.status === "COMPLETED"}
          canRecord={can(user, "qa:record") && user.organisationId === task.authorityId}
          visits={quality.visits}
          inspections={quality.inspections}
          basemap={basemapSettings()}
          hazards={hazardFeatures(task.hazardAreas)}
          released={releasedFeatures(task.approvedReleases)}
        />
      )}
    </>
  );
}
