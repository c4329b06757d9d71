// Risk education sessions and casualties: lists scoped to the caller and the
// dashboard's figures for a view, summed in the database by governorate.
import { Prisma } from "@/generated/prisma/client";
import { programmeDay } from "@/lib/domain/calendar";
import { type CasualtyGroup, tallyCasualties } from "@/lib/domain/casualties";
import { buildHumanImpact, type CasualtyRow, type HumanImpact, type RiskEducationRow } from "@/lib/domain/human-impact";
import { GOVERNORATE_NAMES, type GovernorateNames } from "@/lib/i18n/names";
import type { ProgressFilter } from "@/lib/schemas/progress-filter";
import { regionSql } from "@/lib/server/filters";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { casualtyScope, ownAccidentScope, ownSessionScope, riskEducationScope } from "@/lib/server/scopes";
import { counted, pageOf } from "./paging";

const IN_FORCE_SQL = (table: "RiskEducationSession" | "CasualtyIncident") =>
  Prisma.sql`NOT x.withdrawn AND NOT EXISTS (SELECT 1 FROM ${Prisma.raw(`"${table}"`)} c WHERE c."supersedesId" = x.id)`;

/** People reached by a risk education session, by sex and age. */
const REACHED = { women: true, men: true, girls: true, boys: true } as const;

/** People killed, injured or of unknown outcome in an accident, a group per outcome, sex, age and status. */
const CASUALTIES = {
  counts: {
    select: { outcome: true, sex: true, age: true, status: true, count: true },
    orderBy: [{ outcome: "asc" }, { sex: "asc" }, { age: "asc" }, { status: "asc" }],
  },
} as const satisfies Prisma.CasualtyIncidentSelect;

/** A session as it is recorded: when, where and whom it reached (what a correction starts from). */
export const SESSION_RECORD = {
  id: true,
  heldOn: true,
  governoratePcode: true,
  place: true,
  ...REACHED,
} as const satisfies Prisma.RiskEducationSessionSelect;

/** An accident as it is recorded: when, where, the device and the people it killed and injured. */
export const ACCIDENT_RECORD = {
  id: true,
  occurredOn: true,
  governoratePcode: true,
  place: true,
  deviceCategories: true,
  location: true,
  ...CASUALTIES,
} as const satisfies Prisma.CasualtyIncidentSelect;

/** The record's governorate as a list shows it. */
const GOVERNORATE = { select: { pcode: true, ...GOVERNORATE_NAMES } } as const;

export function riskEducationPage(db: Db, actor: Actor, page: number) {
  const where = riskEducationScope(actor);
  return counted(
    db.riskEducationSession.count({ where }),
    db.riskEducationSession.findMany({
      ...pageOf(page),
      where,
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        heldOn: true,
        place: true,
        ...REACHED,
        correctionNote: true,
        partnerId: true,
        partner: { select: { name: true } },
        governorate: GOVERNORATE,
      },
    }),
  );
}

/** Accidents are the authorities' official records: every signed-in role reads those in force. */
export function casualtyPage(db: Db, page: number) {
  return counted(
    db.casualtyIncident.count({ where: casualtyScope() }),
    db.casualtyIncident.findMany({
      ...pageOf(page),
      where: casualtyScope(),
      orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        occurredOn: true,
        place: true,
        deviceCategories: true,
        location: true,
        ...CASUALTIES,
        correctionNote: true,
        authorityId: true,
        authority: { select: { name: true } },
        governorate: GOVERNORATE,
      },
    }),
  );
}

/** The view's place and period as SQL on a table aliased `x` with the date column given, and governorates `g`. */
function scopeSql(f: ProgressFilter, dateColumn: string, partnerColumn?: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`x.${Prisma.raw(`"${dateColumn}"`)} <= ${f.to ?? programmeDay()}::date`];
  if (f.from) parts.push(Prisma.sql`x.${Prisma.raw(`"${dateColumn}"`)} >= ${f.from}::date`);
  if (f.region) parts.push(regionSql(f.region));
  if (f.governorate) parts.push(Prisma.sql`x."governoratePcode" = ${f.governorate}`);
  if (f.partner && partnerColumn) parts.push(Prisma.sql`x.${Prisma.raw(`"${partnerColumn}"`)} = ${f.partner}`);
  return Prisma.join(parts, " AND ");
}

