// Progress from the records, aggregated in the database: the baseline
// records, the registered hazardous areas in the view's scope and the
// counted area of approved land-release reports. Answers the dashboard,
// GET /api/progress and the public page alike.

import { Prisma } from "@/generated/prisma/client";
import { programmeDay } from "@/lib/domain/calendar";
import type { Breakdown, Dashboard, DevicesDestroyed } from "@/lib/domain/dashboard";
import {
  buildProgressView,
  currentBaseline,
  type ProgressView,
  type ReleaseAggregate,
  type ReleaseMethodKey,
} from "@/lib/domain/progress";
import { addMonths, burnDown, projectCompletion, releasedByYear } from "@/lib/domain/projection";
import { projectByMethod } from "@/lib/domain/projection-by-method";
import {
  RELEASED_IN_FULL_BELOW_M2,
  type RemainingByTypes,
  type TreatyReport,
  treatyReport,
} from "@/lib/domain/treaty-report";
import { GOVERNORATE_NAMES } from "@/lib/i18n/names";
import { type DrillDown, type ProgressFilter, progressFilterQuery } from "@/lib/schemas/progress-filter";
import { cachedForDataVersion } from "@/lib/server/cache";
import { day, hazardAreaFilter, inRegisterSql, partnerFilter, regionSql } from "@/lib/server/filters";
import type { Db } from "@/lib/server/prisma";
import { listOrganisations } from "@/lib/server/queries/organisations";
import { getHumanImpact } from "./human-impact";

const ISO_DAY = 10;

/** The areas the register holds (see IN_REGISTER): split, merged and withdrawn areas are history; their reports still count. */
const inRegister = inRegisterSql(Prisma.sql`h.status`);

/** The view's scope as SQL on reports `r`, hazardous areas `h` and governorates `g`. */
function scopeSql(f: ProgressFilter, opts: { partnerOnReports: boolean }): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.region) parts.push(regionSql(f.region));
  if (f.governorate) parts.push(Prisma.sql`h."governoratePcode" = ${f.governorate}`);
  if (f.contamination) parts.push(Prisma.sql`${f.contamination.toUpperCase()} = ANY (h.contamination::text[])`);
  if (f.landUse) parts.push(Prisma.sql`h."landUse"::text = ${f.landUse.toUpperCase()}`);
  if (f.partner) {
    parts.push(
      opts.partnerOnReports
        ? Prisma.sql`r."partnerId" = ${f.partner}`
        : // Its areas: those of its tasks, and those it released land in on a task since handed to another partner.
          Prisma.sql`(EXISTS (SELECT 1 FROM "TaskHazardArea" th JOIN "Task" t ON t.id = th."taskId" WHERE th."hazardAreaId" = h.id AND t."partnerId" = ${f.partner})
            OR EXISTS (SELECT 1 FROM "LandReleaseReport" pr WHERE pr."hazardAreaId" = h.id AND pr."partnerId" = ${f.partner} AND pr.status = 'APPROVED')
            OR EXISTS (SELECT 1 FROM "InheritedRelease" pi JOIN "LandReleaseReport" pr ON pr.id = pi."reportId"
                       WHERE pi."hazardAreaId" = h.id AND pr."partnerId" = ${f.partner} AND pr.status = 'APPROVED'))`,
    );
  }
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

export const isScoped = (f: ProgressFilter) =>
  Boolean(f.region || f.governorate || f.partner || f.contamination || f.landUse);

type BaselineRows = Awaited<ReturnType<typeof nationalBaselines>>;

/** The national baseline records (dated, sourced): where released land starts counting. */
export const nationalBaselines = (db: Db) =>
  db.contaminationBaseline.findMany({
    where: { governoratePcode: null },
    select: { kind: true, areaM2: true, asOf: true, source: true },
  });

const baselineDayOf = (records: BaselineRows) =>
  currentBaseline(records)?.asOf.toISOString().slice(0, ISO_DAY) ?? "0001-01-01";

/** The first day a release counts in a view: the baseline's date, or the period's start when later. */
const firstCountedDay = (records: BaselineRows, from?: string) => {
  const baselineDay = baselineDayOf(records);
  return from && from > baselineDay ? from : baselineDay;
};

