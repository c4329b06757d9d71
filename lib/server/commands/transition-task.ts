import { checkTransition, type TaskActorSide, type TaskStatus } from "@/lib/domain/task-lifecycle";
import { type RefusalKey, refusal } from "@/lib/i18n/refusals";
import { statusChoices, statusWord } from "@/lib/i18n/words";
import { ZTaskTransition } from "@/lib/schemas/task";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { taskForTransition } from "@/lib/server/queries/field-checks";
import { grantOfOtherPartner } from "@/lib/server/queries/funding";
import { checkOperatorAccreditation } from "./check-operator-accreditation";
import { moveTask } from "./move-task";

/**
 * Moves a task one step along its lifecycle, by the side that step belongs
 * to, on the caller's own task; the change is recorded in the task's history
 * and the audit trail. A task that changed meanwhile gives a conflict.
 */
export async function transitionTask(db: Db, actor: Actor, taskId: string, body: unknown) {
  const side: TaskActorSide | null = can(actor, "task:assign")
    ? "AUTHORITY"
    : can(actor, "report:submit")
      ? "PARTNER"
      : null;
  if (!side) throw new CommandError("forbidden", refusal("onlyTaskSidesMove"));
  const input = parseOrRefuse(ZTaskTransition, body, "sayWhichStatus");
  const to = input.to.toUpperCase() as TaskStatus;
  const owner = side === "AUTHORITY" ? { authorityId: actor.organisationId } : { partnerId: actor.organisationId };
  const task = await taskForTransition(db, taskId, owner);
  if (!task) throw new CommandError("not_found", refusal("noSuchTaskOfYours"));
  const partnerId = to === "ASSIGNED" ? (input.partnerId ?? task.partnerId) : task.partnerId;
  if (to === "ASSIGNED" && input.partnerId) {
    // As when the task was ordered: its grants fund its partner, or its land would be credited to a grant that did not pay for it.
    const other = await grantOfOtherPartner(db, task.id, input.partnerId);
    if (other) throw new CommandError("invalid_request", refusal("grantOfOtherPartner", { code: other.grant.code }));
  }
  // These two steps carry a record of their own (IMAS 08.30), written with the step.
  if (to === "COMPLETED") throw new CommandError("conflict", refusal("completeWithReport", { id: task.id }));
  if (to === "HANDED_OVER") throw new CommandError("conflict", refusal("handoverWithCertificate", { id: task.id }));
  const check = checkTransition(task.status, to, side, {
    hasPartner: !!partnerId,
    partnerChanges: !!input.partnerId && input.partnerId !== task.partnerId,
  });
  if (!check.ok) throw new CommandError("conflict", transitionRefusal(check, task.status, to));
  // Assigned again to the same operator after a step back to planning, its accreditation may have lapsed meanwhile.
  if (to === "ASSIGNED" && partnerId)
    await checkOperatorAccreditation(db, {
      operatorId: partnerId,
      authorityId: task.authorityId,
      workScopes: task.workScopes,
    });
  return db.$transaction((tx) => moveTask(tx, actor, { ...task, partnerId }, to, input.note));
}

function transitionRefusal(
  check: Exclude<ReturnType<typeof checkTransition>, { ok: true }>,
  from: TaskStatus,
  to: TaskStatus,
) {
  const steps = { from: statusWord(from), to: statusWord(to) };
  if (check.why === "needs-partner") return refusal("assignNeedsPartner");
  if (check.why === "reassign-needs-other-partner") return refusal("reassignNeedsOtherPartner");
  if (check.why === "other-side") return refusal("transitionOtherSide", { ...steps, side: check.side.toLowerCase() });
  const key: RefusalKey = check.possible.length ? "transitionNotAllowed" : "transitionFromFinal";
  return refusal(key, { ...steps, next: statusChoices(check.possible) });
}
