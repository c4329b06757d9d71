import { type AccreditationRecord, accreditedScopes } from "@/lib/domain/accreditation";
import { programmeDay } from "@/lib/domain/calendar";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { accreditationScope } from "@/lib/server/scopes";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A stored accreditation as the domain rule reads it (calendar days). */
export function asRecord(a: {
  issuingAuthorityId: string;
  scopes: AccreditationRecord["scopes"];
  validFrom: Date;
  validTo: Date;
  withdrawnOn: Date | null;
  reference: string;
}): AccreditationRecord {
  return {
    issuingAuthorityId: a.issuingAuthorityId,
    scopes: a.scopes,
    validFrom: day(a.validFrom),
    validTo: day(a.validTo),
    withdrawnOn: a.withdrawnOn ? day(a.withdrawnOn) : null,
    reference: a.reference,
  };
}

/** What an accreditation rule reads of a record (lib/domain/accreditation.ts). */
export const ACCREDITATION_RECORD = {
  issuingAuthorityId: true,
  scopes: true,
  validFrom: true,
  validTo: true,
  withdrawnOn: true,
  reference: true,
} as const;

/** The register: the accreditations the caller sees (an authority those it issued), newest first. */
export function listAccreditations(db: Db, actor: Actor) {
  return db.accreditation.findMany({
    where: accreditationScope(actor),
    orderBy: [{ createdAt: "desc" }],
    take: 500,
    select: {
      id: true,
      ...ACCREDITATION_RECORD,
      withdrawalReason: true,
      createdAt: true,
      operator: { select: { id: true, name: true } },
      issuingAuthority: { select: { name: true, shortName: true } },
    },
  });
}

/** The accreditation with this id among those the caller sees, or null. */
export function findAccreditation(db: Db, actor: Actor, id: string) {
  return db.accreditation.findFirst({
    where: { id, ...accreditationScope(actor) },
    select: { id: true, reference: true, withdrawnOn: true },
  });
}

/**
 * Every operator with the kinds of work `authorityId` accredits it for on the programme's day: what the task form
 * offers (the server checks again when the task is issued).
 */
export async function operatorsForTasking(db: Db, authorityId: string, at: Date = new Date()) {
  const on = programmeDay(at);
  const all = await db.organisation.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      roles: true,
      accreditationsHeld: { where: { issuingAuthorityId: authorityId }, select: ACCREDITATION_RECORD },
    },
  });
  // Roles are matched here, not in the where: see listOrganisations.
  return all
    .filter((o) => o.roles.includes("OPERATOR"))
    .map((o) => ({
      id: o.id,
      name: o.name,
      accreditedScopes: accreditedScopes(o.accreditationsHeld.map(asRecord), authorityId, on),
    }));
}
