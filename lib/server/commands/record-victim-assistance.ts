import type { Prisma } from "@/generated/prisma/client";
import { governorateName } from "@/lib/i18n/names";
import { refusal } from "@/lib/i18n/refusals";
import { ZVictimAssistance } from "@/lib/schemas/victim-assistance";
import { CommandError, fieldIssue } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { accidentToLink, assistanceOfSubmission, assistanceToReplace } from "@/lib/server/queries/victim-assistance";
import {
  type Correction,
  clientRefOf,
  day,
  governorate,
  parseRecordOrWithdrawal,
  writeRecord,
} from "./human-impact-record";

/**
 * An authority (in its own governorates) or an operator (in any, as for risk
 * education) records survivors referred to or given a service in a period,
 * by sex and age, linked to the accident where known: an accident in force
 * in the same governorate, and for an authority one of its own region's. A
 * correction or withdrawal is a new record naming the one it replaces.
 */
export async function recordVictimAssistance(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "victimAssistance:record"))
    throw new CommandError("forbidden", refusal("onlyAuthorityOrOperatorRecordsAssistance"));
  const { withdrawing, input, replaced } = await parseRecordOrWithdrawal(
    body,
    ZVictimAssistance,
    "assistanceMalformed",
    (id) => assistanceToReplace(db, actor.organisationId, id),
  );
  let fields: Omit<Prisma.VictimAssistanceRecordUncheckedCreateInput, "organisationId" | keyof Correction>;
  if ("withdrawn" in input) {
    const { id: _, supersededBy: __, ...kept } = replaced!;
    fields = { ...kept, women: 0, men: 0, girls: 0, boys: 0, unknown: 0, withdrawn: true };
  } else {
    const g = await governorate(db, input.governorate);
    if (actor.role === "AUTHORITY" && g.authorityId !== actor.organisationId)
      throw new CommandError(
        "forbidden",
        refusal("governorateNotYoursForAssistance", { governorate: (l) => governorateName(g, l), pcode: g.pcode }),
      );
    if (input.incidentId && !(await accidentToLink(db, actor, g.pcode, input.incidentId)))
      throw new CommandError("invalid_request", refusal("noSuchAccidentToLink", { pcode: g.pcode }), [
        fieldIssue(["incidentId"], "noSuchAccidentToLink", { pcode: g.pcode }),
      ]);
    fields = {
      periodStart: day(input.periodStart),
      periodEnd: day(input.periodEnd),
      governoratePcode: g.pcode,
      service: input.service,
      women: input.women,
      men: input.men,
      girls: input.girls,
      boys: input.boys,
      unknown: input.unknown,
      incidentId: input.incidentId ?? null,
    };
  }
  return writeRecord(
    db,
    actor,
    "victimAssistance",
    input,
    withdrawing,
    replaced,
    (tx, correction) =>
      tx.victimAssistanceRecord.create({
        data: { ...fields, ...correction, organisationId: actor.organisationId, clientRef: clientRefOf(input) },
        select: { id: true },
      }),
    async () => {
      const clientRef = clientRefOf(input);
      return clientRef ? assistanceOfSubmission(db, actor.organisationId, clientRef) : null;
    },
  );
}
