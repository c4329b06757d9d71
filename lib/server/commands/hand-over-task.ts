import { ZHandover } from "../../schemas/completion";
import { CommandError, fieldIssue, parseOrRefuse } from "../command-error";
import { refusal } from "../../i18n/refusals";
import { can, type Actor } from "../permissions";
import type { Db } from "../prisma";
import { recordAuditEvent } from "../queries/audit";
import { taskForHandover } from "../queries/field-checks";
import { moveTask } from "./move-task";

/**
 * The authority records the handover of a completed task's land (date,
 * recipient, attendees by sex and age) and the task becomes handed over.
 * Written once: the certificate is not edited afterwards.
 */
export async function handOverTask(db: Db, actor: Actor, taskId: string, body: unknown) {
  if (!can(actor, "task:assign")) throw new CommandError("forbidden", refusal("onlyAuthorityAcceptsHandover"));
  const input = parseOrRefuse(ZHandover, body, "handoverMalformed");
  const task = await taskForHandover(db, actor.organisationId, taskId);
  if (!task) throw new CommandError("not_found", refusal("noSuchTaskOfYours"));
  if (task.status !== "COMPLETED" || !task.completion) throw new CommandError("conflict", refusal("onlyCompletedHandedOver"));
  if (input.handoverDate < task.completion.completedOn.toISOString().slice(0, 10)) {
    throw new CommandError("invalid_request", refusal("handoverBeforeCompletion"), [fieldIssue(["handoverDate"], "beforeCompletionDate")]);
  }
  return db.$transaction(async (tx) => {
    await tx.completionReport.update({
      where: { id: task.completion!.id },
      data: { ...input, handoverDate: new Date(`${input.handoverDate}T00:00:00Z`) },
    });
    await moveTask(tx, actor, task, "HANDED_OVER", `Handed over to ${input.recipient}.`);
    await recordAuditEvent(tx, { actorUserId: actor.id, action: "task.handover", entityType: "CompletionReport", entityId: task.completion!.id, before: { handoverDate: null }, after: input });
    return { id: task.id, status: "handed_over" };
  });
}