/** Today in Iraq as YYYY-MM-DD: the period ends today unless the filter says otherwise. */
const today = () => programmeDay();

/**
 * Progress for a filtered view. Released land counts from the baseline's
 * date; the period (from/to) narrows what "released" shows, while remaining
 * is measured at the period's end.
 */
export async function getProgress(
  db: Db,
  filter: ProgressFilter = {},
  baselines?: BaselineRows,
): Promise<ProgressView> {
  const [records, governorates] = await Promise.all([
    baselines ?? nationalBaselines(db),
    db.governorate.findMany({ select: { pcode: true, ...GOVERNORATE_NAMES, region: true } }),
  ]);
  const baselineDay = baselineDayOf(records);
  const to = filter.to ?? today();
  const from = filter.from ?? "0001-01-01";
  const [releases, registered, releasedByOthers] = await Promise.all([
    db.$queryRaw<(Omit<ReleaseAggregate, "method"> & { method: string })[]>`
      SELECT to_char(r."periodEnd", 'YYYY-MM') AS month, lower(r.method::text) AS method, h."governoratePcode" AS pcode,
             (r."periodEnd" >= ${baselineDay}::date) AS "sinceBaseline", (r."periodEnd" >= ${from}::date) AS "inPeriod",
             sum(r."countedAreaM2")::float8 AS m2
      FROM "LandReleaseReport" r
      JOIN "HazardArea" h ON h.id = r."hazardAreaId"
      JOIN "Governorate" g ON g.pcode = h."governoratePcode"
      WHERE r.status = 'APPROVED' AND r."periodEnd" <= ${to}::date ${scopeSql(filter, { partnerOnReports: true })}
      GROUP BY 1, 2, 3, 4, 5`,
    db.$queryRaw<{ pcode: string; areaM2: number; newlyFoundM2: number }[]>`
      SELECT h."governoratePcode" AS pcode, sum(h."areaM2")::float8 AS "areaM2",
             coalesce(sum(h."areaM2") FILTER (WHERE h."newlyFound"), 0)::float8 AS "newlyFoundM2"
      FROM "HazardArea" h JOIN "Governorate" g ON g.pcode = h."governoratePcode"
      WHERE ${inRegister} ${scopeSql(filter, { partnerOnReports: false })}
      GROUP BY 1`,
    // A partner's areas are often shared: what others released there is neither its release nor its remaining work.
    filter.partner
      ? db.$queryRaw<{ pcode: string; m2: number }[]>`
          SELECT h."governoratePcode" AS pcode, sum(r."countedAreaM2")::float8 AS m2
          FROM "LandReleaseReport" r
          JOIN "HazardArea" h ON h.id = r."hazardAreaId"
          JOIN "Governorate" g ON g.pcode = h."governoratePcode"
          WHERE r.status = 'APPROVED' AND r."periodEnd" <= ${to}::date AND r."partnerId" <> ${filter.partner} ${scopeSql(filter, { partnerOnReports: false })}
          GROUP BY 1`
      : [],
  ]);
  return buildProgressView({
    records,
    scoped: isScoped(filter),
    registered,
    releases: releases.map((r) => ({ ...r, method: r.method as ReleaseMethodKey })),
    releasedByOthers,
    governorates,
    fromMonth: filter.from?.slice(0, 7),
    toMonth: to.slice(0, 7),
  });
}

/** Devices found and destroyed in the view's approved reports of the period, by category. */
export async function getDevicesDestroyed(db: Db, filter: ProgressFilter = {}, baselines?: BaselineRows) {
  const since = firstCountedDay(baselines ?? (await nationalBaselines(db)), filter.from);
  return db.$queryRaw<DevicesDestroyed>`
    SELECT d.category::text AS category, sum(d.count)::int AS count
    FROM "DeviceFound" d
    JOIN "LandReleaseReport" r ON r.id = d."reportId"
    JOIN "HazardArea" h ON h.id = r."hazardAreaId"
    JOIN "Governorate" g ON g.pcode = h."governoratePcode"
    WHERE r.status = 'APPROVED' AND r."periodEnd" >= ${since}::date AND r."periodEnd" <= ${filter.to ?? today()}::date ${scopeSql(filter, { partnerOnReports: true })}
    GROUP BY 1 ORDER BY 2 DESC`;
}

