import { z } from "zod";
import { checkTransition, type TaskActorSide, type TaskStatus } from "../../domain/task-lifecycle";
import { CommandError } from "../command-error";
import { can, type Actor } from "../permissions";
import type { Db } from "../prisma";
import { bumpDataVersion } from "../cache";
import { recordAuditEvent } from "../queries/audit";

export const ZTaskTransition = z.object({
  to: z.enum(["planned", "assigned", "in_progress", "completed", "handed_over", "cancelled"]),
  partnerId: z.string().min(1).optional(),
  note: z.string().trim().max(2_000).optional(),
});

/**
 * Moves a task one step along its lifecycle, by the side that step belongs
 * to, on the caller's own task; the change is recorded in the task's history
 * and the audit trail. A task that changed meanwhile gives a conflict.
 */
export async function transitionTask(db: Db, actor: Actor, taskId: string, body: unknown) {
  const side: TaskActorSide | null = can(actor, "task:assign") ? "AUTHORITY" : can(actor, "report:submit") ? "PARTNER" : null;
  if (!side) throw new CommandError("forbidden", "Only the assigning authority and the implementing partner move a task along.");
  const parsed = ZTaskTransition.safeParse(body);
  if (!parsed.success) throw new CommandError("invalid_request", "Say which status the task moves to.", parsed.error.issues);
  const to = parsed.data.to.toUpperCase() as TaskStatus;
  const scope = side === "AUTHORITY" ? { authorityId: actor.organisationId } : { partnerId: actor.organisationId };
  const task = await db.task.findFirst({ where: { id: taskId, ...scope }, select: { id: true, status: true, partnerId: true } });
  if (!task) throw new CommandError("not_found", "No such task among yours.");
  const partnerId = to === "ASSIGNED" ? (parsed.data.partnerId ?? task.partnerId) : task.partnerId;
  if (to === "ASSIGNED" && parsed.data.partnerId) {
    const partner = await db.organisation.findFirst({ where: { id: parsed.data.partnerId, type: "PARTNER" }, select: { id: true } });
    if (!partner) throw new CommandError("invalid_request", "partnerId is not an implementing partner.");
  }
  // These two steps carry a record of their own (IMAS 08.30), written with the step.
  if (to === "COMPLETED") throw new CommandError("conflict", `Complete a task with its completion report: POST /api/tasks/${task.id}/completion.`);
  if (to === "HANDED_OVER") throw new CommandError("conflict", `Accept a task's handover with its certificate: POST /api/tasks/${task.id}/handover.`);
  const check = checkTransition(task.status, to, side, !!partnerId);
  if (!check.ok) throw new CommandError("conflict", check.reason);
  return db.$transaction((tx) => moveTask(tx, actor, { ...task, partnerId }, to, parsed.data.note));
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * One lifecycle step inside the caller's transaction: the task moves only if
 * it is still where the caller saw it, with its history row and audit event.
 */
export async function moveTask(tx: Tx, actor: Actor, task: { id: string; status: TaskStatus; partnerId: string | null }, to: TaskStatus, note?: string) {
  const moved = await tx.task.updateMany({ where: { id: task.id, status: task.status }, data: { status: to, partnerId: task.partnerId } });
  if (moved.count !== 1) throw new CommandError("conflict", "The task changed while you were looking at it; reload and try again.");
  await tx.taskStatusChange.create({ data: { taskId: task.id, fromStatus: task.status, toStatus: to, byUserId: actor.id, note: note ?? null } });
  await recordAuditEvent(tx, { actorUserId: actor.id, action: "task.transition", entityType: "Task", entityId: task.id, before: { status: task.status }, after: { status: to, partnerId: task.partnerId } });
  // Assigning may change the partner, whose view counts the task's hazardous areas.
  if (to === "ASSIGNED") await bumpDataVersion(tx);
  return { id: task.id, status: to.toLowerCase() };
}
