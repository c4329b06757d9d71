// Imports of hazardous areas as their authority sees them: status, progress
// of the commit, the problems of the preview, and the rows waiting.
import type { Db } from "@/lib/server/prisma";

const running = () =>
  (globalThis as { __registerImportsRunning?: Map<string, Promise<void>> }).__registerImportsRunning ?? new Map();

/** How far a commit has come: rows registered, skipped and still pending, of those accepted at preview. */
export async function importProgress(db: Db, id: string) {
  const [found, counts, area] = await Promise.all([
    db.registerImport.findUniqueOrThrow({
      where: { id },
      select: { status: true, acceptedCount: true, overlapDecision: true },
    }),
    db.registerImportRow.groupBy({ by: ["status"], where: { importId: id }, _count: { _all: true } }),
    db.hazardArea.aggregate({ where: { importId: id }, _sum: { areaM2: true } }),
  ]);
  const count = (s: string) => counts.find((c) => c.status === s)?._count._all ?? 0;
  return {
    id,
    status: found.status.toLowerCase() as "previewed" | "committing" | "committed" | "withdrawn",
    accepted: found.acceptedCount,
    created: count("CREATED"),
    skipped: count("SKIPPED"),
    pending: count("PENDING"),
    overlapDecision: found.overlapDecision,
    /** The area of its hazardous areas in the register now (0 once withdrawn). */
    registeredM2: area._sum.areaM2 ?? 0,
    /** Whether this process is registering its rows now; committing but not running means it stopped and can be resumed. */
    running: running().has(id),
  };
}

/** An import of the caller's authority with its preview and progress, or null. */
export async function getRegisterImport(db: Db, authorityId: string, id: string) {
  const found = await db.registerImport.findFirst({
    where: { id, authorityId },
    select: {
      id: true,
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
  return { ...found, progress, registeredM2: progress.registeredM2, registeredAreas };
}

/** The rows accepted at preview, with their polygons and overlaps, for the preview's map and decisions. */
export function importRows(db: Db, id: string) {
  return db.registerImportRow.findMany({
    where: { importId: id },
    orderBy: { row: "asc" },
    select: { row: true, status: true, value: true, geometry: true, areaM2: true, overlaps: true, outcome: true },
  });
}

/** The authority's imports, newest first. */
export function listRegisterImports(db: Db, authorityId: string) {
  return db.registerImport.findMany({
    where: { authorityId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
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