/**
 * Remaining contamination at the period's end by governorate and treaty
 * type: each registered area in the view less the land approved as released
 * in it by then, whoever released it, so its all-types column is the
 * governorate table's remaining.
 */
export async function getTreatyReport(db: Db, filter: ProgressFilter = {}): Promise<TreatyReport> {
  const [groups, governorates] = await Promise.all([
    db.$queryRaw<RemainingByTypes[]>`
      SELECT h."governoratePcode" AS pcode, h.contamination::text[] AS types, count(*)::int AS areas,
             sum(x.left_m2)::float8 AS "remainingM2"
      FROM "HazardArea" h
      JOIN "Governorate" g ON g.pcode = h."governoratePcode"
      CROSS JOIN LATERAL (
        SELECT h."areaM2" - coalesce(sum(s.m2), 0) AS left_m2 FROM (
          SELECT r."countedAreaM2" AS m2 FROM "LandReleaseReport" r
          WHERE r."hazardAreaId" = h.id AND r.status = 'APPROVED' AND r."periodEnd" <= ${filter.to ?? today()}::date
          UNION ALL
          -- What the areas it was split from or merged out of released, its share of each report.
          SELECT i.m2 FROM "InheritedRelease" i JOIN "LandReleaseReport" r ON r.id = i."reportId"
          WHERE i."hazardAreaId" = h.id AND r.status = 'APPROVED' AND r."periodEnd" <= ${filter.to ?? today()}::date
        ) s
      ) x
      WHERE ${inRegister} AND x.left_m2 >= ${RELEASED_IN_FULL_BELOW_M2} ${scopeSql(filter, { partnerOnReports: false })}
      GROUP BY 1, 2`,
    db.governorate.findMany({ select: { pcode: true, ...GOVERNORATE_NAMES, region: true } }),
  ]);
  return treatyReport(groups, governorates);
}

/** The national figures with no filter: the dashboard's headline and GET /api/progress without parameters. */
export const getNationalProgress = (db: Db) => getProgress(db, {});

/**
 * Released land of the period by implementing partner and by the land use
 * behind the priority; each breakdown's rows add up to the released total.
 */
export async function getReleaseBreakdowns(
  db: Db,
  filter: ProgressFilter = {},
  baselines?: BaselineRows,
): Promise<{ byPartner: Breakdown[]; byLandUse: Breakdown[] }> {
  const since = firstCountedDay(baselines ?? (await nationalBaselines(db)), filter.from);
  const where = Prisma.sql`r.status = 'APPROVED' AND r."periodEnd" >= ${since}::date AND r."periodEnd" <= ${filter.to ?? today()}::date ${scopeSql(filter, { partnerOnReports: true })}`;
  const [partners, landUses] = await Promise.all([
    db.$queryRaw<{ key: string; label: string; method: string; m2: number }[]>`
      SELECT o.id AS key, o.name AS label, lower(r.method::text) AS method, sum(r."countedAreaM2")::float8 AS m2
      FROM "LandReleaseReport" r JOIN "HazardArea" h ON h.id = r."hazardAreaId" JOIN "Governorate" g ON g.pcode = h."governoratePcode"
      JOIN "Organisation" o ON o.id = r."partnerId"
      WHERE ${where} GROUP BY 1, 2, 3`,
    db.$queryRaw<{ key: string; label: string; method: string; m2: number }[]>`
      SELECT lower(h."landUse"::text) AS key, lower(h."landUse"::text) AS label, lower(r.method::text) AS method, sum(r."countedAreaM2")::float8 AS m2
      FROM "LandReleaseReport" r JOIN "HazardArea" h ON h.id = r."hazardAreaId" JOIN "Governorate" g ON g.pcode = h."governoratePcode"
      WHERE ${where} GROUP BY 1, 2, 3`,
  ]);
  const pivot = (rows: { key: string; label: string; method: string; m2: number }[]) => {
    const out = new Map<string, Breakdown>();
    for (const r of rows) {
      const b =
        out.get(r.key) ??
        out.set(r.key, { key: r.key, label: r.label, cancelled: 0, reduced: 0, cleared: 0, total: 0 }).get(r.key)!;
      b[r.method as ReleaseMethodKey] += r.m2;
      b.total += r.m2;
    }
    return [...out.values()].sort((a, b) => b.total - a.total);
  };
  return { byPartner: pivot(partners), byLandUse: pivot(landUses) };
}

