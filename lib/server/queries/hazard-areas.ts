// Read-side queries for hazardous areas, scoped to the caller in the where
// clause (lib/server/scopes.ts).
import { Prisma } from "@/generated/prisma/client";
import type { RegisteredArea } from "@/lib/domain/hazard-area-overlap";
import { IN_REGISTER } from "@/lib/domain/hazard-area-status";
import { GOVERNORATE_NAMES } from "@/lib/i18n/names";
import { cachedForDataVersion } from "@/lib/server/cache";
import { inRegisterSql } from "@/lib/server/filters";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { hazardAreaScope } from "@/lib/server/scopes";
import { type Paging, pageOf, scopeKey } from "./paging";

/** A hazardous area as a list or a table names it: what it is, its land use and its priority. */
export const HAZARD_AREA_LISTED = {
  id: true,
  code: true,
  name: true,
  kind: true,
  landUse: true,
  priorityRank: true,
} as const satisfies Prisma.HazardAreaSelect;

/** A hazardous area as a map draws it: its outline and how much of it is released. */
export const HAZARD_AREA_ON_MAP = {
  id: true,
  code: true,
  name: true,
  areaM2: true,
  releasedM2: true,
  geometry: true,
} as const satisfies Prisma.HazardAreaSelect;

/** A task's hazardous areas, through the link between them, each with `select`. */
export const taskHazardAreas = <const S extends Prisma.HazardAreaSelect>(select: S) => ({
  select: { hazardArea: { select } },
});

export function listHazardAreas(db: Db, actor: Actor, paging: Paging = {}) {
  return db.hazardArea.findMany({
    ...paging,
    where: { ...hazardAreaScope(actor), status: { in: [...IN_REGISTER] } },
    orderBy: [{ priorityRank: "asc" }, { code: "asc" }],
    select: {
      ...HAZARD_AREA_LISTED,
      areaM2: true,
      releasedM2: true,
      status: true,
      needsInvestigation: true,
      governorate: { select: { ...GOVERNORATE_NAMES, region: true } },
    },
  });
}

/** What the task-order form offers at a time: an authority has thousands of areas, so it searches them. */
export const HAZARD_AREA_CHOICES = 50;
const CHOICE_SELECT = { id: true, code: true, name: true, areaM2: true, releasedM2: true } as const;

/**
 * Hazardous areas the caller may put on a task, with land left to release,
 * whose code, name or governorate contains `query` (all when empty), highest
 * priority first; plus the areas named in `include` (those already ticked).
 */
export async function hazardAreaChoices(db: Db, actor: Actor, query: string, include: string[] = []) {
  const q = query.trim();
  const matches = await db.hazardArea.findMany({
    where: {
      ...hazardAreaScope(actor),
      status: "ACTIVE",
      releasedM2: { lt: db.hazardArea.fields.areaM2 },
      ...(q
        ? {
            OR: [
              { code: { contains: q, mode: "insensitive" } },
              { name: { contains: q, mode: "insensitive" } },
              {
                governorate: {
                  OR: [
                    { nameEn: { contains: q, mode: "insensitive" } },
                    { nameAr: { contains: q } },
                    { nameCkb: { contains: q } },
                  ],
                },
              },
            ],
          }
        : {}),
    },
    orderBy: [{ priorityRank: "asc" }, { code: "asc" }],
    take: HAZARD_AREA_CHOICES,
    select: CHOICE_SELECT,
  });
  // Less than half a m² left is a sliver of the accounting, shown as "0 m² remaining": nothing to task.
  const withLand = matches.filter((m) => m.areaM2 - m.releasedM2 >= 0.5);
  const missing = include.filter((id) => !withLand.some((m) => m.id === id));
  const included = missing.length
    ? await db.hazardArea.findMany({ where: { ...hazardAreaScope(actor), id: { in: missing } }, select: CHOICE_SELECT })
    : [];
  return [...included, ...withLand];
}

export async function hazardAreaPage(db: Db, actor: Actor, page: number) {
  const [total, rows] = await Promise.all([
    cachedForDataVersion(db, `hazardAreas:count:${scopeKey(actor)}`, () =>
      db.hazardArea.count({ where: { ...hazardAreaScope(actor), status: { in: [...IN_REGISTER] } } }),
    ),
    listHazardAreas(db, actor, pageOf(page)),
  ]);
  return { total, rows };
}

export type ReleasedByHazardArea = Record<string, { cancelled: number; reduced: number; cleared: number }>;

export function sumByHazardAndMethod(
  hazardAreaIds: readonly string[],
  approved: readonly { hazardAreaId: string; method: "CANCELLED" | "REDUCED" | "CLEARED"; countedAreaM2: number }[],
): ReleasedByHazardArea {
  const released: ReleasedByHazardArea = Object.fromEntries(
    hazardAreaIds.map((h) => [h, { cancelled: 0, reduced: 0, cleared: 0 }]),
  );
  for (const r of approved)
    released[r.hazardAreaId]![r.method.toLowerCase() as "cancelled" | "reduced" | "cleared"] += r.countedAreaM2;
  return released;
}

