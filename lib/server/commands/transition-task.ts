import { ZTaskTransition } from "../../schemas/task";
import { checkTransition, type TaskActorSide, type TaskStatus } from "../../domain/task-lifecycle";
import { CommandError, parseOrRefuse } from "../command-error";
import { refusal, type RefusalKey } from "../../i18n/refusals";
import { statusChoices, statusWord } from "../../i18n/words";
import { can, type Actor } from "../permissions";
import type { Db } from "../prisma";
import { bumpDataVersion } from "../cache";
import { recordAuditEvent } from "../queries/audit";

/**
 * Moves a task one step along its lifecycle, by the side that step belongs
 * to, on the caller's own task; the change is recorded in the task's history
 * and the audit trail. A task that changed meanwhile gives a conflict.
 */
export async function transitionTask(db: Db, actor: Actor, taskId: string, body: unknown) {
  const side: TaskActorSide | null = can(actor, "task:assign") ? "AUTHORITY" : can(actor, "report:submit") ? "PARTNER" : null;
  if (!side) throw new CommandError("forbidden", refusal("onlyTaskSidesMove"));
  const input = parseOrRefuse(ZTaskTransition, body, "sayWhichStatus");
  const to = input.to.toUpperCase() as TaskStatus;
  const scope = side === "AUTHORITY" ? { authorityId: actor.organisationId } : { partnerId: actor.organisationId };
  const task = await db.task.findFirst({ where: { id: taskId, ...scope }, select: { id: true, status: true, partnerId: true } });
  if (!task) throw new CommandError("not_found", refusal("noSuchTaskOfYours"));
  const partnerId = to === "ASSIGNED" ? (input.partnerId ?? task.partnerId) : task.partnerId;
  if (to === "ASSIGNED" && input.partnerId) {
    const partner = await db.organisation.findFirst({ where: { id: input.partnerId, type: "PARTNER" }, select: { id: true } });
    if (!partner) throw new CommandError("invalid_request", refusal("notAPartner"));
    // As when the task was ordered: its grants fund its partner, or its land would be credited to a grant that did not pay for it.
    const other = await db.grantTask.findFirst({ where: { taskId: task.id, grant: { partnerId: { not: null }, NOT: { partnerId: input.partnerId } } }, select: { grant: { select: { code: true } } } });
    if (other) throw new CommandError("invalid_request", refusal("grantOfOtherPartner", { code: other.grant.code }));
  }
  // These two steps carry a record of their own (IMAS 08.30), written with the step.
  if (to === "COMPLETED") throw new CommandError("conflict", refusal("completeWithReport", { id: task.id }));
  if (to === "HANDED_OVER") throw new CommandError("conflict", refusal("handoverWithCertificate", { id: task.id }));
  const check = checkTransition(task.status, to, side, !!partnerId);
  if (!check.ok) throw new CommandError("conflict", transitionRefusal(check, task.status, to));
  return db.$transaction((tx) => moveTask(tx, actor, { ...task, partnerId }, to, input.note));
}

function transitionRefusal(check: Exclude<ReturnType<typeof checkTransition>, { ok: true }>, from: TaskStatus, to: TaskStatus) {
  const steps = { from: statusWord(from), to: statusWord(to) };
  if (check.why === "needs-partner") return refusal("assignNeedsPartner");
  if (check.why === "other-side") return refusal("transitionOtherSide", { ...steps, side: check.side.toLowerCase() });
  const key: RefusalKey = check.possible.length ? "transitionNotAllowed" : "transitionFromFinal";
  return refusal(key, { ...steps, next: statusChoices(check.possible) });
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * One lifecycle step inside the caller's transaction: the task moves only if
 * it is still where the caller saw it, with its history row and audit event.
 */
export async function moveTask(tx: Tx, actor: Actor, task: { id: string; status: TaskStatus; partnerId: string | null }, to: TaskStatus, note?: string) {
  const moved = await tx.task.updateMany({ where: { id: task.id, status: task.status }, data: { status: to, partnerId: task.partnerId } });
  if (moved.count !== 1) throw new CommandError("conflict", refusal("taskChanged"));
  await tx.taskStatusChange.create({ data: { taskId: task.id, fromStatus: task.status, toStatus: to, byUserId: actor.id, note: note ?? null } });
  await recordAuditEvent(tx, { actorUserId: actor.id, action: "task.transition", entityType: "Task", entityId: task.id, before: { status: task.status }, after: { status: to, partnerId: task.partnerId } });
  // Assigning may change the partner, whose view counts the task's hazardous areas.
  if (to === "ASSIGNED") await bumpDataVersion(tx);
  return { id: task.id, status: to.toLowerCase() };
}
