import { programmeDay } from "@/lib/domain/calendar";
import { refusal } from "@/lib/i18n/refusals";
import { statusWord } from "@/lib/i18n/words";
import { ZMonitoringVisit } from "@/lib/schemas/monitoring-visit";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, fieldIssue, parseOrRefuse } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { taskForQuality } from "@/lib/server/queries/quality";

/** Whether a day (YYYY-MM-DD) is after today in Iraq: QA records say what happened. */
export const inFuture = (day: string) => day > programmeDay();

/** A team is visited at work: once the task has an operator and before it is cancelled. */
const VISITED = new Set(["ASSIGNED", "IN_PROGRESS", "COMPLETED", "HANDED_OVER"]);

/**
 * The authority records a monitoring visit to an operator's team on a task in
 * its region (IMAS 07.40), with the non-conformities found, each with its
 * corrective action and deadline, in one transaction with its audit event.
 */
export async function recordMonitoringVisit(db: Db, actor: Actor, taskId: string, body: unknown) {
  if (!can(actor, "qa:record")) throw new CommandError("forbidden", refusal("onlyAuthorityRecordsQa"));
  const input = parseOrRefuse(ZMonitoringVisit, body, "monitoringVisitMalformed");
  if (inFuture(input.visitedOn))
    throw new CommandError("invalid_request", refusal("qaDateInFuture"), [fieldIssue(["visitedOn"], "notInFuture")]);
  const task = await taskForQuality(db, actor, taskId);
  if (!task) throw new CommandError("not_found", refusal("noSuchTaskOfYours"));
  if (!task.partnerId || !VISITED.has(task.status))
    throw new CommandError("conflict", refusal("visitNeedsOperatorAtWork", { status: statusWord(task.status) }));
  return db.$transaction(async (tx) => {
    const visit = await tx.monitoringVisit.create({
      data: {
        taskId: task.id,
        operatorId: task.partnerId!,
        team: input.team,
        visitedOn: new Date(`${input.visitedOn}T00:00:00Z`),
        inspector: input.inspector,
        findings: input.findings,
        recordedById: actor.id,
        nonConformities: {
          create: input.nonConformities.map((n) => ({ ...n, deadline: new Date(`${n.deadline}T00:00:00Z`) })),
        },
      },
      select: { id: true, nonConformities: { select: { id: true }, orderBy: { createdAt: "asc" } } },
    });
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "monitoringVisit.record",
      entityType: "MonitoringVisit",
      entityId: visit.id,
      after: { taskId: task.id, operatorId: task.partnerId, ...input },
    });
    await bumpDataVersion(tx);
    return { id: visit.id, nonConformityIds: visit.nonConformities.map((n) => n.id) };
  });
}
