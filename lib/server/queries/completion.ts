// What a task's completion certificate (IMAS 08.30) reads: the task's own
// approved land-release entries (releases and the reopenings that took land
// back), its completion reports (newest current), and the post-clearance
// inspection that decides its handover.
import type { Prisma } from "@/generated/prisma/client";
import { releasedByMethod, type TaskEntry } from "@/lib/domain/completion";
import { GOVERNORATE_NAMES } from "@/lib/i18n/names";
import { ZBenchmark } from "@/lib/schemas/completion";
import { runGeometry } from "@/lib/server/geometry-pool";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { taskScope } from "@/lib/server/scopes";
import { HAZARD_AREA_ON_MAP, taskHazardAreas } from "./hazard-areas";
import { asAreal } from "./land-release";

/** A task's completion reports, newest first: the first is the current one, the rest history. */
export const NEWEST_COMPLETION_FIRST: Prisma.CompletionReportOrderByWithRelationInput[] = [
  { createdAt: "desc" },
  { id: "desc" },
];

/**
 * The task's approved land-release entries (releases and reopenings), in the
 * order they were approved: the order its released land is folded in.
 */
export async function approvedEntriesOfTask(db: Db, taskId: string): Promise<TaskEntry[]> {
  const rows = await db.landReleaseReport.findMany({
    where: { taskId, status: "APPROVED" },
    select: {
      kind: true,
      method: true,
      countedAreaM2: true,
      countedGeometry: true,
      reviewedAt: true,
      submittedAt: true,
    },
  });
  const at = (r: (typeof rows)[number]) => +(r.reviewedAt ?? r.submittedAt);
  return rows
    .sort((a, b) => at(a) - at(b))
    .map((r) => ({
      kind: r.kind,
      method: r.method,
      countedAreaM2: r.countedAreaM2,
      countedGeometry: asAreal(r.countedGeometry),
    }));
}

/** The task's own released land now, its area, and its m² by method (adding up to the total). */
export async function taskLandNow(db: Db, taskId: string) {
  const entries = await approvedEntriesOfTask(db, taskId);
  const land = await runGeometry("taskLand", entries);
  return { ...land, byMethod: releasedByMethod(entries) };
}

/**
 * The newest post-clearance inspection of the task recorded after `filedAt`
 * (when the current completion report was filed): earlier ones judged land
 * since re-cleared, so they neither allow nor block this handover.
 */
export function newestInspectionSince(db: Db, taskId: string, filedAt: Date) {
  return db.inspection.findFirst({
    where: { taskId, createdAt: { gte: filedAt } },
    orderBy: [{ inspectedOn: "desc" }, { createdAt: "desc" }],
    select: { result: true, inspectedOn: true, inspector: true, sampledAreaM2: true, itemsFound: true },
  });
}

/**
 * A task's completion report and handover certificate with what it states:
 * the hazardous areas, this task's own released land (its approved releases
 * less its reopenings: never land others released in the same areas), its m²
 * by method, the devices its approved reports destroyed, and the QC result.
 * The land and the split are those stored at completion; a report filed
 * before they were stored has them computed from the task's entries now.
 */
export async function getTaskCompletion(db: Db, actor: Actor, id: string) {
  const task = await db.task.findFirst({
    where: { id, ...taskScope(actor) },
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      authorityId: true,
      partnerId: true,
      authority: { select: { name: true } },
      partner: { select: { name: true } },
      hazardAreas: taskHazardAreas({
        ...HAZARD_AREA_ON_MAP,
        kind: true,
        governorate: { select: { ...GOVERNORATE_NAMES, pcode: true } },
      }),
      completions: { orderBy: NEWEST_COMPLETION_FIRST },
      reports: {
        where: { status: "APPROVED" },
        select: { devices: { select: { category: true, count: true } } },
      },
      _count: { select: { reports: { where: { status: "SUBMITTED" } } } },
    },
  });
  if (!task) return null;
  const devices = new Map<string, number>();
  for (const r of task.reports)
    for (const d of r.devices) devices.set(d.category, (devices.get(d.category) ?? 0) + d.count);
  // A reopened task is at work again: its last report is history until it is completed anew.
  const [newest, ...earlier] = task.completions;
  const current = newest && task.status !== "IN_PROGRESS" ? newest : null;
  const entries = current ? await approvedEntriesOfTask(db, task.id) : [];
  const land = current ? await landOf(current, entries) : null;
  // Drawn by method on the page's map; the same land as stored while the task is completed (no entry changes then).
  const landByMethod = current ? await runGeometry("taskLandByMethod", entries) : [];
  const inspection = current ? await newestInspectionSince(db, task.id, current.createdAt) : null;
  const point = current && ZBenchmark.safeParse(current.benchmark).data;
  return {
    ...task,
    hazardAreas: task.hazardAreas.map((h) => h.hazardArea),
    completion: current,
    earlierCompletions: (current ? earlier : task.completions).map((c) => ({ id: c.id, completedOn: c.completedOn })),
    land,
    landByMethod,
    inspection,
    /** The benchmark as lon/lat with its description, or null (reports filed before it was recorded). */
    benchmark: point
      ? { lon: point.coordinates[0], lat: point.coordinates[1], description: current.benchmarkDescription ?? "" }
      : null,
    devices: [...devices].map(([category, count]) => ({ category, count })),
    pendingReports: task._count.reports,
  };
}

type StoredCompletion = Pick<
  Prisma.CompletionReportGetPayload<object>,
  "geometry" | "cancelledM2" | "reducedM2" | "clearedM2"
>;

async function landOf(c: StoredCompletion, entries: TaskEntry[]) {
  if (c.cancelledM2 === null || c.reducedM2 === null || c.clearedM2 === null) {
    const now = await runGeometry("taskLand", entries);
    return { geometry: now.geometry, byMethod: releasedByMethod(entries) };
  }
  return {
    geometry: asAreal(c.geometry),
    byMethod: { CANCELLED: c.cancelledM2, REDUCED: c.reducedM2, CLEARED: c.clearedM2 },
  };
}
