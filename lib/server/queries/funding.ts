import { Prisma } from "@/generated/prisma/client";
import { type FundedRelease, summariseFunding } from "@/lib/domain/funding";
import { costPerM2 } from "@/lib/domain/funding-cost";
import { fundsWorkIn, type GrantPlace, placeOfGrant, type WorkPlace } from "@/lib/domain/funding-place";
import type { FundedDevices } from "@/lib/domain/grant-outputs";
import type { FundingFilter } from "@/lib/schemas/funding-filter";
import { cachedForDataVersion } from "@/lib/server/cache";
import { regionValue } from "@/lib/server/filters";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { grantScope } from "@/lib/server/scopes";

/** Callers with the same grant scope share cached funding reads. */
const scopeKey = (actor: Actor) => (actor.role === "DONOR" ? `donor:${actor.organisationId}` : "all");

/** The fiscal years of the grants the caller may see, newest first (the funding page's year filter). */
export function grantYears(db: Db, actor: Actor): Promise<number[]> {
  return cachedForDataVersion(db, `funding:years:${scopeKey(actor)}`, async () => {
    const rows = await db.grant.findMany({
      where: grantScope(actor),
      distinct: ["fiscalYear"],
      orderBy: { fiscalYear: "desc" },
      select: { fiscalYear: true },
    });
    return rows.map((r) => r.fiscalYear);
  });
}

/** Grants a task order can name, with their donor and the partner they fund. */
export async function listGrantsForTasks(db: Db) {
  const grants = await db.grant.findMany({
    orderBy: [{ fiscalYear: "desc" }, { code: "asc" }],
    select: { id: true, code: true, title: true, partnerId: true, donor: { select: { name: true } } },
  });
  return grants.map((g) => ({ id: g.id, code: g.code, title: g.title, partnerId: g.partnerId, donor: g.donor.name }));
}

type GrantFilter = { year?: number; region?: "federal" | "kurdistan" };

/**
 * Grants with their transactions and where their money went, as the funding
 * page and summaries need them; a donor's own only. A region's grants are
 * those funding work there: by the region a grant states, else by the tasks
 * it funds (placeOfGrant). Cached until the data changes (grants are written
 * by the funding import and task orders, which bump the version); callers
 * share the result and must not change it.
 */
export function fundingGrants(db: Db, actor: Actor, filter: GrantFilter = {}): Promise<PlacedGrant[]> {
  const { region, year } = filter;
  if (region)
    return cachedForDataVersion(db, `funding:grants:${scopeKey(actor)}:${year ?? ""}:${region}`, async () =>
      (await fundingGrants(db, actor, { year })).filter((g) => fundsWorkIn(g.place, regionValue(region))),
    );
  return cachedForDataVersion(db, `funding:grants:${scopeKey(actor)}:${year ?? ""}:`, async () => {
    const grants = await readGrants(db, actor, year);
    const work = await workPlaces(
      db,
      grants.map((g) => g.id),
    );
    return grants.map((g) => ({ ...g, place: placeOfGrant(g.region, work.get(g.id) ?? []) }));
  });
}

type PlacedGrant = Awaited<ReturnType<typeof readGrants>>[number] & { place: GrantPlace };

/** The governorates of the hazardous areas in the tasks each grant funds. */
async function workPlaces(db: Db, grantIds: readonly string[]): Promise<Map<string, WorkPlace[]>> {
  const byGrant = new Map<string, WorkPlace[]>();
  if (grantIds.length === 0) return byGrant;
  const rows = await db.$queryRaw<(WorkPlace & { grantId: string })[]>`
    SELECT DISTINCT gt."grantId" AS "grantId", g.pcode AS pcode, g.region::text AS region
    FROM "GrantTask" gt
    JOIN "TaskHazardArea" th ON th."taskId" = gt."taskId"
    JOIN "HazardArea" h ON h.id = th."hazardAreaId"
    JOIN "Governorate" g ON g.pcode = h."governoratePcode"
    WHERE gt."grantId" IN (${Prisma.join([...grantIds])})`;
  for (const { grantId, ...place } of rows) byGrant.set(grantId, [...(byGrant.get(grantId) ?? []), place]);
  return byGrant;
}

function readGrants(db: Db, actor: Actor, year: number | undefined) {
  return db.grant.findMany({
    where: { ...grantScope(actor), ...(year ? { fiscalYear: year } : {}) },
    orderBy: [{ fiscalYear: "desc" }, { amountUsdCents: "desc" }],
    select: {
      id: true,
      code: true,
      title: true,
      fiscalYear: true,
      region: true,
      source: true,
      isDemo: true,
      amountMinor: true,
      currency: true,
      donor: { select: { id: true, name: true } },
      partner: { select: { id: true, name: true } },
      transactions: { select: { type: true, amountUsdCents: true } },
      activitySplit: { select: { landReleaseBp: true, eoreBp: true, victimAssistanceBp: true, capacityBp: true } },
    },
  });
}

