import { refusal } from "@/lib/i18n/refusals";
import { statusWord } from "@/lib/i18n/words";
import { ZCompletion } from "@/lib/schemas/completion";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { runGeometry } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { taskForCompletion } from "@/lib/server/queries/field-checks";
import { asAreal } from "@/lib/server/queries/land-release";
import { moveTask } from "./move-task";

/**
 * The partner completes a task in progress with its completion report: the
 * released land of the task's hazardous areas at that moment (the polygon
 * handed over) is recorded with it. Reports still awaiting review must be
 * decided first, so the report is final.
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
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "task.completionReport",
      entityType: "CompletionReport",
      entityId: completion.id,
      after: { taskId: task.id, ...input },
    });
    return { id: task.id, status: "completed", completionReportId: completion.id };
  });
}
