import { handoverBlocker } from "@/lib/domain/completion";
import { formatDate } from "@/lib/i18n/format";
import { refusal } from "@/lib/i18n/refusals";
import { ZHandover } from "@/lib/schemas/completion";
import { CommandError, fieldIssue, parseOrRefuse } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { newestInspectionSince } from "@/lib/server/queries/completion";
import { taskForHandover } from "@/lib/server/queries/field-checks";
import { moveTask } from "./move-task";

/**
 * The authority records the handover of a completed task's land (date,
 * recipient, attendees by sex and age) and the task becomes handed over.
 * Only after a post-clearance inspection (IMAS 09.20) recorded since the
 * current completion report was filed passed: none, or a failed newest one,
 * refuses it. Written once: the certificate is not edited afterwards.
 */
export async function handOverTask(db: Db, actor: Actor, taskId: string, body: unknown) {
  if (!can(actor, "task:assign")) throw new CommandError("forbidden", refusal("onlyAuthorityAcceptsHandover"));
  const input = parseOrRefuse(ZHandover, body, "handoverMalformed");
  const task = await taskForHandover(db, actor.organisationId, taskId);
  if (!task) throw new CommandError("not_found", refusal("noSuchTaskOfYours"));
  const completion = task.completions[0];
  if (task.status !== "COMPLETED" || !completion)
    throw new CommandError("conflict", refusal("onlyCompletedHandedOver"));
  if (input.handoverDate < completion.completedOn.toISOString().slice(0, 10)) {
    throw new CommandError("invalid_request", refusal("handoverBeforeCompletion"), [
      fieldIssue(["handoverDate"], "beforeCompletionDate"),
    ]);
  }
  const inspection = await newestInspectionSince(db, task.id, completion.createdAt);
  const blocker = handoverBlocker(inspection);
  if (blocker === "noPassedInspection") throw new CommandError("conflict", refusal("noPassedInspection"));
  if (blocker === "lastInspectionFailed")
    throw new CommandError(
      "conflict",
      refusal("lastInspectionFailed", { date: (l) => formatDate(inspection!.inspectedOn, l) }),
    );
  return db.$transaction(async (tx) => {
    await tx.completionReport.update({
      where: { id: completion.id },
      data: { ...input, handoverDate: new Date(`${input.handoverDate}T00:00:00Z`) },
    });
    await moveTask(tx, actor, task, "HANDED_OVER", `Handed over to ${input.recipient}.`);
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "task.handover",
      entityType: "CompletionReport",
      entityId: completion.id,
      before: { handoverDate: null },
      after: input,
    });
    return { id: task.id, status: "handed_over", completionReportId: completion.id };
  });
}
