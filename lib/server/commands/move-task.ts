import type { TaskStatus } from "@/lib/domain/task-lifecycle";
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
