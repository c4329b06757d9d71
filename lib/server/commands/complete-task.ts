import { ZCompletion, ZHandover } from "../../schemas/completion";
import { CommandError, fieldIssue, parseOrRefuse } from "../command-error";
import { refusal } from "../../i18n/refusals";
import { statusWord } from "../../i18n/words";
import { toJson } from "../json";
import { can, type Actor } from "../permissions";
import type { Db } from "../prisma";
import { recordAuditEvent } from "../queries/audit";
import { asAreal } from "../queries/land-release";
import { moveTask } from "./transition-task";
import { runGeometry } from "../geometry-pool";

/**
 * The partner completes a task in progress with its completion report: the
 * released land of the task's hazardous areas at that moment (the polygon
 * handed over) is recorded with it. Reports still awaiting review must be
 * decided first, so the report is final.
 */
export async function completeTask(db: Db, actor: Actor, taskId: string, body: unknown) {
  if (!can(actor, "report:submit")) throw new CommandError("forbidden", refusal("onlyPartnerCompletes"));
  const input = parseOrRefuse(ZCompletion, body, "completionMalformed");
  const task = await db.task.findFirst({
    where: { id: taskId, partnerId: actor.organisationId },
    select: { id: true, status: true, partnerId: true, hazardAreas: { select: { hazardArea: { select: { releasedGeometry: true } } } }, _count: { select: { reports: { where: { status: "SUBMITTED" } } } } },
  });
  if (!task) throw new CommandError("not_found", refusal("noSuchTaskOfYours"));
  if (task.status !== "IN_PROGRESS") throw new CommandError("conflict", refusal("onlyInProgressCompleted", { status: statusWord(task.status) }));
  if (task._count.reports > 0) throw new CommandError("conflict", refusal("reportsAwaitReview", { count: task._count.reports }));
  const released = task.hazardAreas.map((h) => asAreal(h.hazardArea.releasedGeometry)).filter((g) => g !== null);
  const geometry = released.length ? await runGeometry("unionAll", released) : null;
  return db.$transaction(async (tx) => {
    const completion = await tx.completionReport.create({
      data: {
        taskId: task.id,
        completedOn: new Date(`${input.completedOn}T00:00:00Z`),
        clearanceDepthCm: input.clearanceDepthCm ?? null,
        qaNotes: input.qaNotes ?? null,
        ...(geometry ? { geometry: toJson(geometry) } : {}),
        submittedById: actor.id,
      },
      select: { id: true },
    });
    await moveTask(tx, actor, task, "COMPLETED", "Completion report filed.");
    await recordAuditEvent(tx, { actorUserId: actor.id, action: "task.completionReport", entityType: "CompletionReport", entityId: completion.id, after: { taskId: task.id, ...input } });
    return { id: task.id, status: "completed", completionReportId: completion.id };
  });
}

/**
 * The authority records the handover of a completed task's land (date,
 * recipient, attendees by sex and age) and the task becomes handed over.
 * Written once: the certificate is not edited afterwards.
 */
export async function handOverTask(db: Db, actor: Actor, taskId: string, body: unknown) {
  if (!can(actor, "task:assign")) throw new CommandError("forbidden", refusal("onlyAuthorityAcceptsHandover"));
  const input = parseOrRefuse(ZHandover, body, "handoverMalformed");
  const task = await db.task.findFirst({
    where: { id: taskId, authorityId: actor.organisationId },
    select: { id: true, status: true, partnerId: true, completion: { select: { id: true, completedOn: true } } },
  });
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
