// The view's filters (lib/schemas/progress-filter.ts) as Prisma where
// clauses, each rule written once: region, governorate, period, partner,
// donor, contamination and land use. A filter not given adds nothing.
// What the caller may see is not here: that is lib/server/scopes.ts.
import { Prisma } from "@/generated/prisma/client";
import { type ContaminationType, HazardAreaStatus, type LandUse, type Region } from "@/generated/prisma/enums";
import { IN_REGISTER } from "@/lib/domain/hazard-area-status";
import type { ProgressFilter } from "@/lib/schemas/progress-filter";

type Place = Pick<ProgressFilter, "region" | "governorate">;
type Period = Pick<ProgressFilter, "from" | "to">;

/** A YYYY-MM-DD day as the Date the database stores for it (midnight UTC). */
export const day = (s: string) => new Date(`${s}T00:00:00Z`);

/** Statuses of areas that are history (split, merged, withdrawn): the complement of IN_REGISTER. */
const OUT_OF_REGISTER = Object.values(HazardAreaStatus).filter((s) => !(IN_REGISTER as readonly string[]).includes(s));

/**
 * In the register (IN_REGISTER), as SQL on the hazardous areas' `status`: said as "none of the statuses of
 * history" and compared as the enum, so that the planner, with the column's statistics or without them (PGlite
 * has no autovacuum), expects nearly every area to pass. Said as "one of the register's statuses", or compared
 * as text, it guessed half a percent of the register and joined an import's batch of boxes against a scan of
 * every area instead of the box index: 2.4 s a batch instead of 5 ms on a register of 20,000.
 */
export const inRegisterSql = (status: Prisma.Sql = Prisma.sql`"status"`) =>
  Prisma.sql`${status} <> ALL (${OUT_OF_REGISTER}::"HazardAreaStatus"[])`;

/** The filter's region as the database's enum value. */
export const regionValue = (region: NonNullable<ProgressFilter["region"]>): Region =>
  region === "kurdistan" ? "KURDISTAN" : "FEDERAL";

/** On a record with a region of its own (a grant). */
export const regionFilter = (f: Pick<ProgressFilter, "region">) => (f.region ? { region: regionValue(f.region) } : {});

/**
 * Grants funding work in the view's region, as the funding page counts them
 * (lib/domain/funding-place.ts): the region a grant states, else the regions
 * of the hazardous areas of the tasks it funds.
 */
export const grantRegionFilter = (f: Pick<ProgressFilter, "region">): Prisma.GrantWhereInput =>
  f.region
    ? {
        OR: [
          { region: regionValue(f.region) },
          {
            region: null,
            tasks: { some: { task: { hazardAreas: { some: { hazardArea: { governorate: regionFilter(f) } } } } } },
          },
        ],
      }
    : {};

/** The region as SQL on governorates aliased `g`. */
export const regionSql = (region: NonNullable<ProgressFilter["region"]>) =>
  Prisma.sql`g.region::text = ${regionValue(region)}`;

/** On a record held by governorate (a hazardous area, a session, an accident): its governorate and that governorate's region. */
export const placeFilter = (f: Place) => ({
  ...(f.region ? { governorate: regionFilter(f) } : {}),
  ...(f.governorate ? { governoratePcode: f.governorate } : {}),
});

/** Hazardous areas in the view: its place, contamination and land use. */
export function hazardAreaFilter(
  f: Place & Pick<ProgressFilter, "contamination" | "landUse">,
): Prisma.HazardAreaWhereInput {
  return {
    ...placeFilter(f),
    ...(f.contamination ? { contamination: { has: f.contamination.toUpperCase() as ContaminationType } } : {}),
    ...(f.landUse ? { landUse: f.landUse.toUpperCase() as LandUse } : {}),
  };
}

/** Records of the implementing partner, on a record with a `partnerId`. */
export const partnerFilter = (f: Pick<ProgressFilter, "partner">) => (f.partner ? { partnerId: f.partner } : {});

/** Records of the donor, on a record with a `donorId`. */
export const donorFilter = (f: { donor?: string }) => (f.donor ? { donorId: f.donor } : {});

const range = <V>(f: Period, as: (s: string) => V) => ({
  ...(f.from ? { gte: as(f.from) } : {}),
  ...(f.to ? { lte: as(f.to) } : {}),
});

/** The period on the record's date `field`, both ends included. */
export function periodFilter<K extends string>(field: K, f: Period): { [P in K]?: { gte?: Date; lte?: Date } } {
  return f.from || f.to ? ({ [field]: range(f, day) } as { [P in K]: { gte?: Date; lte?: Date } }) : {};
}

/** The period as a grant's fiscal years: the years its days fall in. */
export const fiscalYearFilter = (f: Period) =>
  f.from || f.to ? { fiscalYear: range(f, (s) => Number(s.slice(0, 4))) } : {};
