import { GeometryError } from "@/lib/geo/errors";
import type { LocalisedText } from "@/lib/i18n/localised";
import { refusal } from "@/lib/i18n/refusals";
import { statusWord } from "@/lib/i18n/words";
import { ZReportSubmit } from "@/lib/schemas/land-release-report";
import {
  CommandError,
  type FieldIssue,
  fieldIssue,
  geometryRefusal,
  isUniqueViolation,
  parseOrRefuse,
} from "@/lib/server/command-error";
import { runGeometry } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import {
  approvedReportToCorrect,
  asAreal,
  findCorrectionBasis,
  findTaskForReport,
  REPORT_SUMMARY,
  reportOfSubmission,
} from "@/lib/server/queries/land-release";
import { hasReopenedLand } from "@/lib/server/queries/quality";
import { startTaskByReport } from "./move-task";

const OPEN_STATUSES = new Set(["ASSIGNED", "IN_PROGRESS"]);

/**
 * A partner reports land released on its task: checked and accounted against
 * the hazardous area as the form previewed it, stored as SUBMITTED with its
 * devices and an audit event, in one transaction. Counts only once approved.
 * A correction names the approved report it replaces (supersedesId), on the
 * same task and hazardous area, and is accounted as replacing it. The first
 * report on an assigned task starts the work (the task is then in progress).
 */
export async function submitLandReleaseReport(db: Db, actor: Actor, taskId: string, body: unknown) {
  if (!can(actor, "report:submit")) throw new CommandError("forbidden", refusal("onlyPartnersReport"));
  const input = parseReport(body);
  const task = await findTaskForReport(db, actor, taskId);
  if (!task) throw new CommandError("not_found", refusal("noSuchTaskOfYours"));
  if (!OPEN_STATUSES.has(task.status))
    throw new CommandError("conflict", refusal("taskNotOpenForReports", { status: statusWord(task.status) }));
  if (input.clientRef) {
    const earlier = await sameSubmission(db, task.partnerId!, input.clientRef);
    if (earlier) return earlier;
  }
  const areas = task.hazardAreas.map((h) => h.hazardArea);
  let correcting: { hazardAreaId: string } | null = null;
  if (input.supersedesId) {
    // The partner's own report: a task handed to another partner keeps the first partner's reports as theirs.
    correcting = await approvedReportToCorrect(db, {
      id: input.supersedesId,
      taskId: task.id,
      partnerId: task.partnerId!,
    });
    if (!correcting)
      throw new CommandError("invalid_request", refusal("correctionOfApprovedOnly"), [
        fieldIssue(["supersedesId"], "notApprovedReportOfTask"),
      ]);
    if (await hasReopenedLand(db, correcting.hazardAreaId))
      throw new CommandError("conflict", refusal("correctionOfReopenedArea"));
    if (input.hazardAreaId && input.hazardAreaId !== correcting.hazardAreaId)
      throw new CommandError("invalid_request", refusal("correctionSameArea"), [
        fieldIssue(["hazardAreaId"], "differsFromCorrected"),
      ]);
  }
  const hazardAreaId = input.hazardAreaId ?? correcting?.hazardAreaId;
  const hazard = hazardAreaId ? areas.find((h) => h.id === hazardAreaId) : areas.length === 1 ? areas[0] : undefined;
  if (!hazard)
    throw new CommandError(
      "invalid_request",
      refusal("sayWhichHazardArea", { codes: areas.map((h) => h.code).join(", ") }),
    );

  let preview: Awaited<ReturnType<typeof runGeometry<"previewRelease">>>;
  try {
    preview = await runGeometry("previewRelease", input.geometry, {
      code: hazard.code,
      geometry: asAreal(hazard.geometry)!,
      released: asAreal(hazard.releasedGeometry),
    });
  } catch (err) {
    if (err instanceof GeometryError) throw geometryRefusal(err);
    throw err;
  }
  if (input.supersedesId) {
    const basis = (await findCorrectionBasis(db, hazard.id, input.supersedesId))!;
    const c = await runGeometry("accountCorrection", {
      submitted: preview.geometry,
      hazard: asAreal(hazard.geometry)!,
      othersSubmitted: basis.othersSubmitted,
      releasedBefore: asAreal(hazard.releasedGeometry),
      supersededCounted: asAreal(basis.superseded.countedGeometry),
    });
    preview = {
      ...preview,
      outsideHazardM2: c.outsideHazardM2,
      alreadyReleasedM2: c.alreadyReleasedM2,
      countedAreaM2: c.countedAreaM2,
    };
  }
  const method = input.method.toUpperCase() as "CANCELLED" | "REDUCED" | "CLEARED";
  const createReport = () =>
    db.$transaction(async (tx) => {
      const report = await tx.landReleaseReport.create({
        data: {
          taskId: task.id,
          hazardAreaId: hazard.id,
          partnerId: task.partnerId!,
          method,
          periodStart: new Date(`${input.periodStart}T00:00:00Z`),
          periodEnd: new Date(`${input.periodEnd}T00:00:00Z`),
          submittedGeometry: toJson(preview.geometry),
          submittedAreaM2: preview.submittedAreaM2,
          outsideHazardM2: preview.outsideHazardM2,
          alreadyReleasedM2: preview.alreadyReleasedM2,
          countedAreaM2: preview.countedAreaM2,
          clearanceDepthCm: input.clearanceDepthCm ?? null,
          supersedesId: input.supersedesId ?? null,
          clientRef: input.clientRef ?? null,
          submittedById: actor.id,
          devices: { create: input.devices.map((d) => ({ category: d.type, count: d.count })) },
        },
        select: REPORT_SUMMARY,
      });
      await recordAuditEvent(tx, {
        actorUserId: actor.id,
        action: "report.submit",
        entityType: "LandReleaseReport",
        entityId: report.id,
        after: {
          taskId: task.id,
          hazardAreaId: hazard.id,
          method,
          supersedesId: input.supersedesId ?? null,
          submittedAreaM2: preview.submittedAreaM2,
          outsideHazardM2: preview.outsideHazardM2,
          alreadyReleasedM2: preview.alreadyReleasedM2,
          countedAreaM2: preview.countedAreaM2,
          devices: input.devices,
        },
      });
      await startTaskByReport(tx, task, report.id);
      return { ...report, notes: preview.notes, replayed: false };
    });
  try {
    return await createReport();
  } catch (err) {
    // The same submission, sent twice at once: the second finds the first's report.
    const earlier =
      input.clientRef && isUniqueViolation(err) ? await sameSubmission(db, task.partnerId!, input.clientRef) : null;
    if (earlier) return earlier;
    throw err;
  }
}

/**
 * The report as the schema reads it. A report whose one problem is its clearance depth (none for cleared land, one
 * for cancelled) is refused with that problem's own sentence, which names the field and what to do.
 */
function parseReport(body: unknown) {
  try {
    return parseOrRefuse(ZReportSubmit, body, "reportMalformed");
  } catch (err) {
    const issues = err instanceof CommandError && Array.isArray(err.details) ? (err.details as FieldIssue[]) : [];
    if (issues.length === 1 && issues[0]!.path[0] === "clearanceDepthCm")
      throw new CommandError("invalid_request", issues[0]!.text, issues);
    throw err;
  }
}

/** The report an earlier sending of this submission made, as its first answer said. */
async function sameSubmission(db: Db, partnerId: string, clientRef: string) {
  const report = await reportOfSubmission(db, partnerId, clientRef);
  return report ? { ...report, notes: [] as LocalisedText[], replayed: true } : null;
}
