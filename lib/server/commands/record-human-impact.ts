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

const ENTITY = { riskEducation: "RiskEducationSession", casualty: "CasualtyIncident" } as const;
type Correction = { recordedById: string; supersedesId: string | null; correctionNote: string | null };

/**
 * Writes a record, its correction or its withdrawal in one transaction, with
 * its audit event (the replaced record as "before") and the data-version bump.
 * Two corrections of one record that arrive at once: the unique supersedesId
 * lets one through, the other is told it was already corrected.
 */
async function write<I extends { supersedesId?: string; correctionNote?: string }>(
  db: Db,
  actor: Actor,
  kind: keyof typeof ENTITY,
  input: I,
  withdrawing: boolean,
  replaced: { id: string; supersededBy: unknown } | null,
  create: (tx: Prisma.TransactionClient, correction: Correction) => Promise<{ id: string }>,
) {
  try {
    return await db.$transaction(async (tx) => {
      const record = await create(tx, { recordedById: actor.id, supersedesId: replaced?.id ?? null, correctionNote: input.correctionNote ?? null });
      const { supersededBy: _, ...before } = replaced ?? { supersededBy: null };
      const action = `${kind}.${withdrawing ? "withdraw" : input.supersedesId ? "correct" : "record"}`;
      await recordAuditEvent(tx, { actorUserId: actor.id, action, entityType: ENTITY[kind], entityId: record.id, ...(replaced ? { before } : {}), after: input });
      await bumpDataVersion(tx);
      return { id: record.id, ...input };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new CommandError("conflict", refusal("recordAlreadyCorrected"));
    throw err;
  }
}

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
  return write(db, actor, "riskEducation", input, withdrawing, replaced, (tx, correction) =>
    tx.riskEducationSession.create({ data: { ...fields, ...correction, partnerId: actor.organisationId }, select: { id: true } }),
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
  let fields: Omit<Prisma.CasualtyIncidentUncheckedCreateInput, "authorityId" | keyof Correction>;
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
  return write(db, actor, "casualty", input, withdrawing, replaced, (tx, correction) =>
    tx.casualtyIncident.create({ data: { ...fields, ...correction, authorityId: actor.organisationId }, select: { id: true } }),
  );
}
