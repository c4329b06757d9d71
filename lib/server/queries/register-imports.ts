// Imports of hazardous areas as their authority sees them: status, progress
// of the commit, the problems of the preview, and the rows waiting.
import { Prisma } from "@/generated/prisma/client";
import type { RegisteredArea } from "@/lib/domain/hazard-area-overlap";
import type { CommitCandidate, EarlierRow } from "@/lib/domain/import-commit-plan";
import { IMSMA_NG_MAPPING } from "@/lib/domain/import-vocabulary";
import type { ImportMapping } from "@/lib/domain/register-import";
import { inRegisterSql } from "@/lib/server/filters";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { registerImportScope } from "@/lib/server/scopes";

const running = () =>
  (globalThis as { __registerImportsRunning?: Map<string, Promise<void>> }).__registerImportsRunning ?? new Map();

/** How far a commit has come: rows registered, skipped and still pending, of those accepted at preview. */
export async function importProgress(db: Db, id: string) {
  const [found, counts, area, released, merged] = await Promise.all([
    db.registerImport.findUniqueOrThrow({
      where: { id },
      select: { kind: true, status: true, acceptedCount: true, overlapDecision: true },
    }),
    db.registerImportRow.groupBy({ by: ["status"], where: { importId: id }, _count: { _all: true } }),
    db.hazardArea.aggregate({ where: { importId: id }, _sum: { areaM2: true } }),
    db.landReleaseReport.aggregate({ where: { importId: id, status: "APPROVED" }, _sum: { countedAreaM2: true } }),
    db.registerImportRow.findMany({ where: { importId: id, status: "MERGED" }, select: { outcome: true } }),
  ]);
  const addedElsewhere = merged
    .map((r) => r.outcome as { addedM2: number; intoImport: boolean })
    .filter((o) => !o.intoImport);
  const count = (s: string) => counts.find((c) => c.status === s)?._count._all ?? 0;
  return {
    id,
    kind: found.kind === "RELEASES" ? ("releases" as const) : ("hazard-areas" as const),
    status: found.status.toLowerCase() as "previewed" | "committing" | "committed" | "withdrawn",
    accepted: found.acceptedCount,
    created: count("CREATED"),
    skipped: count("SKIPPED"),
    /** Rows whose land was added to the area they shared most land with. */
    merged: count("MERGED"),
    pending: count("PENDING"),
    overlapDecision: found.overlapDecision,
    /** The area of its hazardous areas in the register now (0 once withdrawn). */
    registeredM2: area._sum.areaM2 ?? 0,
    /** Land its rows added to areas the register held before it (their part of the registered figure's move). */
    mergedM2: found.status === "WITHDRAWN" ? 0 : addedElsewhere.reduce((s, o) => s + o.addedM2, 0),
    /** The land its past releases count as released now (0 once withdrawn). */
    releasedM2: released._sum.countedAreaM2 ?? 0,
    /** Whether this process is registering its rows now; committing but not running means it stopped and can be resumed. */
    running: running().has(id),
  };
}

/** An import the caller works with (its authority's; an admin's: any) with its preview and progress, or null. */
export async function getRegisterImport(db: Db, actor: Actor, id: string) {
  const found = await db.registerImport.findFirst({
    where: { id, ...registerImportScope(actor) },
    select: {
      id: true,
      kind: true,
      fileName: true,
      sourceCrs: true,
      createdAt: true,
      rowCount: true,
      acceptedCount: true,
      overlappingCount: true,
      problems: true,
      columns: true,
      mapping: true,
      committedAt: true,
      withdrawnAt: true,
    },
  });
  if (!found) return null;
  const [progress, registeredAreas] = await Promise.all([
    importProgress(db, id),
    db.hazardArea.count({ where: { importId: id } }),
  ]);
  return { ...found, kind: progress.kind, progress, registeredM2: progress.registeredM2, registeredAreas };
}

/** The rows accepted at preview, with their polygons and overlaps, for the preview's map and decisions. */
export function importRows(db: Db, id: string) {
  return db.registerImportRow.findMany({
    where: { importId: id },
    orderBy: { row: "asc" },
    select: { row: true, status: true, value: true, geometry: true, areaM2: true, overlaps: true, outcome: true },
  });
}

/** The imports the caller works with, newest first. */
export function listRegisterImports(db: Db, actor: Actor) {
  return db.registerImport.findMany({
    where: registerImportScope(actor),
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      kind: true,
      fileName: true,
      status: true,
      createdAt: true,
      rowCount: true,
      acceptedCount: true,
      committedAt: true,
      withdrawnAt: true,
    },
  });
}

