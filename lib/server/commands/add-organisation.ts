import { refusal } from "@/lib/i18n/refusals";
import { ZOrganisationCreate } from "@/lib/schemas/organisation";
import { bumpDataVersion } from "@/lib/server/cache";
import { CommandError, fieldIssue, isUniqueViolation, parseOrRefuse } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";

/** An administrator adds an operator or a donor (the national authorities come with the reference data). */
export async function addOrganisation(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "user:manage")) throw new CommandError("forbidden", refusal("onlyAdminManagesUsers"));
  const input = parseOrRefuse(ZOrganisationCreate, body, "organisationMalformed");
  const operator = input.roles.includes("OPERATOR");
  if (operator && !input.operatorKind)
    throw new CommandError("invalid_request", refusal("operatorNeedsKind"), [
      fieldIssue(["operatorKind"], "operatorNeedsKind"),
    ]);
  if (!operator && input.operatorKind)
    throw new CommandError("invalid_request", refusal("operatorKindWithoutOperator"), [
      fieldIssue(["operatorKind"], "operatorKindWithoutOperator"),
    ]);
  const taken = () =>
    new CommandError("conflict", refusal("organisationNameTaken", { name: input.name }), [
      fieldIssue(["name"], "organisationNameTakenField"),
    ]);
  return db
    .$transaction(async (tx) => {
      if (await tx.organisation.findUnique({ where: { name: input.name }, select: { id: true } })) throw taken();
      const organisation = await tx.organisation.create({
        data: {
          name: input.name,
          shortName: input.shortName ?? null,
          roles: input.roles,
          operatorKind: input.operatorKind ?? null,
        },
        select: { id: true, name: true, shortName: true, roles: true, operatorKind: true },
      });
      await recordAuditEvent(tx, {
        actorUserId: actor.id,
        action: "organisation.create",
        entityType: "Organisation",
        entityId: organisation.id,
        after: organisation,
      });
      // The dashboard's partner filter lists the partners with the cached figures.
      await bumpDataVersion(tx);
      return organisation;
    })
    .catch((err: unknown) => {
      // Two administrators adding the same name at once: the second meets the unique index, and is told so.
      throw isUniqueViolation(err) ? taken() : err;
    });
}
