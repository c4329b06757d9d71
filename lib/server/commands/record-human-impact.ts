import { Prisma } from "../../../generated/prisma/client";
import { GOVERNORATE_NAMES, governorateName } from "../../i18n/names";
import { refusal } from "../../i18n/refusals";
import { isWithdrawal, ZCasualtyIncident, ZRiskEducationSession, ZWithdrawal } from "../../schemas/human-impact";
import { bumpDataVersion } from "../cache";
import { CommandError, fieldIssue, parseOrRefuse } from "../command-error";
import { can, type Actor } from "../permissions";
import type { Db } from "../prisma";
import { recordAuditEvent } from "../queries/audit";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function governorate(db: Db, pcode: string) {
  const g = await db.governorate.findUnique({ where: { pcode }, select: { pcode: true, authorityId: true, ...GOVERNORATE_NAMES } });
  if (!g) throw new CommandError("invalid_request", refusal("unknownPcode", { pcode }), [fieldIssue(["governorate"], "unknownPcodeField")]);
  return g;
}

/** The record a correction or withdrawal names: the caller's to correct, and still counted. */
function replaceable<T extends { supersededBy: { id: string } | null }>(record: T | null): T {
  if (!record) throw new CommandError("not_found", refusal("noSuchRecordToCorrect"), [fieldIssue(["supersedesId"], "notYourRecordInForce")]);
  if (record.supersededBy) throw new CommandError("conflict", refusal("recordAlreadyCorrected"));
  return record;
}

/** Two corrections of one record that arrive at once: the unique supersedesId lets one through. */
async function once<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new CommandError("conflict", refusal("recordAlreadyCorrected"));
    throw err;
  }
}

const auditAction = (kind: "riskEducation" | "casualty", input: { supersedesId?: string }, withdrawn: boolean) =>
  `${kind}.${withdrawn ? "withdraw" : input.supersedesId ? "correct" : "record"}`;

/**
 * A partner records an EORE session it delivered, in any governorate (risk
 * education follows returnees across the line between the two authorities),
 * or corrects or withdraws one of its own. Audited; the figures on the
 * dashboard move at once.
 */
export async function recordRiskEducationSession(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "riskEducation:record")) throw new CommandError("forbidden", refusal("onlyPartnerRecordsSessions"));
  const withdrawing = isWithdrawal(body);
  const input = withdrawing ? parseOrRefuse(ZWithdrawal, body, "withdrawalMalformed") : parseOrRefuse(ZRiskEducationSession, body, "sessionMalformed");
  const replaced = input.supersedesId
    ? replaceable(
        await db.riskEducationSession.findFirst({
          where: { id: input.supersedesId, partnerId: actor.organisationId, withdrawn: false },
          select: { id: true, heldOn: true, governoratePcode: true, place: true, women: true, men: true, girls: true, boys: true, supersededBy: { select: { id: true } } },
        }),
      )
    : null;
  const fields =
    "withdrawn" in input
      ? { heldOn: replaced!.heldOn, governoratePcode: replaced!.governoratePcode, place: replaced!.place, women: 0, men: 0, girls: 0, boys: 0, withdrawn: true }
      : { heldOn: day(input.heldOn), governoratePcode: (await governorate(db, input.governorate)).pcode, place: input.place, women: input.women, men: input.men, girls: input.girls, boys: input.boys };
  return once(() =>
    db.$transaction(async (tx) => {
      const session = await tx.riskEducationSession.create({
        data: { ...fields, partnerId: actor.organisationId, recordedById: actor.id, supersedesId: replaced?.id ?? null, correctionNote: input.correctionNote ?? null },
        select: { id: true },
      });
      const { supersededBy: _, ...before } = replaced ?? { supersededBy: null };
      await recordAuditEvent(tx, { actorUserId: actor.id, action: auditAction("riskEducation", input, withdrawing), entityType: "RiskEducationSession", entityId: session.id, ...(replaced ? { before } : {}), after: input });
      await bumpDataVersion(tx);
      return { id: session.id, ...input };
    }),
  );
}

/**
 * An authority records an explosive ordnance accident in one of its own
 * governorates (DMA in federal Iraq, IKMAA in the Kurdistan Region), or
 * corrects or withdraws one it recorded.
 */
export async function recordCasualtyIncident(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "casualty:record")) throw new CommandError("forbidden", refusal("onlyAuthorityRecordsCasualties"));
  const withdrawing = isWithdrawal(body);
  const input = withdrawing ? parseOrRefuse(ZWithdrawal, body, "withdrawalMalformed") : parseOrRefuse(ZCasualtyIncident, body, "accidentMalformed");
  const replaced = input.supersedesId
    ? replaceable(
        await db.casualtyIncident.findFirst({
          where: { id: input.supersedesId, authorityId: actor.organisationId, withdrawn: false },
          select: { id: true, occurredOn: true, governoratePcode: true, place: true, deviceCategory: true, supersededBy: { select: { id: true } } },
        }),
      )
    : null;
  let fields: Omit<Prisma.CasualtyIncidentUncheckedCreateInput, "authorityId" | "recordedById">;
  if ("withdrawn" in input) {
    const nobody = { killedWomen: 0, killedMen: 0, killedGirls: 0, killedBoys: 0, injuredWomen: 0, injuredMen: 0, injuredGirls: 0, injuredBoys: 0 };
    fields = { occurredOn: replaced!.occurredOn, governoratePcode: replaced!.governoratePcode, place: replaced!.place, deviceCategory: replaced!.deviceCategory, ...nobody, withdrawn: true };
  } else {
    const g = await governorate(db, input.governorate);
    if (g.authorityId !== actor.organisationId) {
      throw new CommandError("forbidden", refusal("governorateNotYoursForAccidents", { governorate: (l) => governorateName(g, l), pcode: g.pcode }));
    }
    const { killed, injured } = input;
    fields = {
      occurredOn: day(input.occurredOn), governoratePcode: g.pcode, place: input.place, deviceCategory: input.deviceCategory,
      killedWomen: killed.women, killedMen: killed.men, killedGirls: killed.girls, killedBoys: killed.boys,
      injuredWomen: injured.women, injuredMen: injured.men, injuredGirls: injured.girls, injuredBoys: injured.boys,
    };
  }
  return once(() =>
    db.$transaction(async (tx) => {
      const incident = await tx.casualtyIncident.create({
        data: { ...fields, authorityId: actor.organisationId, recordedById: actor.id, supersedesId: replaced?.id ?? null, correctionNote: input.correctionNote ?? null },
        select: { id: true },
      });
      const { supersededBy: _, ...before } = replaced ?? { supersededBy: null };
      await recordAuditEvent(tx, { actorUserId: actor.id, action: auditAction("casualty", input, withdrawing), entityType: "CasualtyIncident", entityId: incident.id, ...(replaced ? { before } : {}), after: input });
      await bumpDataVersion(tx);
      return { id: incident.id, ...input };
    }),
  );
}
