import { refusal } from "@/lib/i18n/refusals";
import { ZRiskEducationSession } from "@/lib/schemas/human-impact";
import { CommandError } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { sessionOfSubmission, sessionToReplace } from "@/lib/server/queries/human-impact";
import { clientRefOf, day, governorate, parseRecordOrWithdrawal, writeRecord } from "./human-impact-record";

/**
 * A partner records an EORE session it delivered, in any governorate (risk
 * education follows returnees across the line between the two authorities),
 * or corrects or withdraws one of its own. Audited; the figures on the
 * dashboard move at once.
 */
export async function recordRiskEducationSession(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "riskEducation:record")) throw new CommandError("forbidden", refusal("onlyPartnerRecordsSessions"));
  const { withdrawing, input, replaced } = await parseRecordOrWithdrawal(
    body,
    ZRiskEducationSession,
    "sessionMalformed",
    (id) => sessionToReplace(db, actor.organisationId, id),
  );
  const fields =
    "withdrawn" in input
      ? {
          heldOn: replaced!.heldOn,
          governoratePcode: replaced!.governoratePcode,
          place: replaced!.place,
          women: 0,
          men: 0,
          girls: 0,
          boys: 0,
          withdrawn: true,
        }
      : {
          heldOn: day(input.heldOn),
          governoratePcode: (await governorate(db, input.governorate)).pcode,
          place: input.place,
          women: input.women,
          men: input.men,
          girls: input.girls,
          boys: input.boys,
        };
  return writeRecord(
    db,
    actor,
    "riskEducation",
    input,
    withdrawing,
    replaced,
    (tx, correction) =>
      tx.riskEducationSession.create({
        data: { ...fields, ...correction, partnerId: actor.organisationId, clientRef: clientRefOf(input) },
        select: { id: true },
      }),
    async () => {
      const clientRef = clientRefOf(input);
      return clientRef ? sessionOfSubmission(db, actor.organisationId, clientRef) : null;
    },
  );
}
