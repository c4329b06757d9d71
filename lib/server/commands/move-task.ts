import { startedByReport, type TaskStatus } from "@/lib/domain/task-lifecycle";
import { refusal } from "@/lib/i18n/refusals";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError } from "@/lib/server/command-error";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * One lifecycle step inside the caller's transaction: the task moves only if
 * it is still where the caller saw it, with its history row and audit event.
 */
export async function moveTask(
  tx: Tx,
  actor: Actor,
  task: { id: string; status: TaskStatus; partnerId: string | null },
  to: TaskStatus,
  note?: string,
) {
  const moved = await tx.task.updateMany({
    where: { id: task.id, status: task.status },
    data: { status: to, partnerId: task.partnerId },
  });
  if (moved.count !== 1) throw new CommandError("conflict", refusal("taskChanged"));
  await tx.taskStatusChange.create({
    data: { taskId: task.id, fromStatus: task.status, toStatus: to, byUserId: actor.id, note: note ?? null },
  });
  await recordAuditEvent(tx, {
    actorUserId: actor.id,
    action: "task.transition",
    entityType: "Task",
    entityId: task.id,
    before: { status: task.status },
    after: { status: to, partnerId: task.partnerId },
  });
  // Assigning may change the partner, whose view counts the task's hazardous areas.
  if (to === "ASSIGNED") await bumpDataVersion(tx);
  return { id: task.id, status: to.toLowerCase() };
}

/**
 * The partner's first report on an assigned task starts the work, inside the
 * report's transaction. The system takes this step, not a person, so the
 * history and the audit trail name no one and say the report caused it. A
 * task the authority withdrew or cancelled since the partner opened it takes
 * no report. Returns whether the task moved.
 */
export async function startTaskByReport(tx: Tx, task: { id: string; status: TaskStatus }, reportId: string) {
  if (!startedByReport(task.status)) return false;
  const moved = await tx.task.updateMany({
    where: { id: task.id, status: "ASSIGNED" },
    data: { status: "IN_PROGRESS" },
  });
  if (moved.count !== 1) {
    // Another report of the partner's, sent at the same time, started it: this one is taken all the same.
    const now = await tx.task.findUnique({ where: { id: task.id }, select: { status: true } });
    if (now?.status === "IN_PROGRESS") return false;
    throw new CommandError("conflict", refusal("taskChanged"));
  }
  await tx.taskStatusChange.create({
    data: { taskId: task.id, fromStatus: "ASSIGNED", toStatus: "IN_PROGRESS", byUserId: null },
  });
  await recordAuditEvent(tx, {
    actorUserId: null,
    action: "task.startedByReport",
    entityType: "Task",
    entityId: task.id,
    before: { status: "ASSIGNED" },
    after: { status: "IN_PROGRESS", reportId },
  });
  return true;
}
