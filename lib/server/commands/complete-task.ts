import { UNRELEASED_TOLERANCE_M2, unreleasedM2 } from "@/lib/domain/completion";
import { formatM2 } from "@/lib/i18n/format";
import { refusal } from "@/lib/i18n/refusals";
import { statusWord } from "@/lib/i18n/words";
import { ZCompletion } from "@/lib/schemas/completion";
import { CommandError, fieldIssue, parseOrRefuse } from "@/lib/server/command-error";
import { toJson } from "@/lib/server/json";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { taskLandNow } from "@/lib/server/queries/completion";
import { taskForCompletion } from "@/lib/server/queries/field-checks";
import { moveTask } from "./move-task";

/**
 * The partner completes a task in progress with its completion report (IMAS
 * 08.30). Stored with it, as the certificate states them: this task's own
 * released land (its approved releases less its reopenings, never land others
 * released in the same areas) and its m² by method, and the part of its
 * hazardous areas still unreleased as measured now, which must be recorded as
 * such (its reason) or the completion is refused. Reports still awaiting
 * review must be decided first, so the report is final. A task reopened by a
 * failed inspection is completed again: a new report, the earlier kept.
 */
export async function completeTask(db: Db, actor: Actor, taskId: string, body: unknown) {
  if (!can(actor, "report:submit")) throw new CommandError("forbidden", refusal("onlyPartnerCompletes"));
  const input = parseOrRefuse(ZCompletion, body, "completionMalformed");
  const task = await taskForCompletion(db, actor.organisationId, taskId);
  if (!task) throw new CommandError("not_found", refusal("noSuchTaskOfYours"));
  if (task.status !== "IN_PROGRESS")
    throw new CommandError("conflict", refusal("onlyInProgressCompleted", { status: statusWord(task.status) }));
  if (task._count.reports > 0)
    throw new CommandError("conflict", refusal("reportsAwaitReview", { count: task._count.reports }));
  const land = await taskLandNow(db, task.id);
  const clearedM2 = land.byMethod.CLEARED;
  if (clearedM2 > UNRELEASED_TOLERANCE_M2 && input.clearanceDepthCm === undefined) {
    const values = { m2: (l: string) => formatM2(clearedM2, l) };
    throw new CommandError("invalid_request", refusal("clearanceDepthRequired", values), [
      fieldIssue(["clearanceDepthCm"], "clearanceDepthRequired", values),
    ]);
  }
  const remainderM2 = unreleasedM2(task.hazardAreas.map((h) => h.hazardArea));
  if (remainderM2 > 0 && !input.remainderReason) {
    const values = { m2: (l: string) => formatM2(remainderM2, l) };
    throw new CommandError("conflict", refusal("areaLeftUnreleased", values), [
      fieldIssue(["remainderReason"], "remainderUnrecorded", values),
    ]);
  }
  return db.$transaction(async (tx) => {
    const completion = await tx.completionReport.create({
      data: {
        taskId: task.id,
        completedOn: new Date(`${input.completedOn}T00:00:00Z`),
        clearanceDepthCm: input.clearanceDepthCm ?? null,
        qaNotes: input.qaNotes ?? null,
        ...(land.geometry ? { geometry: toJson(land.geometry) } : {}),
        markers: input.markers,
        benchmark: toJson(input.benchmark),
        benchmarkDescription: input.benchmarkDescription,
        residualRisk: input.residualRisk,
        residualRiskHolder: input.residualRiskHolder,
        // Nothing left, nothing to record: a reason sent for no remainder is not kept.
        remainderM2,
        remainderReason: remainderM2 > 0 ? input.remainderReason : null,
        cancelledM2: land.byMethod.CANCELLED,
        reducedM2: land.byMethod.REDUCED,
        clearedM2,
        submittedById: actor.id,
      },
      select: { id: true },
    });
    await moveTask(tx, actor, task, "COMPLETED", "Completion report filed.");
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "task.completionReport",
      entityType: "CompletionReport",
      entityId: completion.id,
      after: { taskId: task.id, ...input, remainderM2, releasedM2: land.byMethod },
    });
    return { id: task.id, status: "completed", completionReportId: completion.id };
  });
}
