import { randomBytes } from "node:crypto";
import { refusal } from "@/lib/i18n/refusals";
import { ZTaskCreate } from "@/lib/schemas/task";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, fieldIssue, parseOrRefuse } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { hazardAreasOfAuthority } from "@/lib/server/queries/field-checks";
import { findGrants } from "@/lib/server/queries/funding";
import { checkOperatorAccreditation } from "./check-operator-accreditation";

/** A readable, unique task code: TASK-2026-7KQ2MX. */
function taskCode(now: Date): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const suffix = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join("");
  return `TASK-${now.getUTCFullYear()}-${suffix}`;
}

/**
 * An authority issues a task order for hazardous areas in its governorates,
 * assigned to an implementing partner or planned for later. The first status
 * change is recorded with the task, and the grants that fund it (each grant
 * must fund that partner; shares add up to at most the whole task).
 */
export async function createTask(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "task:assign")) throw new CommandError("forbidden", refusal("onlyAuthorityOrdersTasks"));
  const input = parseOrRefuse(ZTaskCreate, body, "taskOrderMalformed");
  if (input.plannedStart && input.plannedEnd && input.plannedStart > input.plannedEnd) {
    throw new CommandError("invalid_request", refusal("plannedEndBeforeStart"));
  }
  const areas = await hazardAreasOfAuthority(db, actor.organisationId, input.hazardAreaIds);
  if (areas.length !== new Set(input.hazardAreaIds).size)
    throw new CommandError("not_found", refusal("hazardAreasNotYours"));
  if (input.partnerId)
    await checkOperatorAccreditation(db, {
      operatorId: input.partnerId,
      authorityId: actor.organisationId,
      workScopes: input.workScopes,
    });
  if (input.grants.length) {
    const grants = await findGrants(
      db,
      input.grants.map((g) => g.grantId),
    );
    if (grants.length !== input.grants.length) throw new CommandError("not_found", refusal("grantsMissing"));
    const other = grants.find((g) => g.partnerId && g.partnerId !== input.partnerId);
    if (other)
      throw new CommandError("invalid_request", refusal("grantOfOtherPartner", { code: other.code }), [
        fieldIssue(["grants"], "grantOfOtherPartnerField"),
      ]);
  }
  const status = input.partnerId ? "ASSIGNED" : "PLANNED";
  const now = new Date();
  return db.$transaction(async (tx) => {
    const task = await tx.task.create({
      data: {
        code: taskCode(now),
        title: input.title,
        authorityId: actor.organisationId,
        partnerId: input.partnerId ?? null,
        workScopes: input.workScopes,
        priority: input.priority,
        status,
        plannedStart: input.plannedStart ? new Date(`${input.plannedStart}T00:00:00Z`) : null,
        plannedEnd: input.plannedEnd ? new Date(`${input.plannedEnd}T00:00:00Z`) : null,
        createdById: actor.id,
        hazardAreas: { create: areas.map((a) => ({ hazardAreaId: a.id })) },
        grants: { create: input.grants.map((g) => ({ grantId: g.grantId, shareBp: g.shareBp })) },
        statusChanges: { create: { fromStatus: null, toStatus: status, byUserId: actor.id } },
      },
      select: { id: true, code: true, status: true },
    });
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "task.create",
      entityType: "Task",
      entityId: task.id,
      after: { ...input, status },
    });
    // A partner's view counts the hazardous areas of its tasks.
    await bumpDataVersion(tx);
    return task;
  });
}
