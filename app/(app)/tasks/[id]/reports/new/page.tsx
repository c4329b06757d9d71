import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { hazardFeatures, releasedFeatures } from "@/components/map/features";
import type { Areal } from "@/components/map/field-map";
import { ReportForm } from "@/components/reports/report-form";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { basemapSettings } from "@/lib/server/env";
import { getReportFormContext } from "@/lib/server/queries/land-release";

export default async function NewReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ corrects?: string }>;
}) {
  const [{ id }, { corrects }] = await Promise.all([params, searchParams]);
  const user = await requirePage("/tasks/[id]/reports/new", `/tasks/${id}/reports/new`);
  const context = await getReportFormContext(await getDb(), user, id, corrects);
  if (!context || (corrects && !context.correcting)) notFound();
  const t = await getTranslations("reportForm");
  const { task, hazardAreas, approved, correcting } = context;
  const open = task.status === "ASSIGNED" || task.status === "IN_PROGRESS";
  const features = hazardFeatures(hazardAreas);
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/tasks/${task.id}`}>
          {task.code} · {task.title}
        </Link>
      </p>
      <h1>{correcting ? t("titleCorrection") : t("title")}</h1>
      {correcting && <p className="note">{t("correctionNote")}</p>}
      {open ? (
        <ReportForm
          taskId={task.id}
          taskCode={task.code}
          basemap={basemapSettings()}
          released={releasedFeatures(approved)}
          correcting={
            correcting
              ? { id: correcting.id, hazardAreaId: correcting.hazardAreaId, method: correcting.method.toLowerCase() }
              : undefined
          }
          hazardAreas={hazardAreas.map((h, i) => ({
            id: h.id,
            code: h.code,
            name: h.name,
            geometry: h.geometry as unknown as Areal,
            released: (h.releasedGeometry as unknown as Areal | null) ?? null,
            feature: features[i]!,
          }))}
        />
      ) : (
        <p className="error">{t("taskClosed")}</p>
      )}
    </>
  );
}