/**
 * Everything the dashboard shows for a view, each part from the same records;
 * cached per view and day until the figures change (see lib/server/cache.ts).
 */
export function getDashboard(db: Db, filter: ProgressFilter = {}) {
  return cachedForDataVersion(db, `dashboard:${today()}:${progressFilterQuery(filter)}`, () =>
    computeDashboard(db, filter),
  );
}

async function computeDashboard(db: Db, filter: ProgressFilter): Promise<Dashboard> {
  const baselines = await nationalBaselines(db);
  const [progress, devices, breakdowns, humanImpact, treaty] = await Promise.all([
    getProgress(db, filter, baselines),
    getDevicesDestroyed(db, filter, baselines),
    getReleaseBreakdowns(db, filter, baselines),
    getHumanImpact(db, filter),
    getTreatyReport(db, filter),
  ]);
  const currentMonth = today().slice(0, 7);
  // The rate runs to the period's end: its last month if it has ended, else this month so far (a release approved
  // today counts at once); the best and worst years are complete calendar years up to the last complete month.
  const ended = filter.to && filter.to.slice(0, 7) < currentMonth;
  const throughMonth = ended ? filter.to!.slice(0, 7) : currentMonth;
  const lastComplete = ended ? throughMonth : addMonths(currentMonth, -1);
  const { sinceBaseline, ...view } = progress;
  return {
    ...view,
    yearly: releasedByYear(progress.monthly),
    burnDown: burnDown(progress.baselineM2, sinceBaseline),
    projection: projectCompletion(progress.remainingM2, sinceBaseline, lastComplete, throughMonth),
    projectionByMethod: projectByMethod(progress.remainingM2, sinceBaseline, lastComplete, throughMonth),
    devices,
    ...breakdowns,
    humanImpact,
    treaty,
  };
}

/** The first year with approved released land: the public page offers the years from it. */
export function firstReleaseYear(db: Db): Promise<number | null> {
  return cachedForDataVersion(db, "progress:firstReleaseYear", async () => {
    const first = await db.landReleaseReport.aggregate({ where: { status: "APPROVED" }, _min: { periodEnd: true } });
    return first._min.periodEnd ? first._min.periodEnd.getUTCFullYear() : null;
  });
}

/** What the progress filters offer: governorates and implementing partners, cached with the figures. */
export function progressFilterChoices(db: Db) {
  return cachedForDataVersion(db, "progress:choices", async () => {
    const [governorates, partners] = await Promise.all([
      db.governorate.findMany({
        orderBy: { nameEn: "asc" },
        select: { pcode: true, ...GOVERNORATE_NAMES, region: true },
      }),
      listOrganisations(db, "OPERATOR"),
    ]);
    return { governorates, partners: partners.map((p) => ({ id: p.id, name: p.name })) };
  });
}

/**
 * The approved reports behind a figure: the view's scope, the method, and
 * the month or year of the period end, from the baseline's date on, exactly
 * as the figure was summed.
 */
export async function drillDownWhere(db: Db, d: DrillDown): Promise<Prisma.LandReleaseReportWhereInput> {
  const starts = [
    firstCountedDay(await nationalBaselines(db), d.from),
    d.month && `${d.month}-01`,
    d.year && `${d.year}-01-01`,
  ].filter((x): x is string => !!x);
  const monthEnd = d.month
    ? new Date(Date.UTC(Number(d.month.slice(0, 4)), Number(d.month.slice(5, 7)), 0)).toISOString().slice(0, ISO_DAY)
    : undefined;
  const ends = [d.to ?? today(), monthEnd, d.year && `${d.year}-12-31`].filter((x): x is string => !!x);
  return {
    status: "APPROVED",
    ...(d.method ? { method: d.method.toUpperCase() as "CANCELLED" | "REDUCED" | "CLEARED" } : {}),
    ...partnerFilter(d),
    periodEnd: { ...(starts.length ? { gte: day(starts.sort().at(-1)!) } : {}), lte: day(ends.sort()[0]!) },
    hazardArea: hazardAreaFilter(d),
  };
}
