// What each caller may see, as Prisma where clauses: the only way a query
// learns it. Scoping in the where means an unauthorised caller gets no row,
// not a row to be filtered out later. A partner sees its own work, an
// authority the work in its governorates, a donor what its grants fund, an
// admin everything.
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "./permissions";

/**
 * The records that count: not replaced by a correction, and not a withdrawal.
 * The others stay in the database and the audit trail.
 */
export const IN_FORCE = { withdrawn: false, supersededBy: { is: null } } as const;

export function taskScope(actor: Actor): Prisma.TaskWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "AUTHORITY":
      return { authorityId: actor.organisationId };
    case "PARTNER":
      return { partnerId: actor.organisationId };
    case "DONOR":
      return { grants: { some: { grant: { donorId: actor.organisationId } } } };
  }
}

/** An authority sees the areas it registered, an admin all; partners and donors the areas of the tasks they see. */
export function hazardAreaScope(actor: Actor): Prisma.HazardAreaWhereInput {
  if (actor.role === "ADMIN") return {};
  return actor.role === "AUTHORITY"
    ? { authorityId: actor.organisationId }
    : { tasks: { some: { task: taskScope(actor) } } };
}

/**
 * hazardAreaScope as SQL on "HazardArea", for the queries Prisma cannot write
 * (the bounding-box index's `&&`): the roles that read the register (see
 * hazardArea:read), an admin all of it, an authority its own areas; no one else.
 */
export function hazardAreaScopeSql(actor: Actor): Prisma.Sql {
  if (actor.role === "ADMIN") return Prisma.sql`TRUE`;
  if (actor.role === "AUTHORITY") return Prisma.sql`"authorityId" = ${actor.organisationId}`;
  return Prisma.sql`FALSE`;
}

/** Reports of the caller's own work: a partner its own, an authority those in its hazardous areas, an admin all, a donor none. */
export function ownReportScope(actor: Actor): Prisma.LandReleaseReportWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "AUTHORITY":
      return { hazardArea: { authorityId: actor.organisationId } };
    case "PARTNER":
      return { partnerId: actor.organisationId };
    case "DONOR":
      return { id: { in: [] } };
  }
}

/**
 * Reports the caller may see: approved figures (and the approved reports
 * corrections replaced) are official and open to every role, so each total
 * can be traced to its reports; reports under review or rejected only to the
 * partner that made them and the authority of the governorate.
 */
export function reportScope(actor: Actor): Prisma.LandReleaseReportWhereInput {
  return actor.role === "ADMIN" ? {} : { OR: [{ status: { in: ["APPROVED", "SUPERSEDED"] } }, ownReportScope(actor)] };
}

/** Reports the caller may review: those in its governorates (an authority's), all for an admin. */
export function reviewableReportScope(actor: Actor): Prisma.LandReleaseReportWhereInput {
  return actor.role === "ADMIN" ? {} : { hazardArea: { authorityId: actor.organisationId } };
}

/** A donor sees the grants it funds; authorities and admins see all. */
export function grantScope(actor: Actor): Prisma.GrantWhereInput {
  return actor.role === "DONOR" ? { donorId: actor.organisationId } : {};
}

/** A donor sees the transactions it made; authorities and admins see all. */
export function transactionScope(actor: Actor): Prisma.FundingTransactionWhereInput {
  return actor.role === "DONOR" ? { donorId: actor.organisationId } : {};
}

/**
 * Who sees which sessions in the list: a partner its own, an authority those
 * in its governorates, administrators and donors all of them. The dashboard's
 * aggregated figures are everyone's. Only sessions in force.
 */
export function riskEducationScope(actor: Actor): Prisma.RiskEducationSessionWhereInput {
  if (actor.role === "PARTNER") return { ...IN_FORCE, partnerId: actor.organisationId };
  if (actor.role === "AUTHORITY") return { ...IN_FORCE, governorate: { authorityId: actor.organisationId } };
  return IN_FORCE;
}

/** Accidents are the authorities' official records: every signed-in role reads those in force. */
export function casualtyScope(): Prisma.CasualtyIncidentWhereInput {
  return IN_FORCE;
}