type Tx = Db | Prisma.TransactionClient;

/**
 * The registered areas whose boxes meet each row's (by the box index), without their polygons: `fresh` when
 * registered by anyone but this import, or redrawn, after the preview read the register at `asOf` (with no
 * `asOf`, every area is fresh).
 */
export async function commitCandidates(
  tx: Tx,
  importId: string,
  asOf: Date | null,
  boxes: readonly { key: number; box: readonly number[] }[],
): Promise<Map<number, CommitCandidate[]>> {
  const out = new Map<number, CommitCandidate[]>();
  if (!boxes.length) return out;
  // Times are stored as UTC without a zone (as Prisma writes them): the instant is given as UTC text and read as
  // UTC, whatever the session's time zone.
  const since = asOf
    ? Prisma.sql`(${asOf.toISOString()}::timestamptz AT TIME ZONE 'UTC')`
    : Prisma.sql`NULL::timestamp`;
  const rows = await tx.$queryRaw<({ key: number } & CommitCandidate)[]>`
    SELECT b.key, h."id", h."code",
      (${since} IS NULL
        OR (h."createdAt" > ${since} AND h."importId" IS DISTINCT FROM ${importId})
        OR EXISTS (SELECT 1 FROM "HazardAreaChange" c WHERE c."hazardAreaId" = h."id"
                   AND c."kind" = 'BOUNDARY_REVISED' AND c."at" > ${since})) AS "fresh"
    FROM unnest(${boxes.map((b) => b.key)}::int[], ${boxes.map((b) => b.box[0])}::float8[], ${boxes.map((b) => b.box[1])}::float8[],
                ${boxes.map((b) => b.box[2])}::float8[], ${boxes.map((b) => b.box[3])}::float8[]) AS b(key, w, s, e, n)
    JOIN "HazardArea" h ON h."bbox" && box(point(b.w, b.s), point(b.e, b.n)) AND ${inRegisterSql(Prisma.sql`h."status"`)}`;
  for (const { key, ...candidate } of rows) (out.get(key) ?? out.set(key, []).get(key)!).push(candidate);
  return out;
}

/** Rows of the import by number, as they stand (for the rows a batch's rows shared land with at preview). */
export async function earlierImportRows(tx: Tx, importId: string, rows: readonly number[]) {
  const found = rows.length
    ? await tx.$queryRaw<
        { row: number; status: EarlierRow["status"]; code: string; name: string; areaId: string | null }[]
      >`
        SELECT "row", "status"::text AS "status", "value"->>'code' AS "code", "value"->>'name' AS "name",
               "hazardAreaId" AS "areaId"
        FROM "RegisterImportRow" WHERE "importId" = ${importId} AND "row" = ANY (${[...rows]}::int[])`
    : [];
  return new Map<number, EarlierRow>(found.map(({ row, ...r }) => [row, r]));
}

/** Registered areas with their polygons, by id. */
export async function registeredAreasById(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, RegisteredArea & { authorityId: string }>> {
  const found = ids.length
    ? await tx.$queryRaw<(RegisteredArea & { id: string; authorityId: string })[]>`
        SELECT "id", "code", "name", "geometry", "authorityId" FROM "HazardArea" WHERE "id" = ANY (${[...new Set(ids)]}::text[])`
    : [];
  return new Map(found.map((a) => [a.id, a]));
}

/** The mappings an authority can start a file from: IMSMA NG's (built in), then its own by name. */
export async function importMappings(db: Db, authorityId: string) {
  const saved = await db.savedImportMapping.findMany({
    where: { authorityId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, mapping: true, savedAt: true },
  });
  return [
    { id: "imsma-ng", name: "IMSMA NG", mapping: IMSMA_NG_MAPPING as ImportMapping, savedAt: null, builtIn: true },
    ...saved.map((m) => ({ ...m, mapping: m.mapping as unknown as ImportMapping, builtIn: false })),
  ];
}

/** What the preview accounted an import of past releases to count, find already released and leave outside, over all its rows. */
export async function releasePreviewTotals(db: Db, id: string) {
  const [totals] = await db.$queryRaw<{ counted: number; already: number; outside: number }[]>`
    SELECT coalesce(sum((value->'preview'->>'countedAreaM2')::float8), 0)::float8 AS counted,
           coalesce(sum((value->'preview'->>'alreadyReleasedM2')::float8), 0)::float8 AS already,
           coalesce(sum((value->'preview'->>'outsideHazardM2')::float8), 0)::float8 AS outside
    FROM "RegisterImportRow" WHERE "importId" = ${id}`;
  return totals ?? { counted: 0, already: 0, outside: 0 };
}
