import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { photoPoints, RecordAttachments } from "@/app/(app)/record-attachments";
import { hazardFeatures, releasedFeatures } from "@/components/map/features";
import type { Areal } from "@/components/map/field-map";
import { FieldMap } from "@/components/map/field-map";
import { CompletionForm, HandoverForm, PrintButton } from "@/components/tasks/completion-forms";
import { turningPoints } from "@/lib/geo/turning-points";
import { formatCount, formatDate, formatM2 } from "@/lib/i18n/format";
import { governorateName } from "@/lib/i18n/names";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { basemapSettings } from "@/lib/server/env";
import { can } from "@/lib/server/permissions";
import { attachmentsOf } from "@/lib/server/queries/attachments";
import { getTaskCompletion } from "@/lib/server/queries/tasks";

export default async function CompletionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage("/tasks/[id]/completion", `/tasks/${id}/completion`);
  const db = await getDb();
  const task = await getTaskCompletion(db, user, id);
  if (!task) notFound();
  const completionFiles = task.completion && (await attachmentsOf(db, user, "completionReport", task.completion.id));
  const handoverFiles =
    task.completion?.handoverDate && (await attachmentsOf(db, user, "handover", task.completion.id));
  const [t, tMethod, tDevice, tStatus, locale] = await Promise.all([
    getTranslations("completion"),
    getTranslations("method"),
    getTranslations("device"),
    getTranslations("taskStatus"),
    getLocale(),
  ]);
  const c = task.completion;
  const isPartner = can(user, "report:submit") && user.organisationId === task.partnerId;
  const isAuthority = can(user, "task:assign") && user.organisationId === task.authorityId;
  const totalReleased = task.releasedByMethod.CANCELLED + task.releasedByMethod.REDUCED + task.releasedByMethod.CLEARED;
  const points = turningPoints((c?.geometry as Areal | null) ?? null);
  const attendees = c ? c.attendeesWomen + c.attendeesMen + c.attendeesGirls + c.attendeesBoys : 0;
  return (
    <article className="certificate">
      <p className="breadcrumb no-print">
        <Link href={`/tasks/${task.id}`}>
          {task.code} · {task.title}
        </Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="note">{t("standard")}</p>
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
            {c.clearanceDepthCm && (
              <>
                <dt>{t("depthShort")}</dt>
                <dd>{t("cm", { depth: formatCount(c.clearanceDepthCm, locale) })}</dd>
              </>
            )}
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
          <h2>{t("releasedByTask")}</h2>
          <table>
            <tbody>
              {(["CANCELLED", "REDUCED", "CLEARED"] as const).map((m) => (
                <tr key={m}>
                  <th scope="row">{tMethod(m)}</th>
                  <td className="num">{formatM2(task.releasedByMethod[m], locale)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t("total")}</th>
                <td className="num" data-testid="completion-total">
                  {formatM2(totalReleased, locale)}
                </td>
              </tr>
            </tbody>
          </table>
          <h2>{t("devices")}</h2>
          {task.devices.length ? (
            <ul>
              {task.devices.map((d) => (
                <li key={d.category}>
                  {tDevice(d.category)}: {formatCount(d.count, locale)}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("noDevices")}</p>
          )}
          <FieldMap
            label={t("mapLabel")}
            basemap={basemapSettings()}
            hazards={hazardFeatures(task.hazardAreas)}
            released={releasedFeatures(task.reports)}
            photos={await photoPoints(completionFiles || null)}
          />
          {points.length > 0 && (
            <details open={points.length <= 40}>
              <summary>{t("turningPoints", { count: points.length })}</summary>
              <table>
                <thead>
                  <tr>
                    <th>{t("part")}</th>
                    <th>{t("point")}</th>
                    <th className="num">{t("lat")}</th>
                    <th className="num">{t("lon")}</th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={`${p.part}-${p.point}`}>
                      <td>{p.part}</td>
                      <td>{p.point}</td>
                      <td className="num">{p.lat.toFixed(6)}</td>
                      <td className="num">{p.lon.toFixed(6)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
          {completionFiles && <RecordAttachments subjectType="completionReport" found={completionFiles} />}
          <h2>{t("handoverTitle")}</h2>
          {c.handoverDate ? (
            <>
              <dl className="facts">
                <dt>{t("handoverDate")}</dt>
                <dd>{formatDate(c.handoverDate, locale)}</dd>
                <dt>{t("recipient")}</dt>
                <dd>{c.recipient}</dd>
              </dl>
              <table>
                <thead>
                  <tr>
                    <th className="num">{t("attendeesWomen")}</th>
                    <th className="num">{t("attendeesMen")}</th>
                    <th className="num">{t("attendeesGirls")}</th>
                    <th className="num">{t("attendeesBoys")}</th>
                    <th className="num">{t("total")}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td className="num">{c.attendeesWomen}</td>
                    <td className="num">{c.attendeesMen}</td>
                    <td className="num">{c.attendeesGirls}</td>
                    <td className="num">{c.attendeesBoys}</td>
                    <td className="num">{attendees}</td>
                  </tr>
                </tbody>
              </table>
              <div className="signatures">
                <p>{t("signedPartner", { name: task.partner?.name ?? "" })}</p>
                <p>{t("signedAuthority", { name: task.authority.name })}</p>
                <p>{t("signedRecipient")}</p>
              </div>
              {handoverFiles && <RecordAttachments subjectType="handover" found={handoverFiles} />}
            </>
          ) : isAuthority && task.status === "COMPLETED" ? (
            <HandoverForm taskId={task.id} />
          ) : (
            <p className="note">{t("awaitingHandover")}</p>
          )}
        </>
      )}
    </article>
  );
}