/** Land released in each hazardous area by approved reports, by method; the methods add up to the area's released total. */
export async function releasedByMethodIn(db: Db, hazardAreaIds: readonly string[]): Promise<ReleasedByHazardArea> {
  const rows = await db.landReleaseReport.groupBy({
    by: ["hazardAreaId", "method"],
    where: { hazardAreaId: { in: [...hazardAreaIds] }, status: "APPROVED" },
    _sum: { countedAreaM2: true },
  });
  return sumByHazardAndMethod(
    hazardAreaIds,
    rows.map((r) => ({ hazardAreaId: r.hazardAreaId, method: r.method, countedAreaM2: r._sum.countedAreaM2 ?? 0 })),
  );
}

/** The caller's hazardous areas with their polygons, for a map of its work (a partner's: a handful). */
export function hazardAreasForMap(db: Db, actor: Actor) {
  return db.hazardArea.findMany({
    where: hazardAreaScope(actor),
    select: { code: true, name: true, areaM2: true, releasedM2: true, geometry: true },
  });
}

/**
 * The registered areas whose bounding box meets `box` ([west, south, east,
 * north] in degrees), found through the box's GiST index: every area a
 * polygon in that box could overlap, and only those, whatever the size of the register.
 */
export function hazardAreasInBox(db: Db | Prisma.TransactionClient, [w, s, e, n]: readonly number[]) {
  return db.$queryRaw<
    { id: string; code: string; name: string; geometry: Prisma.JsonValue; releasedGeometry: Prisma.JsonValue | null }[]
  >`
    SELECT "id", "code", "name", "geometry", "releasedGeometry" FROM "HazardArea"
    WHERE "bbox" && box(point(${w}::float8, ${s}::float8), point(${e}::float8, ${n}::float8))
      AND ${inRegisterSql()}`;
}

/**
 * A hazardous area's page, when the caller may see it (else null): what it
 * is, where and how much of it is released, who registered it and when, its
 * task orders, and the approved reports that released its land, with the
 * polygons they counted, oldest first.
 */
export function getHazardAreaRecord(db: Db, actor: Actor, id: string) {
  return db.hazardArea.findFirst({
    where: { id, ...hazardAreaScope(actor) },
    select: {
      ...HAZARD_AREA_LISTED,
      ...HAZARD_AREA_ON_MAP,
      contamination: true,
      createdAt: true,
      status: true,
      newlyFound: true,
      needsInvestigation: true,
      releasedGeometry: true,
      governorate: { select: GOVERNORATE_NAMES },
      authority: { select: { name: true } },
      tasks: {
        orderBy: { task: { code: "asc" } },
        select: {
          task: { select: { id: true, code: true, title: true, status: true, partner: { select: { name: true } } } },
        },
      },
      reports: {
        // Approved and in force: a corrected report is SUPERSEDED, its correction APPROVED.
        where: { status: "APPROVED" },
        orderBy: { reviewedAt: "asc" },
        select: {
          id: true,
          kind: true,
          method: true,
          reviewedAt: true,
          countedAreaM2: true,
          countedGeometry: true,
          inspection: { select: { id: true, taskId: true, inspectedOn: true } },
        },
      },
      // The land of areas it was split from or merged out of, released before: each report's share here.
      inherited: {
        where: { report: { status: "APPROVED" } },
        orderBy: { report: { reviewedAt: "asc" } },
        select: { m2: true, report: { select: { id: true, method: true, reviewedAt: true } } },
      },
    },
  });
}

/**
 * hazardAreasInBox for many boxes in one query (an import's batch of rows):
 * the registered areas each box meets, by the box's key.
 */
export async function hazardAreasInBoxes(
  db: Db | Prisma.TransactionClient,
  boxes: readonly { key: number; box: readonly number[] }[],
): Promise<Map<number, RegisteredArea[]>> {
  const out = new Map<number, RegisteredArea[]>();
  if (!boxes.length) return out;
  const rows = await db.$queryRaw<({ key: number } & RegisteredArea)[]>`
    SELECT b.key, h."code", h."name", h."geometry"
    FROM unnest(${boxes.map((b) => b.key)}::int[], ${boxes.map((b) => b.box[0])}::float8[], ${boxes.map((b) => b.box[1])}::float8[],
                ${boxes.map((b) => b.box[2])}::float8[], ${boxes.map((b) => b.box[3])}::float8[]) AS b(key, w, s, e, n)
    JOIN "HazardArea" h ON h."bbox" && box(point(b.w, b.s), point(b.e, b.n)) AND ${inRegisterSql(Prisma.sql`h."status"`)}`;
  for (const { key, ...area } of rows) (out.get(key) ?? out.set(key, []).get(key)!).push(area);
  return out;
}

/**
 * The planner's statistics of the register made anew, after an import adds or takes away thousands of
 * areas at once: the embedded database has no autovacuum to do it, and a plan chosen for the register
 * before the import can be a scan where the box index would answer.
 */
export async function refreshRegisterStatistics(db: Db) {
  await db.$executeRawUnsafe(`ANALYZE "HazardArea"`);
}
