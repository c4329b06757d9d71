import type { Prisma } from "@/generated/prisma/client";
import { upgradeLegacyAccident } from "@/lib/domain/casualties";
import { areaContains } from "@/lib/geo/locate";
import type { MessageValues } from "@/lib/i18n/localised";
import { governorateName } from "@/lib/i18n/names";
import { refusal } from "@/lib/i18n/refusals";
import { ZCasualtyIncident } from "@/lib/schemas/human-impact";
import { CommandError, fieldIssue } from "@/lib/server/command-error";
import { toJson } from "@/lib/server/json";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { governorateBoundaries } from "@/lib/server/queries/governorates";
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
 * corrects or withdraws one it recorded: its devices (none when not known),
 * its point if known (inside the governorate), and its casualties in groups
 * by outcome, sex, age and status. A body in the earlier shape (one device,
 * killed and injured women, men, girls and boys) is read as groups of unknown
 * status, so a device's queued submission is still recorded.
 */
export async function recordCasualtyIncident(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "casualty:record")) throw new CommandError("forbidden", refusal("onlyAuthorityRecordsCasualties"));
  const { withdrawing, input, replaced } = await parseRecordOrWithdrawal(
    upgradeLegacyAccident(body),
    ZCasualtyIncident,
    "accidentMalformed",
    (id) => accidentToReplace(db, actor.organisationId, id),
  );
  let fields: Omit<Prisma.CasualtyIncidentUncheckedCreateInput, "authorityId" | keyof Correction>;
  if ("withdrawn" in input) {
    // A withdrawal counts nobody: it keeps where and when, and has no casualty groups.
    fields = {
      occurredOn: replaced!.occurredOn,
      governoratePcode: replaced!.governoratePcode,
      place: replaced!.place,
      deviceCategories: replaced!.deviceCategories,
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
    if (input.location) {
      const [lon, lat] = input.location.coordinates;
      const boundary = (await governorateBoundaries(db)).find((b) => b.properties.pcode === g.pcode);
      if (!boundary || !areaContains(boundary.geometry, [lon, lat])) {
        const values: MessageValues = {
          lon: String(lon),
          lat: String(lat),
          governorate: (l) => governorateName(g, l),
          pcode: g.pcode,
        };
        throw new CommandError("invalid_request", refusal("accidentOutsideGovernorate", values), [
          fieldIssue(["location", "coordinates"], "accidentOutsideGovernorate", values),
        ]);
      }
    }
    fields = {
      occurredOn: day(input.occurredOn),
      governoratePcode: g.pcode,
      place: input.place,
      deviceCategories: input.devices,
      ...(input.location ? { location: toJson(input.location) } : {}),
      counts: { create: input.casualties.map((c) => ({ ...c })) },
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
