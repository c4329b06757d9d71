import { refusal } from "@/lib/i18n/refusals";
import { ZAccreditationCreate } from "@/lib/schemas/accreditation";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, fieldIssue, parseOrRefuse } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { findOperator } from "@/lib/server/queries/organisations";

const date = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * An authority records an accreditation it issued to an operator (IMAS 07.30): the issuing authority is always the
 * caller's own, since each authority accredits for its own region. The record is never edited afterwards; a renewal
 * is a new record and a withdrawal is recorded once on it (withdraw-accreditation.ts).
 */
export async function recordAccreditation(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "accreditation:manage")) throw new CommandError("forbidden", refusal("onlyAuthorityAccredits"));
  const input = parseOrRefuse(ZAccreditationCreate, body, "accreditationMalformed");
  if (input.validTo < input.validFrom)
    throw new CommandError("invalid_request", refusal("accreditationEndsBeforeStart"), [
      fieldIssue(["validTo"], "accreditationEndsBeforeStart"),
    ]);
  if (!(await findOperator(db, input.operatorId)))
    throw new CommandError("invalid_request", refusal("accreditationNotAnOperator"), [
      fieldIssue(["operatorId"], "accreditationNotAnOperator"),
    ]);
  return db.$transaction(async (tx) => {
    const accreditation = await tx.accreditation.create({
      data: {
        operatorId: input.operatorId,
        issuingAuthorityId: actor.organisationId,
        scopes: input.scopes,
        validFrom: date(input.validFrom),
        validTo: date(input.validTo),
        reference: input.reference,
        recordedById: actor.id,
      },
      select: { id: true, reference: true },
    });
    await recordAuditEvent(tx, {
      actorUserId: actor.id,
      action: "accreditation.create",
      entityType: "Accreditation",
      entityId: accreditation.id,
      after: { ...input, issuingAuthorityId: actor.organisationId },
    });
    // The task form's choice of operators follows the accreditations.
    await bumpDataVersion(tx);
    return accreditation;
  });
}
