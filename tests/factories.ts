// Typed factories: a test states the records it relies on, made through the
// same use cases a user goes through (so every derived field — governorate,
// area, released geometry, audit — is what the app itself would store),
// instead of leaning on the demo seed's codes and figures.
import type { Polygon } from "geojson";
import type { HazardArea, Organisation } from "@/generated/prisma/client";
import { ACCREDITATION_SCOPES } from "@/lib/domain/accreditation";
import { createTask } from "@/lib/server/commands/create-task";
import { registerHazardArea } from "@/lib/server/commands/register-hazard-area";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { rectangle, strip } from "@/tests/helpers/shapes";

let sequence = 0;
/** A code no other record of this run has: capital letters, digits and hyphens, as codes must be. */
export function uniqueCode(prefix: string): string {
  sequence += 1;
  return `${prefix}-${process.pid.toString(36).toUpperCase()}${Date.now().toString(36).toUpperCase()}-${sequence}`;
}

/** An account at an existing organisation, acting as the server sees a signed-in caller. */
export async function account(db: Db, organisationId: string, role: Actor["role"]): Promise<Actor> {
  const email = `${uniqueCode(role).toLowerCase()}@factory.test`;
  const user = await db.user.create({
    data: { email, name: `Test ${role.toLowerCase()}`, role, organisationId, passwordHash: "not-a-password" },
  });
  return { id: user.id, role: user.role, organisationId: user.organisationId };
}

/** An account at the national authority of a region (DMA for federal Iraq, IKMAA for the Kurdistan Region). */
export async function authority(db: Db, region: "FEDERAL" | "KURDISTAN" = "FEDERAL"): Promise<Actor> {
  // An authority is the organisation responsible for a region.
  const organisation = await db.organisation.findFirstOrThrow({ where: { region } });
  return account(db, organisation.id, "AUTHORITY");
}

async function organisation(db: Db, role: "OPERATOR" | "DONOR"): Promise<{ organisation: Organisation; actor: Actor }> {
  const name = uniqueCode(role === "OPERATOR" ? "Partner" : "Donor");
  const organisation = await db.organisation.create({
    data: { name, shortName: name, roles: [role], operatorKind: role === "OPERATOR" ? "NGO" : null, country: "IQ" },
  });
  return { organisation, actor: await account(db, organisation.id, role === "OPERATOR" ? "PARTNER" : "DONOR") };
}

/**
 * An operator (an NGO) with one account, accredited by both authorities for every kind of work from 2020 to 2099,
 * so a test about something else can task it anywhere; `{ accredited: false }` gives one with no accreditation.
 */
export async function partner(db: Db, options: { accredited?: boolean } = {}) {
  const made = await organisation(db, "OPERATOR");
  if (options.accredited !== false) {
    // Written directly, not through recordAccreditation, which would open an authority account per operator.
    const authorities = await db.organisation.findMany({
      where: { region: { not: null } },
      select: { id: true },
    });
    await db.accreditation.createMany({
      data: authorities.map((a) => ({
        operatorId: made.organisation.id,
        issuingAuthorityId: a.id,
        scopes: [...ACCREDITATION_SCOPES],
        validFrom: new Date("2020-01-01T00:00:00Z"),
        validTo: new Date("2099-12-31T00:00:00Z"),
        reference: uniqueCode("ACC"),
      })),
    });
  }
  return made;
}

/** A donor with one account. */
export const donor = (db: Db) => organisation(db, "DONOR");

type HazardAreaFields = {
  geometry: Polygon;
  code?: string;
  name?: string;
  landUse?: string;
  contamination?: string[];
  priorityRank?: number;
};

/** A hazardous area registered by `by`, the authority of the governorate its polygon lies in. */
export async function hazardArea(db: Db, by: Actor, fields: HazardAreaFields): Promise<HazardArea> {
  const code = fields.code ?? uniqueCode("CHA");
  await registerHazardArea(db, by, {
    code,
    name: fields.name ?? `Test hazardous area ${code}`,
    kind: "CHA",
    contamination: fields.contamination ?? ["IMPROVISED_AP_MINES"],
    landUse: fields.landUse ?? "AGRICULTURE",
    priorityRank: fields.priorityRank ?? 3,
    geometry: fields.geometry,
  });
  return db.hazardArea.findUniqueOrThrow({ where: { code } });
}

/** A task order from `by` over the hazardous areas, assigned to the partner organisation when one is given. */
export async function task(
  db: Db,
  by: Actor,
  fields: {
    hazardAreas: HazardArea[];
    partnerId?: string;
    title?: string;
    priority?: number;
    workScopes?: ("nts" | "ts" | "clearance" | "eod")[];
  },
) {
  const created = await createTask(db, by, {
    title: fields.title ?? "Test task order",
    hazardAreaIds: fields.hazardAreas.map((h) => h.id),
    partnerId: fields.partnerId,
    workScopes: fields.workScopes,
    priority: fields.priority ?? 1,
  });
  return db.task.findUniqueOrThrow({ where: { id: created.id }, include: { hazardAreas: true } });
}

type ReleaseFields = {
  geometry: Polygon;
  method?: "cancelled" | "reduced" | "cleared";
  periodStart?: string;
  periodEnd?: string;
};

/** A land-release report the partner submitted on its task and the authority approved. */
export async function approvedRelease(
  db: Db,
  who: { partner: Actor; reviewer: Actor },
  taskId: string,
  fields: ReleaseFields,
) {
  const submitted = await submitLandReleaseReport(db, who.partner, taskId, {
    method: fields.method ?? "cleared",
    // Cleared land states its depth (IMAS 09.10); cancelled land has none.
    ...((fields.method ?? "cleared") === "cleared" ? { clearanceDepthCm: 30 } : {}),
    periodStart: fields.periodStart ?? "2026-09-01",
    periodEnd: fields.periodEnd ?? "2026-09-30",
    geometry: fields.geometry,
  });
  await reviewLandReleaseReport(db, who.reviewer, submitted.id, { decision: "approve" });
  return db.landReleaseReport.findUniqueOrThrow({ where: { id: submitted.id } });
}

/**
 * The usual scene of a land-release test: a 600 m × 400 m hazardous area in
 * Ninewa (federal Iraq, DMA's), a partner's task on it, and approved
 * clearance of its western 60 %.
 */
export async function partlyReleasedTask(db: Db, centre: [number, number] = [43.05, 36.3]) {
  const dma = await authority(db, "FEDERAL");
  const { organisation, actor: partnerActor } = await partner(db);
  const boundary = rectangle(centre, 600, 400);
  const area = await hazardArea(db, dma, { geometry: boundary });
  const order = await task(db, dma, { hazardAreas: [area], partnerId: organisation.id });
  await approvedRelease(db, { partner: partnerActor, reviewer: dma }, order.id, { geometry: strip(boundary, 0, 0.6) });
  return { dma, partner: partnerActor, partnerOrganisation: organisation, boundary, hazardArea: area, task: order };
}
