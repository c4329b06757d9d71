// The register on a map: what an authority's map shows of its hazardous areas
// in the view, found through the bounding-box index and simplified by zoom.

import type { MultiPolygon, Polygon } from "geojson";
import { Prisma } from "@/generated/prisma/client";
import { hazardStatus } from "@/lib/colours";
import type { RegisterMap, RegisterRelease } from "@/lib/domain/register-map";
import type { TRegisterView } from "@/lib/schemas/hazard-area";
import { inRegisterSql } from "@/lib/server/filters";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { hazardAreaScopeSql } from "@/lib/server/scopes";

/** From this zoom (a view some 250 km wide on a laptop, a governorate or less) each area is drawn; below it, areas are counted in cells. */
export const AREAS_FROM_ZOOM = 9;
/**
 * Released land is drawn from the zoom where a clearance lane shows (about
 * 20 m a pixel): further out it is a few pixels inside its area, and reading
 * every report's polygon for a district's 200 areas took the view's p95 from
 * 38 ms to 190 ms (npm run bench:register).
 */
export const RELEASED_FROM_ZOOM = 13;
/**
 * The most one view draws: areas, and bytes of stored polygons (as PostgreSQL
 * keeps them, about the size of the JSON sent). A view holding more is shown
 * in cells, and says so: 2,000 walked boundaries are a few megabytes, while
 * 2,000 areas at the 100,000-vertex limit would be gigabytes.
 */
export const VIEW_LIMITS = { areas: 2_000, geometryBytes: 8_000_000 };
/** A cell's side on screen, in pixels (256 to a tile). */
const CELL_PX = 48;

const envelope = ([w, s, e, n]: readonly number[]) =>
  Prisma.sql`"bbox" && box(point(${w}::float8, ${s}::float8), point(${e}::float8, ${n}::float8))`;

/**
 * The caller's hazardous areas in the view, with the view's contamination
 * and partner (an area on one of its task orders), if it names them: each with its polygon from
 * AREAS_FROM_ZOOM up when the view holds no more than `limits`, else
 * counted in square cells of CELL_PX at that zoom, so a national view costs
 * a few hundred cells however large the register. Every area in the view is
 * in exactly one cell, so the cells' counts and areas add up to the view's.
 */
