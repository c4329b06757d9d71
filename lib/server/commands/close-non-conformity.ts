import { refusal } from "@/lib/i18n/refusals";
import { ZNonConformityClosure } from "@/lib/schemas/monitoring-visit";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, fieldIssue, parseOrRefuse } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { nonConformityForClosure } from "@/lib/server/queries/quality";
import { inFuture } from "./record-monitoring-visit";

/**
 * The authority closes a non-conformity once it has verified the corrective
 * action: the day and a note, written once (a closure is never undone; a
 * recurrence is a new non-conformity), with its audit event.
 */
export async function closeNonConformity(db: Db, actor: Actor, id: string, body: unknown) {
  if (!can(actor, "qa:record")) throw new CommandError("forbidden", refusal("onlyAuthorityRecordsQa"));
  const input = parseOrRefuse(ZNonConformityClosure, body, "closureMalformed");
  if (inFuture(input.closedOn))
    throw new CommandError("invalid_request", refusal("qaDateInFuture"), [fieldIssue(["closedOn"], "notInFuture")]);
  const found = await nonConformityForClosure(db, actor, id);
  if (!found) throw new CommandError("not_found", refusal("noSuchNonConformity"));
  if (found.closedOn)
    throw new CommandError(
      "conflict",
      refusal("nonConformityAlreadyClosed", { date: found.closedOn.toISOString().slice(0, 10) }),
    );
  const visitedOn = found.visit.visitedOn.toISOString().slice(0, 10);
  if (input.closedOn < visitedOn)
    throw new CommandError("invalid_request", refusal("closedBeforeFound", { date: visitedOn }), [
      fieldIssue(["closedOn"], "closedBeforeFound", { date: visitedOn }),
    ]);
  return db.$transaction(async (tx) => {
    // Only while still open: of two closures sent at once, the second finds it closed.
    const closed = await tx.nonConformity.updateMany({
      where: { id: found.id, closedOn: null },
      data: { closedOn: new Date(`${input.closedOn}T00:00:00Z`), closureNote: input.note, closedById: actor.id },
    });
    if (closed.count !== 1) {
      const now = await tx.nonConformity.findUniqueOrThrow({ where: { id: found.id }, select: { closedOn: true } });
      const date = now.closedOn?.toISOString().slice(0, 10) ?? "";
      throw new CommandError("conflict", refusal("nonConformityAlreadyClosed", { date }));
    }
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "nonConformity.close",
      entityType: "NonConformity",
      entityId: found.id,
      before: { closedOn: null },
      after: { closedOn: input.closedOn, note: input.note, visitId: found.visit.id },
    });
    await bumpDataVersion(tx);
    return { id: found.id, closedOn: input.closedOn };
  });
}
