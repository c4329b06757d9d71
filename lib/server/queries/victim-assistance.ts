// Victim assistance records: the caller's list, the figures by service, and what a correction or a link may name.
import type { Prisma } from "@/generated/prisma/client";
import { figuresByService, type VaService } from "@/lib/domain/victim-assistance";
import { GOVERNORATE_NAMES } from "@/lib/i18n/names";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { linkableAccidentScope, victimAssistanceScope } from "@/lib/server/scopes";
import { counted, pageOf } from "./paging";

const SURVIVORS = { women: true, men: true, girls: true, boys: true, unknown: true } as const;

/** A record as it is kept: the period, place, service, survivors and accident (what a correction starts from). */
export const ASSISTANCE_RECORD = {
  id: true,
  periodStart: true,
  periodEnd: true,
  governoratePcode: true,
  service: true,
  incidentId: true,
  ...SURVIVORS,
} as const satisfies Prisma.VictimAssistanceRecordSelect;

export function victimAssistancePage(db: Db, actor: Actor, page: number) {
  const where = victimAssistanceScope(actor);
  return counted(
    db.victimAssistanceRecord.count({ where }),
    db.victimAssistanceRecord.findMany({
      ...pageOf(page),
      where,
      orderBy: [{ periodEnd: "desc" }, { createdAt: "desc" }],
      select: {
        ...ASSISTANCE_RECORD,
        organisationId: true,
        correctionNote: true,
        governorate: { select: { pcode: true, ...GOVERNORATE_NAMES } },
        incident: { select: { occurredOn: true, place: true } },
      },
    }),
  );
}

/** Survivors assisted by service, in the caller's scope: every service a row, each adding up to its total. */
export async function victimAssistanceFigures(db: Db, actor: Actor) {
  const rows = await db.victimAssistanceRecord.groupBy({
    by: ["service"],
    where: victimAssistanceScope(actor),
    _count: { _all: true },
    _sum: SURVIVORS,
  });
  return figuresByService(
    rows.map((r) => ({
      service: r.service as VaService,
      records: r._count._all,
      women: r._sum.women ?? 0,
      men: r._sum.men ?? 0,
      girls: r._sum.girls ?? 0,
      boys: r._sum.boys ?? 0,
      unknown: r._sum.unknown ?? 0,
    })),
  );
}

/** A record of the caller's organisation that a correction or withdrawal names (not withdrawn). */
export function assistanceToReplace(db: Db, organisationId: string, id: string) {
  return db.victimAssistanceRecord.findFirst({
    where: { id, organisationId, withdrawn: false },
    select: { ...ASSISTANCE_RECORD, supersededBy: { select: { id: true } } },
  });
}

/** The record an earlier sending of a submission made (the organisation's clientRef), if any. */
export function assistanceOfSubmission(db: Db, organisationId: string, clientRef: string) {
  return db.victimAssistanceRecord.findUnique({
    where: { organisationId_clientRef: { organisationId, clientRef } },
    select: { id: true },
  });
}

/** The accident a record may name: in force, in its governorate, and in the caller's reach. */
export function accidentToLink(db: Db, actor: Actor, pcode: string, id: string) {
  return db.casualtyIncident.findFirst({ where: { ...linkableAccidentScope(actor, pcode), id }, select: { id: true } });
}

/** Accidents in force in the governorates given, newest first, for a form's choice of the accident. */
export function accidentChoices(db: Db, actor: Actor, pcodes: readonly string[]) {
  return db.casualtyIncident.findMany({
    where: {
      ...(actor.role === "AUTHORITY" ? { governorate: { authorityId: actor.organisationId } } : {}),
      governoratePcode: { in: [...pcodes] },
      withdrawn: false,
      supersededBy: { is: null },
    },
    orderBy: { occurredOn: "desc" },
    take: 200,
    select: { id: true, occurredOn: true, place: true, governoratePcode: true },
  });
}