/**
 * Risk education and casualties in a view: its region or governorate and its
 * period (all recorded time up to its end when it has no start). Sessions
 * follow the partner filter; accidents belong to no partner, and neither
 * belongs to a hazardous area, so the contamination and land-use filters
 * leave both unchanged.
 */
export async function getHumanImpact(db: Db, filter: ProgressFilter = {}): Promise<HumanImpact> {
  const [sessions, incidents, groups] = await Promise.all([
    db.$queryRaw<RiskEducationRow[]>`
      SELECT x."governoratePcode" AS pcode, g."nameEn", g."nameAr", g."nameCkb", count(*)::int AS sessions,
             sum(x.women)::int AS women, sum(x.men)::int AS men, sum(x.girls)::int AS girls, sum(x.boys)::int AS boys
      FROM "RiskEducationSession" x JOIN "Governorate" g ON g.pcode = x."governoratePcode"
      WHERE ${scopeSql(filter, "heldOn", "partnerId")} AND ${IN_FORCE_SQL("RiskEducationSession")}
      GROUP BY 1, 2, 3, 4`,
    db.$queryRaw<(GovernorateNames & { pcode: string; incidents: number })[]>`
      SELECT x."governoratePcode" AS pcode, g."nameEn", g."nameAr", g."nameCkb", count(*)::int AS incidents
      FROM "CasualtyIncident" x JOIN "Governorate" g ON g.pcode = x."governoratePcode"
      WHERE ${scopeSql(filter, "occurredOn")} AND ${IN_FORCE_SQL("CasualtyIncident")}
      GROUP BY 1, 2, 3, 4`,
    db.$queryRaw<(CasualtyGroup & { pcode: string })[]>`
      SELECT x."governoratePcode" AS pcode, n.outcome::text AS outcome, n.sex::text AS sex, n.age::text AS age,
             n.status::text AS status, sum(n.count)::int AS count
      FROM "CasualtyIncident" x JOIN "Governorate" g ON g.pcode = x."governoratePcode"
        JOIN "CasualtyCount" n ON n."incidentId" = x.id
      WHERE ${scopeSql(filter, "occurredOn")} AND ${IN_FORCE_SQL("CasualtyIncident")}
      GROUP BY 1, 2, 3, 4, 5`,
  ]);
  return buildHumanImpact(
    sessions,
    incidents.map(
      (c): CasualtyRow => ({
        ...c,
        people: tallyCasualties(groups.filter((g) => g.pcode === c.pcode)),
      }),
    ),
  );
}

/** A session the partner may correct: its own, still in force. */
export function sessionToCorrect(db: Db, actor: Actor, id: string) {
  return db.riskEducationSession.findFirst({
    where: { ...ownSessionScope(actor), id },
    select: SESSION_RECORD,
  });
}

/** An accident the authority may correct: its own record, still in force. */
export function accidentToCorrect(db: Db, actor: Actor, id: string) {
  return db.casualtyIncident.findFirst({
    where: { ...ownAccidentScope(actor), id },
    select: ACCIDENT_RECORD,
  });
}

/** A session of the partner's that a correction or withdrawal names (not withdrawn), with whether it was already corrected. */
export function sessionToReplace(db: Db, partnerId: string, id: string) {
  return db.riskEducationSession.findFirst({
    where: { id, partnerId, withdrawn: false },
    select: { ...SESSION_RECORD, supersededBy: { select: { id: true } } },
  });
}

/** An accident the authority recorded that a correction or withdrawal names (not withdrawn), with whether it was already corrected. */
export function accidentToReplace(db: Db, authorityId: string, id: string) {
  return db.casualtyIncident.findFirst({
    where: { id, authorityId, withdrawn: false },
    select: {
      id: true,
      occurredOn: true,
      governoratePcode: true,
      place: true,
      deviceCategories: true,
      supersededBy: { select: { id: true } },
    },
  });
}

/** The session an earlier sending of a submission recorded (the partner's clientRef), if any. */
export function sessionOfSubmission(db: Db, partnerId: string, clientRef: string) {
  return db.riskEducationSession.findUnique({
    where: { partnerId_clientRef: { partnerId, clientRef } },
    select: { id: true },
  });
}

/** The accident an earlier sending of a submission recorded (the authority's clientRef), if any. */
export function accidentOfSubmission(db: Db, authorityId: string, clientRef: string) {
  return db.casualtyIncident.findUnique({
    where: { authorityId_clientRef: { authorityId, clientRef } },
    select: { id: true },
  });
}