/**
 * Approved land released in the tasks of the grants the caller sees in the
 * year, in every region (see fundedReleases), cached with them: a grant's
 * price per m² is read from all its land, whichever region is shown.
 */
export function fundedReleasesInView(db: Db, actor: Actor, year?: number): Promise<FundedRelease[]> {
  return cachedForDataVersion(db, `funding:releases:${scopeKey(actor)}:${year ?? ""}`, async () =>
    fundedReleases(
      db,
      (await fundingGrants(db, actor, { year })).map((g) => g.id),
    ),
  );
}

/**
 * What each dollar released in the caller's view, as the funding page shows
 * it (see costPerM2). Under a region, the land released in its governorates
 * by any grant the caller sees in the year: land lies where it lies, even
 * when its grant states the other region (and so is listed under that one).
 */
export async function fundingCostInView(db: Db, actor: Actor, filter: GrantFilter = {}) {
  const [grants, releases] = await Promise.all([
    fundingGrants(db, actor, { year: filter.year }),
    fundedReleasesInView(db, actor, filter.year),
  ]);
  return costPerM2(grants, releases, filter.region && regionValue(filter.region));
}

/**
 * Approved land released in the tasks each grant funds, by method, year of
 * the period's end and the region of the report's hazardous area.
 */
export async function fundedReleases(db: Db, grantIds: readonly string[]): Promise<FundedRelease[]> {
  if (grantIds.length === 0) return [];
  return db.$queryRaw<FundedRelease[]>`
    SELECT gt."grantId" AS "grantId", gt."shareBp" AS "shareBp", lower(r.method::text) AS method,
           extract(year FROM r."periodEnd")::int AS year, g.region::text AS region, sum(r."countedAreaM2")::float8 AS m2
    FROM "GrantTask" gt
    JOIN "LandReleaseReport" r ON r."taskId" = gt."taskId" AND r.status = 'APPROVED'
    JOIN "HazardArea" h ON h.id = r."hazardAreaId"
    JOIN "Governorate" g ON g.pcode = h."governoratePcode"
    WHERE gt."grantId" IN (${Prisma.join([...grantIds])})
    GROUP BY 1, 2, 3, 4, 5`;
}

/**
 * Devices found and destroyed in approved reports of the tasks each grant
 * funds, by year of the period's end, with the grant's share of the task.
 */
export async function fundedDevices(db: Db, grantIds: readonly string[]): Promise<FundedDevices[]> {
  if (grantIds.length === 0) return [];
  return db.$queryRaw<FundedDevices[]>`
    SELECT gt."grantId" AS "grantId", gt."shareBp" AS "shareBp", extract(year FROM r."periodEnd")::int AS year,
           sum(d.count)::int AS count
    FROM "GrantTask" gt
    JOIN "LandReleaseReport" r ON r."taskId" = gt."taskId" AND r.status = 'APPROVED'
    JOIN "DeviceFound" d ON d."reportId" = r.id
    WHERE gt."grantId" IN (${Prisma.join([...grantIds])})
    GROUP BY 1, 2, 3`;
}

/** When each grant's outputs last changed: the latest review of an approved report in the tasks it funds. */
export async function fundedOutputsChanged(db: Db, grantIds: readonly string[]): Promise<Map<string, Date>> {
  if (grantIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ grantId: string; at: Date }[]>`
    SELECT gt."grantId" AS "grantId", max(r."reviewedAt") AS at
    FROM "GrantTask" gt
    JOIN "LandReleaseReport" r ON r."taskId" = gt."taskId" AND r.status = 'APPROVED'
    WHERE gt."grantId" IN (${Prisma.join([...grantIds])}) AND r."reviewedAt" IS NOT NULL
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.grantId, new Date(r.at)]));
}

export type FundingLabels = Parameters<typeof summariseFunding>[2];

/** Group labels in the reader's language, from the "funding" messages. */
export const fundingLabels = (
  t: (key: "notNamed" | "unspecifiedRegion" | "bothRegions" | "federal" | "kurdistan") => string,
): FundingLabels => ({
  unnamedPartner: t("notNamed"),
  unspecifiedRegion: t("unspecifiedRegion"),
  bothRegions: t("bothRegions"),
  region: (r) => t(r === "FEDERAL" ? "federal" : "kurdistan"),
});

/** The funding summary the page and GET /api/funding/summary share. */
export async function getFundingSummary(db: Db, actor: Actor, filter: FundingFilter, labels: FundingLabels) {
  const grants = await fundingGrants(db, actor, filter);
  return { grants, summary: summariseFunding(grants, filter.groupBy, labels) };
}

/** The grants named, with the partner each funds (a task order checks them). */
export function findGrants(db: Db, ids: string[]) {
  return db.grant.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, partnerId: true } });
}

/** A grant funding the task that funds a partner other than this one, if any. */
export function grantOfOtherPartner(db: Db, taskId: string, partnerId: string) {
  return db.grantTask.findFirst({
    where: { taskId, grant: { partnerId: { not: null }, NOT: { partnerId } } },
    select: { grant: { select: { code: true } } },
  });
}
