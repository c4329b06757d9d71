import { Prisma } from "@/generated/prisma/client";
import type { Areal } from "@/lib/geo/boolean";
import { refusal } from "@/lib/i18n/refusals";
import { ZReportReview } from "@/lib/schemas/land-release-report";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { runGeometry, TRANSACTION_WITH_GEOMETRY_MS } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { asAreal, findCorrectionBasis, findReportForReview, lockHazardArea } from "@/lib/server/queries/land-release";
import { hasReopenedLand } from "@/lib/server/queries/quality";
import { settleReleasedArea } from "./hazard-area-change-record";

/**
 * An authority approves or rejects a submitted report in its governorates.
 * Approval recomputes the counted area against the land released at that
 * moment, inside one transaction holding the hazardous area's row lock, so
 * concurrent approvals of overlapping reports never count a m² twice. The
 * counted figures are fixed then; the hazardous area's released land and
 * total grow by exactly the counted area. Approving a correction marks the
 * report it replaces SUPERSEDED (kept, no longer counted) and moves the total
 * by the difference, in the same transaction.
 *
 * Separation of duties: no one reviews a report they submitted (an account whose role changed since, say). An
 * authority may review its own teams' reports (IKMAA is an operator too); the review says so, for everyone to see.
 */
export async function reviewLandReleaseReport(db: Db, actor: Actor, reportId: string, body: unknown) {
  if (!can(actor, "report:review")) throw new CommandError("forbidden", refusal("onlyAuthorityReviews"));
  const review = parseOrRefuse(ZReportReview, body, "reviewIncomplete");

  return db.$transaction(
    async (tx) => {
      const target = await tx.landReleaseReport.findFirst({ where: { id: reportId }, select: { hazardAreaId: true } });
      if (target) await lockHazardArea(tx, target.hazardAreaId);
      const report = await findReportForReview(tx, actor, reportId);
      if (!report) throw new CommandError("not_found", refusal("noSuchReport"));
      if (report.status !== "SUBMITTED")
        throw new CommandError("conflict", refusal("reportAlreadyDecided", { status: report.status.toLowerCase() }));
      if (report.submittedById === actor.id) throw new CommandError("forbidden", refusal("reviewerIsSubmitter"));
      const reviewed = {
        reviewedById: actor.id,
        reviewedAt: new Date(),
        reviewedByOwnAuthority: report.partnerId === actor.organisationId,
      };

      if (review.decision === "reject") {
        const updated = await tx.landReleaseReport.update({
          where: { id: report.id },
          data: { ...reviewed, status: "REJECTED", reviewReason: review.reason },
          select: REVIEWED,
        });
        await recordAuditEvent(tx, {
          actorUserId: actor.id,
          action: "report.reject",
          entityType: "LandReleaseReport",
          entityId: report.id,
          before: { status: "SUBMITTED" },
          after: { status: "REJECTED", reason: review.reason },
        });
        return updated;
      }

      if (report.supersedesId) return approveCorrection(tx, actor, report, reviewed);
      const hazard = asAreal(report.hazardArea.geometry)!;
      const released = asAreal(report.hazardArea.releasedGeometry);
      const { account, counted, releasedAfter } = await runGeometry("approveRelease", {
        submitted: asAreal(report.submittedGeometry)!,
        hazard,
        released,
      });
      const updated = await markApproved(tx, report.id, reviewed, account, counted);
      // The total is the sum of counted areas, so the reports of an area add up to it exactly.
      const releasedM2 = report.hazardArea.releasedM2 + account.countedAreaM2;
      await tx.hazardArea.update({
        where: { id: report.hazardAreaId },
        data: { releasedM2, ...(releasedAfter ? { releasedGeometry: toJson(releasedAfter) } : {}) },
      });
      await settleAreaStatus(tx, actor, report, releasedM2);
      await recordAuditEvent(tx, {
        actorUserId: actor.id,
        action: "report.approve",
        entityType: "LandReleaseReport",
        entityId: report.id,
        before: { status: "SUBMITTED", hazardAreaReleasedM2: report.hazardArea.releasedM2 },
        after: {
          status: "APPROVED",
          reviewedByOwnAuthority: reviewed.reviewedByOwnAuthority,
          countedAreaM2: account.countedAreaM2,
          alreadyReleasedM2: account.alreadyReleasedM2,
          hazardAreaReleasedM2: releasedM2,
        },
      });
      await bumpDataVersion(tx);
      return updated;
    },
    // The accounting runs in the geometry pool, which may first wait for a worker.
    { timeout: TRANSACTION_WITH_GEOMETRY_MS, maxWait: TRANSACTION_WITH_GEOMETRY_MS },
  );
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** An area whose land the approval released to the last m² closes; one a correction gives land back to opens again. */
function settleAreaStatus(tx: Tx, actor: Actor, report: ReviewedReport, releasedM2: number) {
  return settleReleasedArea({ tx, actor }, { id: report.hazardAreaId, ...report.hazardArea }, releasedM2, {
    report: report.id,
  });
}
type ReviewedReport = NonNullable<Awaited<ReturnType<typeof findReportForReview>>>;
type Reviewed = { reviewedById: string; reviewedAt: Date; reviewedByOwnAuthority: boolean };

const REVIEWED = { id: true, status: true, countedAreaM2: true } as const;

/** The report approved, its counted figures fixed as accounted now (the counted land kept when there is any). */
function markApproved(
  tx: Tx,
  reportId: string,
  reviewed: Reviewed,
  account: { outsideHazardM2: number; alreadyReleasedM2: number; countedAreaM2: number },
  counted: Areal | null,
) {
  return tx.landReleaseReport.update({
    where: { id: reportId },
    data: {
      ...reviewed,
      status: "APPROVED",
      outsideHazardM2: account.outsideHazardM2,
      alreadyReleasedM2: account.alreadyReleasedM2,
      countedAreaM2: account.countedAreaM2,
      ...(counted ? { countedGeometry: toJson(counted) } : {}),
    },
    select: REVIEWED,
  });
}

async function approveCorrection(tx: Tx, actor: Actor, report: ReviewedReport, reviewed: Reviewed) {
  // Submitted before an inspection reopened land in the area: its polygons no longer say what is released.
  if (await hasReopenedLand(tx, report.hazardAreaId))
    throw new CommandError("conflict", refusal("correctionOfReopenedArea"));
  const basis = await findCorrectionBasis(tx, report.hazardAreaId, report.supersedesId!);
  if (!basis) throw new CommandError("conflict", refusal("correctedReportReplaced"));
  const account = await runGeometry("accountCorrection", {
    submitted: asAreal(report.submittedGeometry)!,
    hazard: asAreal(report.hazardArea.geometry)!,
    othersSubmitted: basis.othersSubmitted,
    releasedBefore: asAreal(report.hazardArea.releasedGeometry),
    supersededCounted: asAreal(basis.superseded.countedGeometry),
  });
  const updated = await markApproved(tx, report.id, reviewed, account, account.countedGeometry);
  await tx.landReleaseReport.update({ where: { id: basis.superseded.id }, data: { status: "SUPERSEDED" } });
  const releasedM2 = report.hazardArea.releasedM2 - basis.superseded.countedAreaM2 + account.countedAreaM2;
  await tx.hazardArea.update({
    where: { id: report.hazardAreaId },
    // Null when the correction releases nothing and no other report did.
    data: { releasedM2, releasedGeometry: account.releasedAfter ? toJson(account.releasedAfter) : Prisma.DbNull },
  });
  await settleAreaStatus(tx, actor, report, releasedM2);
  await recordAuditEvent(tx, {
    actorUserId: actor.id,
    action: "report.approveCorrection",
    entityType: "LandReleaseReport",
    entityId: report.id,
    before: {
      status: "SUBMITTED",
      supersedes: basis.superseded.id,
      supersededCountedAreaM2: basis.superseded.countedAreaM2,
      hazardAreaReleasedM2: report.hazardArea.releasedM2,
    },
    after: {
      status: "APPROVED",
      reviewedByOwnAuthority: reviewed.reviewedByOwnAuthority,
      countedAreaM2: account.countedAreaM2,
      reinstatedM2: account.reinstatedM2,
      supersededStatus: "SUPERSEDED",
      hazardAreaReleasedM2: releasedM2,
    },
  });
  await bumpDataVersion(tx);
  return updated;
}
