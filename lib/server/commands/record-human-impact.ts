import { ZCasualtyIncident, ZRiskEducationSession } from "../../schemas/human-impact";
import { bumpDataVersion } from "../cache";
import { CommandError } from "../command-error";
import { can, type Actor } from "../permissions";
import type { Db } from "../prisma";
import { recordAuditEvent } from "../queries/audit";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function governorate(db: Db, pcode: string) {
  const g = await db.governorate.findUnique({ where: { pcode }, select: { pcode: true, nameEn: true, authorityId: true } });
  if (!g) throw new CommandError("invalid_request", `No governorate has the P-code ${pcode}.`, [{ path: ["governorate"], message: "Unknown P-code" }]);
  return g;
}

/**
 * A partner records an EORE session it delivered, in any governorate (risk
 * education follows returnees across the line between the two authorities).
 * Recorded once, audited; the figures on the dashboard move at once.
 */
export async function recordRiskEducationSession(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "riskEducation:record")) throw new CommandError("forbidden", "Only an implementing partner records the risk education sessions it delivered.");
  const parsed = ZRiskEducationSession.safeParse(body);
  if (!parsed.success) throw new CommandError("invalid_request", "The risk education session is incomplete or malformed.", parsed.error.issues);
  const input = parsed.data;
  await governorate(db, input.governorate);
  return db.$transaction(async (tx) => {
    const session = await tx.riskEducationSession.create({
      data: { partnerId: actor.organisationId, governoratePcode: input.governorate, heldOn: day(input.heldOn), place: input.place, women: input.women, men: input.men, girls: input.girls, boys: input.boys, recordedById: actor.id },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actorUserId: actor.id, action: "riskEducation.record", entityType: "RiskEducationSession", entityId: session.id, after: input });
    await bumpDataVersion(tx);
    return { id: session.id, ...input };
  });
}

/**
 * An authority records an explosive ordnance accident in one of its own
 * governorates: DMA in federal Iraq, IKMAA in the Kurdistan Region.
 */
export async function recordCasualtyIncident(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "casualty:record")) throw new CommandError("forbidden", "Only a national authority records casualties.");
  const parsed = ZCasualtyIncident.safeParse(body);
  if (!parsed.success) throw new CommandError("invalid_request", "The accident record is incomplete or malformed.", parsed.error.issues);
  const input = parsed.data;
  const g = await governorate(db, input.governorate);
  if (g.authorityId !== actor.organisationId) {
    throw new CommandError("forbidden", `${g.nameEn} (${g.pcode}) is not in your authority's governorates: the authority responsible for it records its accidents.`);
  }
  const { killed, injured } = input;
  return db.$transaction(async (tx) => {
    const incident = await tx.casualtyIncident.create({
      data: {
        authorityId: actor.organisationId,
        governoratePcode: input.governorate,
        occurredOn: day(input.occurredOn),
        place: input.place,
        deviceCategory: input.deviceCategory,
        killedWomen: killed.women,
        killedMen: killed.men,
        killedGirls: killed.girls,
        killedBoys: killed.boys,
        injuredWomen: injured.women,
        injuredMen: injured.men,
        injuredGirls: injured.girls,
        injuredBoys: injured.boys,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actorUserId: actor.id, action: "casualty.record", entityType: "CasualtyIncident", entityId: incident.id, after: input });
    await bumpDataVersion(tx);
    return { id: incident.id, ...input };
  });
}
