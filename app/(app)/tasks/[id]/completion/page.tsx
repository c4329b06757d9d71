import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { photoPoints, RecordAttachments } from "@/app/(app)/record-attachments";
import { hazardFeatures } from "@/components/map/features";
import { FieldMap, type ReleasedFeature } from "@/components/map/field-map";
import { CompletionForm, HandoverForm, PrintButton } from "@/components/tasks/completion-forms";
import { formatCount, formatDate, formatList, formatM2 } from "@/lib/i18n/format";
import { governorateName } from "@/lib/i18n/names";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { basemapSettings } from "@/lib/server/env";
import { can } from "@/lib/server/permissions";
import { attachmentsOf } from "@/lib/server/queries/attachments";
import { getTaskCompletion } from "@/lib/server/queries/completion";
import { HandoverRecord, QualityAndMarking, ReleasedByTask, Remainder, TurningPoints } from "./certificate";

export default async function CompletionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage("/tasks/[id]/completion", `/tasks/${id}/completion`);
  const db = await getDb();
  const task = await getTaskCompletion(db, user, id);
  if (!task) notFound();
  const c = task.completion;
  const completionFiles = c && (await attachmentsOf(db, user, "completionReport", c.id));
  const handoverFiles = c?.handoverDate && (await attachmentsOf(db, user, "handover", c.id));
  const [t, tStatus, locale] = await Promise.all([
    getTranslations("completion"),
    getTranslations("taskStatus"),
    getLocale(),
  ]);
  const isPartner = can(user, "report:submit") && user.organisationId === task.partnerId;
  const isAuthority = can(user, "task:assign") && user.organisationId === task.authorityId;
  const released: ReleasedFeature[] = task.landByMethod.map((l) => ({
    type: "Feature",
    properties: { method: l.method },
    geometry: l.geometry,
  }));
  return (
    <article className="certificate">
      <p className="breadcrumb no-print">
        <Link href={`/tasks/${task.id}`}>
          {task.code} · {task.title}
        </Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="note">{t("standard")}</p>
      {task.earlierCompletions.length > 0 && (
        <p className="note">
          {t("earlier", {
            dates: formatList(
              task.earlierCompletions.map((e) => formatDate(e.completedOn, locale)),
              locale,
            ),
          })}
        </p>
      )}
      {!c &&
        isPartner &&
        task.status === "IN_PROGRESS" &&
        (task.pendingReports > 0 ? (
          <p className="error">{t("pending", { count: task.pendingReports })}</p>
        ) : (
          <CompletionForm taskId={task.id} />
        ))}
      {!c && !(isPartner && task.status === "IN_PROGRESS") && (
        <p className="note">{t("notYet", { status: tStatus(task.status) })}</p>
      )}
      {c && (
        <>
          <p className="actions no-print">
            <PrintButton label={t("print")} />
            <a className="button secondary" href={`/api/exports/completion.pdf?task=${task.id}`} download>
              {t("pdf")}
            </a>
          </p>
          <h2>{t("task")}</h2>
          <dl className="facts">
            <dt>{t("taskCode")}</dt>
            <dd>
              {task.code} · {task.title}
            </dd>
            <dt>{t("authority")}</dt>
            <dd>{task.authority.name}</dd>
            <dt>{t("partner")}</dt>
            <dd>{task.partner?.name}</dd>
            <dt>{t("completedOn")}</dt>
            <dd>{formatDate(c.completedOn, locale)}</dd>
            <dt>{t("depthShort")}</dt>
            <dd>{c.clearanceDepthCm ? t("cm", { depth: formatCount(c.clearanceDepthCm, locale) }) : "—"}</dd>
            {c.qaNotes && (
              <>
                <dt>{t("qaNotes")}</dt>
                <dd>{c.qaNotes}</dd>
              </>
            )}
          </dl>
          <h2>{t("areas")}</h2>
          <table>
            <thead>
              <tr>
                <th>{t("hazardArea")}</th>
                <th>{t("governorate")}</th>
                <th className="num">{t("area")}</th>
                <th className="num">{t("releasedAll")}</th>
              </tr>
            </thead>
            <tbody>
              {task.hazardAreas.map((h) => (
                <tr key={h.id}>
                  <td>
                    {h.code} · {h.name} ({h.kind})
                  </td>
                  <td>
                    {governorateName(h.governorate, locale)} ({h.governorate.pcode})
                  </td>
                  <td className="num">{formatM2(h.areaM2, locale)}</td>
                  <td className="num">{formatM2(h.releasedM2, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ReleasedByTask task={task} />
          <Remainder c={c} />
          <QualityAndMarking task={task} c={c} />
          <FieldMap
            label={t("mapLabel")}
            basemap={basemapSettings()}
            hazards={hazardFeatures(task.hazardAreas)}
            released={released}
            photos={await photoPoints(completionFiles || null)}
          />
          <TurningPoints land={task.land?.geometry ?? null} />
          {completionFiles && <RecordAttachments subjectType="completionReport" found={completionFiles} />}
          <h2>{t("handoverTitle")}</h2>
          {c.handoverDate ? (
            <>
              <HandoverRecord task={task} c={c} />
              {handoverFiles && <RecordAttachments subjectType="handover" found={handoverFiles} />}
            </>
          ) : isAuthority && task.status === "COMPLETED" && task.inspection?.result === "PASSED" ? (
            <HandoverForm taskId={task.id} />
          ) : isAuthority && task.status === "COMPLETED" ? (
            <p className="note">
              <Link href={`/tasks/${task.id}#quality`}>{t("handoverWaitsForInspection")}</Link>
            </p>
          ) : (
            <p className="note">{t("awaitingHandover")}</p>
          )}
        </>
      )}
    </article>
  );
}