/** Sessions the partner may correct or withdraw: its own, still in force. */
export function ownSessionScope(actor: Actor): Prisma.RiskEducationSessionWhereInput {
  return { ...IN_FORCE, partnerId: actor.organisationId };
}

/** Victim assistance in force: an operator's own records, an authority's in its governorates, every one for others. */
export function victimAssistanceScope(actor: Actor): Prisma.VictimAssistanceRecordWhereInput {
  if (actor.role === "PARTNER") return { ...IN_FORCE, organisationId: actor.organisationId };
  if (actor.role === "AUTHORITY") return { ...IN_FORCE, governorate: { authorityId: actor.organisationId } };
  return IN_FORCE;
}

/**
 * Accidents a victim-assistance record may name: in force and in the record's governorate; for an authority, in
 * its own governorates only (another region's accidents are not its to link).
 */
export function linkableAccidentScope(actor: Actor, pcode: string): Prisma.CasualtyIncidentWhereInput {
  return {
    ...IN_FORCE,
    governoratePcode: pcode,
    ...(actor.role === "AUTHORITY" ? { governorate: { authorityId: actor.organisationId } } : {}),
  };
}

/** Accidents the authority may correct or withdraw: its own records, still in force. */
export function ownAccidentScope(actor: Actor): Prisma.CasualtyIncidentWhereInput {
  return { ...IN_FORCE, authorityId: actor.organisationId };
}

/** The register imports a caller works with: an authority its own (not an admin's national one), an admin every one. */
export function registerImportScope(actor: Actor): Prisma.RegisterImportWhereInput {
  return actor.role === "ADMIN" ? {} : { authorityId: actor.organisationId, national: false };
}

/** Accreditations: an authority those it issued, an operator its own, an admin all, a donor none. */
export function accreditationScope(actor: Actor): Prisma.AccreditationWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "AUTHORITY":
      return { issuingAuthorityId: actor.organisationId };
    case "PARTNER":
      return { operatorId: actor.organisationId };
    case "DONOR":
      return { id: { in: [] } };
  }
}

/** Whether the caller acts for the authority holding a place: an authority in its own region, an admin in any. */
export const actsInRegionOf = (actor: Actor, authorityId: string | null | undefined) =>
  !!authorityId && (actor.role === "ADMIN" || authorityId === actor.organisationId);

/**
 * The records whose attachments the caller reads, by kind: those it sees
 * (reportScope, its tasks' completion and handover, the sessions and accidents
 * its lists show), corrected and withdrawn ones included, since their files
 * stay with them. A donor reads no task's completion (it has no task:read).
 */
export type SubjectScopes = {
  landReleaseReport: Prisma.LandReleaseReportWhereInput;
  completion: Prisma.CompletionReportWhereInput;
  eoreSession: Prisma.RiskEducationSessionWhereInput;
  accident: Prisma.CasualtyIncidentWhereInput;
};

export function attachmentReadScopes(actor: Actor): SubjectScopes {
  const tasks = actor.role === "DONOR" ? { id: { in: [] } } : taskScope(actor);
  return {
    landReleaseReport: reportScope(actor),
    completion: { task: tasks },
    eoreSession:
      actor.role === "PARTNER"
        ? { partnerId: actor.organisationId }
        : actor.role === "AUTHORITY"
          ? { governorate: { authorityId: actor.organisationId } }
          : {},
    accident: {},
  };
}

/**
 * The records the caller may attach files to: its own work in its scope. A
 * partner its reports, completions, handovers and sessions; an authority the
 * reports, tasks, sessions in its governorates and its accidents; an admin any;
 * a donor none (attachment:add).
 */
export function attachableSubjectScopes(actor: Actor): SubjectScopes {
  const none = { id: { in: [] as string[] } };
  return {
    landReleaseReport: actor.role === "DONOR" ? none : ownReportScope(actor),
    completion: actor.role === "DONOR" ? none : { task: taskScope(actor) },
    eoreSession: actor.role === "DONOR" ? none : attachmentReadScopes(actor).eoreSession,
    accident: actor.role === "ADMIN" ? {} : actor.role === "AUTHORITY" ? { authorityId: actor.organisationId } : none,
  };
}
