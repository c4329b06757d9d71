import { useLocale, useTranslations } from "next-intl";
import type { BasemapSettings, MapLayers } from "@/components/map/field-map";
import { type Column, DataTable } from "@/components/ui/data-table";
import { programmeDay } from "@/lib/domain/calendar";
import { formatCount, formatDate, formatM2 } from "@/lib/i18n/format";
import { CloseNonConformityForm, InspectionForm, MonitoringVisitForm } from "./quality-forms";

type NonConformity = {
  id: string;
  description: string;
  severity: "MINOR" | "MAJOR" | "CRITICAL";
  correctiveAction: string;
  deadline: Date;
  closedOn: Date | null;
  closureNote: string | null;
};
type Visit = {
  id: string;
  team: string;
  visitedOn: Date;
  inspector: string;
  findings: string;
  operator: { name: string };
  nonConformities: NonConformity[];
};
type Inspection = {
  id: string;
  inspectedOn: Date;
  inspector: string;
  sampledAreaM2: number;
  itemsFound: number;
  result: "PASSED" | "FAILED";
  findings: string | null;
  reopenedM2: number;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A task's quality management: its monitoring visits with their
 * non-conformities (open, overdue once the deadline passed, or closed), its
 * post-clearance inspections, and, for the authority of its region, the forms
 * to record them.
 */
export function QualitySection({
  taskId,
  completed,
  canRecord,
  visits,
  inspections,
  basemap,
  hazards,
  released,
}: {
  taskId: string;
  completed: boolean;
  canRecord: boolean;
  visits: readonly Visit[];
  inspections: readonly Inspection[];
  basemap: BasemapSettings;
} & Pick<MapLayers, "hazards" | "released">) {
  const t = useTranslations("quality");
  const locale = useLocale();
  const today = programmeDay();
  const date = (d: Date) => formatDate(d, locale);

  const ncColumns: Column<NonConformity>[] = [
    { key: "description", header: t("nonConformity"), cell: (n) => n.description },
    { key: "severity", header: t("severity"), cell: (n) => t(`severity_${n.severity}`) },
    { key: "action", header: t("correctiveAction"), cell: (n) => n.correctiveAction },
    { key: "deadline", header: t("deadline"), cell: (n) => date(n.deadline) },
    {
      key: "state",
      header: t("state"),
      cell: (n) =>
        n.closedOn ? (
          t("closedOnDate", { date: date(n.closedOn), note: n.closureNote ?? "" })
        ) : (
          <>
            <strong className={day(n.deadline) < today ? "error" : undefined}>
              {day(n.deadline) < today ? t("overdue") : t("open")}
            </strong>
            {canRecord && <CloseNonConformityForm id={n.id} />}
          </>
        ),
    },
  ];
  const inspectionColumns: Column<Inspection>[] = [
    {
      key: "date",
      header: t("inspectedOn"),
      cell: (i) => <span id={`inspection-${i.id}`}>{date(i.inspectedOn)}</span>,
    },
    { key: "inspector", header: t("inspector"), cell: (i) => i.inspector },
    { key: "sampled", header: t("sampledArea"), numeric: true, cell: (i) => formatM2(i.sampledAreaM2, locale) },
    { key: "items", header: t("itemsFound"), numeric: true, cell: (i) => formatCount(i.itemsFound, locale) },
    {
      key: "result",
      header: t("result"),
      cell: (i) => <strong className={i.result === "FAILED" ? "error" : undefined}>{t(`result_${i.result}`)}</strong>,
    },
    { key: "reopened", header: t("reopened"), numeric: true, cell: (i) => formatM2(i.reopenedM2, locale) },
    { key: "findings", header: t("findings"), cell: (i) => i.findings ?? "" },
  ];

  return (
    <section id="quality" aria-labelledby="quality-title">
      <h2 id="quality-title">{t("title")}</h2>
      <p className="note">{t("intro")}</p>
      <h3>{t("visits")}</h3>
      {visits.length === 0 && <p className="note">{t("noVisits")}</p>}
      {visits.map((v) => (
        <article key={v.id} className="card" data-testid="monitoring-visit">
          <dl className="figures">
            <dt>{t("visitedOn")}</dt>
            <dd>{date(v.visitedOn)}</dd>
            <dt>{t("operator")}</dt>
            <dd>{v.operator.name}</dd>
            <dt>{t("team")}</dt>
            <dd>{v.team}</dd>
            <dt>{t("inspector")}</dt>
            <dd>{v.inspector}</dd>
            <dt>{t("findings")}</dt>
            <dd>{v.findings}</dd>
          </dl>
          <DataTable
            label={t("nonConformities")}
            rows={v.nonConformities}
            columns={ncColumns}
            rowKey={(n) => n.id}
            empty={t("noNonConformities")}
          />
        </article>
      ))}
      {canRecord && <MonitoringVisitForm taskId={taskId} />}
      <h3>{t("inspections")}</h3>
      <DataTable
        label={t("inspections")}
        rows={inspections}
        columns={inspectionColumns}
        rowKey={(i) => i.id}
        empty={t("noInspections")}
      />
      {canRecord &&
        (completed ? (
          <InspectionForm taskId={taskId} basemap={basemap} hazards={hazards} released={released} />
        ) : (
          <p className="note">{t("inspectionOnlyCompleted")}</p>
        ))}
    </section>
  );
}