export async function registerMap(
  db: Db,
  actor: Actor,
  view: TRegisterView,
  limits = VIEW_LIMITS,
): Promise<RegisterMap> {
  const where = Prisma.sql`${envelope(view.bbox)} AND ${hazardAreaScopeSql(actor)}
    AND ${inRegisterSql()}
    AND ${view.contamination ? Prisma.sql`${view.contamination}::"ContaminationType" = ANY("contamination")` : Prisma.sql`TRUE`}
    AND ${
      view.partner
        ? Prisma.sql`EXISTS (SELECT 1 FROM "TaskHazardArea" a JOIN "Task" t ON t."id" = a."taskId"
            WHERE a."hazardAreaId" = "HazardArea"."id" AND t."partnerId" = ${view.partner})`
        : Prisma.sql`TRUE`
    }`;
  if (view.zoom >= AREAS_FROM_ZOOM) {
    // Highest priority first, as long as the polygons so far stay within the byte limit (sizes read
    // without loading the polygons); `total` says whether every area in the view came.
    const rows = await db.$queryRaw<
      {
        id: string;
        code: string;
        name: string;
        kind: string;
        contamination: string[];
        areaM2: number;
        releasedM2: number;
        geometry: Polygon | MultiPolygon;
        total: number;
      }[]
    >`SELECT "id", "code", "name", "kind"::text AS "kind", "contamination"::text[] AS "contamination",
        "areaM2", "releasedM2", "geometry", "total"
      FROM (
        SELECT "id", "code", "name", "kind", "contamination", "areaM2", "releasedM2", "geometry", "priorityRank",
          sum(pg_column_size("geometry")) OVER (ORDER BY "priorityRank", "code") AS "bytes",
          count(*) OVER ()::int AS "total"
        FROM "HazardArea" WHERE ${where}
      ) AS "inView"
      WHERE "bytes" <= ${limits.geometryBytes}
      ORDER BY "priorityRank", "code" LIMIT ${limits.areas + 1}`;
    if (rows.length <= limits.areas && rows.length === (rows[0]?.total ?? 0))
      return {
        level: "areas",
        released:
          view.zoom >= RELEASED_FROM_ZOOM
            ? await releasedIn(
                db,
                rows.map((r) => r.id),
                limits.geometryBytes,
              )
            : [],
        features: rows.map(({ geometry, areaM2, releasedM2, total: _, ...r }) => ({
          type: "Feature",
          geometry,
          properties: { ...r, status: hazardStatus(areaM2, releasedM2) },
        })),
      };
  }
  const cellDeg = (360 / (256 * 2 ** view.zoom)) * CELL_PX;
  // Each cell counts its areas by status with hazardStatus()'s rule (lib/colours.ts), in SQL; the test
  // compares the counts with the statuses of the same areas drawn one by one.
  const cells = await db.$queryRaw<
    { open: number; partial: number; released: number; areaM2: number; releasedM2: number; lon: number; lat: number }[]
  >`
    SELECT count(*) FILTER (WHERE "releasedM2" <= 0)::int AS "open",
      count(*) FILTER (WHERE "releasedM2" > 0 AND "releasedM2" < "areaM2" * 0.9999)::int AS "partial",
      count(*) FILTER (WHERE "releasedM2" > 0 AND "releasedM2" >= "areaM2" * 0.9999)::int AS "released",
      sum("areaM2")::float8 AS "areaM2", sum("releasedM2")::float8 AS "releasedM2",
      avg((center("bbox"))[0])::float8 AS "lon", avg((center("bbox"))[1])::float8 AS "lat"
    FROM "HazardArea" WHERE ${where}
    GROUP BY floor((center("bbox"))[0] / ${cellDeg}::float8), floor((center("bbox"))[1] / ${cellDeg}::float8)`;
  return {
    level: "cells",
    cellDeg,
    reason: view.zoom >= AREAS_FROM_ZOOM ? "tooMany" : "zoom",
    features: cells.map(({ lon, lat, open, partial, released, ...c }) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [lon, lat] },
      properties: { ...c, areas: open + partial + released, byStatus: { open, partial, released } },
    })),
  };
}

/**
 * The land approved reports released in these areas, their own and those of
 * the areas they were split from or merged out of, each report once, oldest
 * first, as much as the byte limit allows.
 */
async function releasedIn(db: Db, areaIds: string[], geometryBytes: number): Promise<RegisterRelease[]> {
  if (!areaIds.length) return [];
  const rows = await db.$queryRaw<
    { method: RegisterRelease["properties"]["method"]; geometry: Polygon | MultiPolygon }[]
  >`
    SELECT "method", "geometry" FROM (
      -- Land a failed inspection reopened is drawn as such, over the release it took back (oldest first).
      SELECT CASE WHEN r."kind" = 'REOPENING' THEN 'REOPENED' ELSE r."method"::text END AS "method",
        r."countedGeometry" AS "geometry",
        sum(pg_column_size(r."countedGeometry")) OVER (ORDER BY r."periodEnd", r."id") AS "bytes"
      FROM "LandReleaseReport" r
      WHERE r."status" = 'APPROVED' AND r."countedGeometry" IS NOT NULL
        AND (r."hazardAreaId" = ANY (${areaIds}::text[])
          OR r."id" IN (SELECT "reportId" FROM "InheritedRelease" WHERE "hazardAreaId" = ANY (${areaIds}::text[])))
    ) AS "inView"
    WHERE "bytes" <= ${geometryBytes}
    ORDER BY "bytes"`;
  return rows.map(({ method, geometry }) => ({ type: "Feature", geometry, properties: { method } }));
}
