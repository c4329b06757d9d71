import type { Prisma } from "@/generated/prisma/client";
import { casualtyFields } from "@/lib/domain/human-impact";
import { governorateName } from "@/lib/i18n/names";
import { refusal } from "@/lib/i18n/refusals";
import { ZCasualtyIncident } from "@/lib/schemas/human-impact";
import { CommandError } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { accidentOfSubmission, accidentToReplace } from "@/lib/server/queries/human-impact";
import {
  type Correction,
  clientRefOf,
  day,
  governorate,
  parseRecordOrWithdrawal,
  writeRecord,
} from "./human-impact-record";

/**
 * An authority records an explosive ordnance accident in one of its own
 * governorates (DMA in federal Iraq, IKMAA in the Kurdistan Region), or
 * corrects or withdraws one it recorded.
 */
export async function recordCasualtyIncident(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "casualty:record")) throw new CommandError("forbidden", refusal("onlyAuthorityRecordsCasualties"));
  const { withdrawing, input, replaced } = await parseRecordOrWithdrawal(
    body,
    ZCasualtyIncident,
    "accidentMalformed",
    (id) => accidentToReplace(db, actor.organisationId, id),
  );
  let fields: Omit<Prisma.CasualtyIncidentUncheckedCreateInput, "authorityId" | keyof Correction>;
  if ("withdrawn" in input) {
    const nobody = {
      killedWomen: 0,
      killedMen: 0,
      killedGirls: 0,
      killedBoys: 0,
      injuredWomen: 0,
      injuredMen: 0,
      injuredGirls: 0,
      injuredBoys: 0,
    };
    fields = {
      occurredOn: replaced!.occurredOn,
      governoratePcode: replaced!.governoratePcode,
      place: replaced!.place,
      deviceCategory: replaced!.deviceCategory,
      ...nobody,
      withdrawn: true,
    };
  } else {
    const g = await governorate(db, input.governorate);
    if (g.authorityId !== actor.organisationId) {
      throw new CommandError(
        "forbidden",
        refusal("governorateNotYoursForAccidents", { governorate: (l) => governorateName(g, l), pcode: g.pcode }),
      );
    }
    fields = {
      occurredOn: day(input.occurredOn),
      governoratePcode: g.pcode,
      place: input.place,
      deviceCategory: input.deviceCategory,
      ...casualtyFields(input.killed, input.injured),
    };
  }
  return writeRecord(
    db,
    actor,
    "casualty",
    input,
    withdrawing,
    replaced,
    (tx, correction) =>
      tx.casualtyIncident.create({
        data: { ...fields, ...correction, authorityId: actor.organisationId, clientRef: clientRefOf(input) },
        select: { id: true },
      }),
    async () => {
      const clientRef = clientRefOf(input);
      return clientRef ? accidentOfSubmission(db, actor.organisationId, clientRef) : null;
    },
  );
}
