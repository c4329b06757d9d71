import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { photoPoints, RecordAttachments } from "@/app/(app)/record-attachments";
import { hazardFeatures, polygonFeatures, releasedFeatures } from "@/components/map/features";
import { FieldMap } from "@/components/map/field-map";
import { DecisionNotice } from "@/components/reports/decision-notice";
import { ReviewActions } from "@/components/reports/review-actions";
import { ReviewWarnings } from "@/components/reports/review-warnings";
import { formatCount, formatDate, formatM2, formatProgrammeDay } from "@/lib/i18n/format";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { basemapSettings } from "@/lib/server/env";
import { can } from "@/lib/server/permissions";
import { attachmentsOf } from "@/lib/server/queries/attachments";
import { accountIfApprovedNow, getReport } from "@/lib/server/queries/land-release";
import { reviewOfReport } from "@/lib/server/queries/report-review";

type Props = {
  params: Promise<{ id: string }>;
  /** decided: what the review just did (approved, rejected), to say so once. */
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ReportPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { decided } = await searchParams;
  const user = await requirePage("/reports/[id]", `/reports/${id}`);
  const db = await getDb();
  const report = await getReport(db, user, id);
  if (!report) notFound();
  const [t, tWarnings, tMethod, tStatus, tDevice, tAccreditation, locale] = await Promise.all([
    getTranslations("report"),
    getTranslations("reviewWarnings"),
    getTranslations("method"),
    getTranslations("reportStatus"),
    getTranslations("device"),
    getTranslations("accreditations"),
    getLocale(),
  ]);
  const reviewable =
    report.status === "SUBMITTED" &&
    can(user, "report:review") &&
    (user.role === "ADMIN" || report.hazardArea.authorityId === user.organisationId);
  // The reviewer is warned, naming other partners' reports under review; anyone else sees the figures only.
  const review = reviewable ? await reviewOfReport(db, report) : null;
  const files = await attachmentsOf(db, user, "landReleaseReport", report.id);
  const photos = await photoPoints(files);
  const now = review ? review.account : report.status === "SUBMITTED" ? await accountIfApprovedNow(db, report) : null;
  const warnings = review && (
    <ReviewWarnings
      hazardCode={report.hazardArea.code}
      warnings={review.warnings}
      reports={[...review.reports.values()]}
      unchecked={review.sharedUnchecked}
    />
  );
  const counted = report.status === "APPROVED" || report.status === "SUPERSEDED";
  const taskOpen = report.task?.status === "ASSIGNED" || report.task?.status === "IN_PROGRESS";
  // A reopening is the inspection's record: never reviewed or corrected.
  const correctable =
    report.status === "APPROVED" && report.kind === "RELEASE" && can(user, "report:submit") && taskOpen;
  return (
    <>
      {decided === "approved" && report.status === "APPROVED" && (
        <DecisionNotice>
          <p>
            {t(report.supersedesId ? "approvedCorrectionNotice" : "approvedNotice", {
              area: formatM2(report.countedAreaM2, locale),
              hazard: report.hazardArea.code,
            })}
          </p>
          {/* A correction is a new report on the task, so only an open task can take one. */}
          <p className="note">{t(taskOpen ? "approvedUndo" : "approvedUndoClosed")}</p>
        </DecisionNotice>
      )}
      {decided === "rejected" && report.status === "REJECTED" && (
        <DecisionNotice>
          <p>{t("rejectedNotice")}</p>
        </DecisionNotice>
      )}
      <p className="breadcrumb">
        {report.task ? (
          <Link href={`/tasks/${report.task.id}`}>
            {report.task.code} · {report.task.title}
          </Link>
        ) : (
          t("importedFrom", { file: report.import?.fileName ?? "—" })
        )}
      </p>
      <h1>{t("title", { hazard: report.hazardArea.code, method: tMethod(report.method) })}</h1>
      {report.kind === "REOPENING" && report.inspection && report.task && (
        <p className="note" data-testid="reopening-note">
          <Link href={`/tasks/${report.task.id}#inspection-${report.inspection.id}`}>
            {t("reopeningNote", {
              date: formatProgrammeDay(report.inspection.inspectedOn, locale),
              area: formatM2(report.countedAreaM2, locale),
            })}
          </Link>
        </p>
      )}
      <dl className="facts">
        <dt>{t("status")}</dt>
        <dd data-testid="report-status">{tStatus(report.status)}</dd>
        <dt>{t("partner")}</dt>
        <dd>{report.partner.name}</dd>
        {report.sourceReference && (
          <>
            <dt>{t("sourceReference")}</dt>
            <dd className="code">{report.sourceReference}</dd>
          </>
        )}
        <dt>{t("period")}</dt>
        <dd>
          {formatDate(report.periodStart, locale)} – {formatDate(report.periodEnd, locale)}
        </dd>
        <dt>{t("submitted")}</dt>
        <dd>{t("by", { when: formatProgrammeDay(report.submittedAt, locale), who: report.submittedByName ?? "—" })}</dd>
        {report.reviewedAt && (
          <>
            <dt>{t("reviewed")}</dt>
            <dd>
              {t("by", { when: formatProgrammeDay(report.reviewedAt, locale), who: report.reviewedByName ?? "—" })}
              {/* Not an independent approval: the authority approved its own teams' work. */}
              {report.reviewedByOwnAuthority && report.status !== "REJECTED" && (
                <>
                  {" "}
                  <span className="badge" data-testid="own-authority" title={tAccreditation("ownAuthorityNote")}>
                    {tAccreditation("ownAuthority")}
                  </span>
                </>
              )}
            </dd>
          </>
        )}
        {report.reviewReason && (
          <>
            <dt>{t("reason")}</dt>
            <dd>{report.reviewReason}</dd>
          </>
        )}
        {(report.clearanceDepthCm || report.method === "CLEARED") && (
          <>
            <dt>{t("depth")}</dt>
            <dd data-testid="clearance-depth">
              {report.clearanceDepthCm
                ? t("cm", { depth: formatCount(report.clearanceDepthCm, locale) })
                : t("depthNotRecorded")}
            </dd>
          </>
        )}
        {report.supersedesId && (
          <>
            <dt>{t("corrects")}</dt>
            <dd>
              <Link href={`/reports/${report.supersedesId}`}>{t("correctedReport")}</Link>
            </dd>
          </>
        )}
        {report.corrections.length > 0 && (
          <>
            <dt>{t("corrections")}</dt>
            <dd>
              {report.corrections.map((c) => (
                <Link key={c.id} href={`/reports/${c.id}`}>
                  {formatProgrammeDay(c.submittedAt, locale)} ({tStatus(c.status)}){" "}
                </Link>
              ))}
            </dd>
          </>
        )}
      </dl>
      <FieldMap
        label={t("mapLabel", { hazard: report.hazardArea.code })}
        basemap={basemapSettings()}
        hazards={hazardFeatures([report.hazardArea])}
        released={releasedFeatures(report.releasedBefore)}
        submitted={polygonFeatures([report.submittedGeometry])}
        photos={photos}
      />
      <table className="figures-table">
        <thead>
          <tr>
            <th />
            <th className="num">{counted ? t("atApproval") : t("atSubmission")}</th>
            {now && <th className="num">{t("ifApprovedNow")}</th>}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("submittedArea")}</th>
            <td className="num">{formatM2(report.submittedAreaM2, locale)}</td>
            {now && <td className="num">{formatM2(report.submittedAreaM2, locale)}</td>}
          </tr>
          <tr>
            <th scope="row">{t("outside")}</th>
            <td className="num">{formatM2(report.outsideHazardM2, locale)}</td>
            {now && <td className="num">{formatM2(now.outsideHazardM2, locale)}</td>}
          </tr>
          <tr>
            <th scope="row">{t("alreadyReleased")}</th>
            <td className="num">{formatM2(report.alreadyReleasedM2, locale)}</td>
            {now && <td className="num">{formatM2(now.alreadyReleasedM2, locale)}</td>}
          </tr>
          <tr>
            <th scope="row">{t("counted")}</th>
            <td className="num" data-testid="report-counted" data-m2={report.countedAreaM2}>
              {formatM2(report.countedAreaM2, locale)}
            </td>
            {now && (
              <td className="num" data-testid="report-counted-now" data-m2={now.countedAreaM2}>
                {formatM2(now.countedAreaM2, locale)}
              </td>
            )}
          </tr>
        </tbody>
      </table>
      {report.status === "SUPERSEDED" && <p className="note">{t("supersededNote")}</p>}
      {report.import && <p className="note">{t(report.status === "WITHDRAWN" ? "withdrawnNote" : "importedNote")}</p>}
      {now && report.supersedesId && (
        <p className="note">{t("correctionNet", { net: formatM2(now.netChangeM2, locale) })}</p>
      )}
      <h2>{t("devices")}</h2>
      {report.devices.length ? (
        <ul>
          {report.devices.map((d, i) => (
            <li key={i}>
              {tDevice(d.category)}: {formatCount(d.count, locale)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="note">{t("noDevices")}</p>
      )}
      {files && <RecordAttachments subjectType="landReleaseReport" found={files} />}
      {review && (
        <section aria-labelledby="review-warnings-title">
          <h2 id="review-warnings-title">{tWarnings("title")}</h2>
          {warnings}
        </section>
      )}
      {review && (
        <ReviewActions
          reportId={report.id}
          hazardCode={report.hazardArea.code}
          method={report.method}
          countedM2={now?.countedAreaM2 ?? null}
          netChangeM2={report.supersedesId && now ? now.netChangeM2 : null}
          warningCount={review.warnings.length}
          warnings={warnings}
        />
      )}
      {correctable && (
        <p>
          <Link className="button secondary" href={`/tasks/${report.task!.id}/reports/new?corrects=${report.id}`}>
            {t("correct")}
          </Link>
        </p>
      )}
    </>
  );
}
