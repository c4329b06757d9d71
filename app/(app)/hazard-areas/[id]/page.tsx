import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AreaHistory } from "@/components/hazard-areas/area-history";
import { HazardAreaChanges } from "@/components/hazard-areas/hazard-area-changes";
import { hazardFeatures, releasedFeatures } from "@/components/map/features";
import { FieldMap } from "@/components/map/field-map";
import { type Column, DataTable } from "@/components/ui/data-table";
import { formatList, formatM2, formatProgrammeDay } from "@/lib/i18n/format";
import { governorateName } from "@/lib/i18n/names";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { basemapSettings } from "@/lib/server/env";
import { can } from "@/lib/server/permissions";
import { hazardAreaHistory } from "@/lib/server/queries/hazard-area-life";
import { getHazardAreaRecord } from "@/lib/server/queries/hazard-areas";

type Area = NonNullable<Awaited<ReturnType<typeof getHazardAreaRecord>>>;

/** A hazardous area: what it is, how much of it is released and by which reports, and its task orders. */
export default async function HazardAreaPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage("/hazard-areas/[id]", `/hazard-areas/${id}`);
  const db = await getDb();
  const area = await getHazardAreaRecord(db, user, id);
  if (!area) notFound();
  const history = await hazardAreaHistory(db, area.id);
  const [t, tCont, tLand, tMethod, tStatus, locale] = await Promise.all([
    getTranslations("hazardAreas"),
    getTranslations("contamination"),
    getTranslations("landUse"),
    getTranslations("method"),
    getTranslations("taskStatus"),
    getLocale(),
  ]);
  type Task = Area["tasks"][number]["task"];
  const taskColumns: Column<Task>[] = [
    { key: "code", header: t("code"), cell: (k) => <Link href={`/tasks/${k.id}`}>{k.code}</Link> },
    { key: "title", header: t("taskTitle"), cell: (k) => k.title },
    { key: "partner", header: t("partner"), cell: (k) => k.partner?.name ?? "—" },
    { key: "status", header: t("taskStatus"), cell: (k) => tStatus(k.status) },
  ];
  // Its own approved reports, then its share of those released in the areas it came from.
  type Release = {
    id: string;
    method: Area["reports"][number]["method"];
    reviewedAt: Date | null;
    countedAreaM2: number;
    carried: boolean;
    /** The failed post-clearance inspection that took this land back (a reopening, counted below zero). */
    inspection?: { id: string; taskId: string; inspectedOn: Date } | null;
  };
  const releases: Release[] = [
    ...area.reports.map((r) => ({ ...r, carried: false })),
    ...area.inherited.map((i) => ({ ...i.report, countedAreaM2: i.m2, carried: true })),
  ];
  const releaseColumns: Column<Release>[] = [
    {
      key: "approved",
      header: t("approvedOn"),
      cell: (r) =>
        r.inspection ? (
          <Link href={`/tasks/${r.inspection.taskId}#inspection-${r.inspection.id}`}>
            {t("reopenedByInspection", { date: formatProgrammeDay(r.inspection.inspectedOn, locale) })}
          </Link>
        ) : (
          <Link href={`/reports/${r.id}`}>{r.reviewedAt ? formatProgrammeDay(r.reviewedAt, locale) : "—"}</Link>
        ),
    },
    {
      key: "method",
      header: t("method"),
      cell: (r) => (r.carried ? `${tMethod(r.method)} (${t("carriedOver")})` : tMethod(r.method)),
    },
    { key: "counted", header: t("counted"), numeric: true, cell: (r) => formatM2(r.countedAreaM2, locale) },
  ];
  const counted = releases.reduce((sum, r) => sum + r.countedAreaM2, 0);
  const inRegister = area.status !== "SUPERSEDED" && area.status !== "WITHDRAWN";
  const unused = !area.reports.length && !area.tasks.length && !area.inherited.length;
  const offered = !inRegister
    ? []
    : ([
        "reclassify",
        ...(area.status === "CLOSED" ? [] : (["revise"] as const)),
        "split",
        "merge",
        ...(area.status === "ACTIVE" ? (["suspend"] as const) : []),
        ...(area.status === "SUSPENDED" ? (["reopen"] as const) : []),
        ...(unused ? (["withdraw"] as const) : []),
        ...(area.needsInvestigation ? (["closeInvestigation"] as const) : []),
      ] as const);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/hazard-areas">{t("allAreas")}</Link>
      </p>
      <h1>
        <span className="code">{area.code}</span> · {area.name}
      </h1>
      {!inRegister && <p className="note">{t("superseded")}</p>}
      {area.needsInvestigation && (
        <p className="error" role="status">
          {t("investigate")}
        </p>
      )}
      {area.newlyFound && <p className="note">{t("newlyFound")}</p>}
      <dl className="facts">
        <dt>{t("status")}</dt>
        <dd data-testid="area-status">{t(`statuses.${area.status}`)}</dd>
        <dt>{t("kind")}</dt>
        <dd>{area.kind}</dd>
        <dt>{t("contamination")}</dt>
        <dd>
          {formatList(
            area.contamination.map((c) => tCont(c)),
            locale,
          )}
        </dd>
        <dt>{t("landUse")}</dt>
        <dd>{tLand(area.landUse)}</dd>
        <dt>{t("priority")}</dt>
        <dd>{area.priorityRank}</dd>
        <dt>{t("governorate")}</dt>
        <dd>{governorateName(area.governorate, locale)}</dd>
        <dt>{t("authority")}</dt>
        <dd>{area.authority.name}</dd>
        <dt>{t("registeredOn")}</dt>
        <dd>{formatProgrammeDay(area.createdAt, locale)}</dd>
        <dt>{t("area")}</dt>
        <dd data-testid="area-m2">{formatM2(area.areaM2, locale)}</dd>
        <dt>{t("released")}</dt>
        <dd data-testid="released-m2">{formatM2(area.releasedM2, locale)}</dd>
        <dt>{t("remaining")}</dt>
        <dd>{formatM2(Math.max(0, area.areaM2 - area.releasedM2), locale)}</dd>
      </dl>
      <FieldMap
        basemap={basemapSettings()}
        hazards={hazardFeatures([area])}
        released={
          area.inherited.length && area.releasedGeometry
            ? releasedFeatures([...area.reports, { method: "CLEARED", countedGeometry: area.releasedGeometry }])
            : releasedFeatures(area.reports)
        }
        label={t("mapLabel", { code: area.code })}
      />
      <h2>{t("releases")}</h2>
      <DataTable
        label={t("releases")}
        rows={releases}
        columns={releaseColumns}
        rowKey={(r) => r.id}
        empty={t("noReleases")}
        footer={
          <tr>
            <th scope="row" colSpan={2}>
              {t("releasedTotal")}
            </th>
            <td className="num" data-testid="released-total">
              {formatM2(counted, locale)}
            </td>
          </tr>
        }
      />
      <h2>{t("tasks")}</h2>
      <DataTable
        label={t("tasks")}
        rows={area.tasks.map((k) => k.task)}
        columns={taskColumns}
        rowKey={(k) => k.id}
        empty={t("noTasks")}
      />
      <h2>{t("history")}</h2>
      <AreaHistory entries={history} />
      {offered.length > 0 && can(user, "hazardArea:write") && (
        <>
          <h2>{t("changeArea")}</h2>
          <HazardAreaChanges
            id={area.id}
            code={area.code}
            kind={area.kind}
            contamination={area.contamination}
            offered={[...offered]}
            basemap={basemapSettings()}
            hazards={hazardFeatures([area])}
          />
        </>
      )}
    </>
  );
}
