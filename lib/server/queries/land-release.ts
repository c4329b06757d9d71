import type { Prisma } from "@/generated/prisma/client";
import type { Areal } from "@/lib/geo/boolean";
import { cachedForDataVersion } from "@/lib/server/cache";
import { runGeometry } from "@/lib/server/geometry-pool";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { ownReportScope, reportScope, reviewableReportScope, taskScope } from "@/lib/server/scopes";
import { HAZARD_AREA_ON_MAP, taskHazardAreas } from "./hazard-areas";

type Tx = Prisma.TransactionClient;

/** What a release is measured against: the hazardous area and the land already released from it. */
const RELEASE_STATE = { geometry: true, releasedGeometry: true } as const satisfies Prisma.HazardAreaSelect;

/** The caller's task with its hazardous areas, or null when it is not theirs to see. */
export function findTaskForReport(db: Db, actor: Actor, taskId: string) {
  return db.task.findFirst({
    where: { id: taskId, ...taskScope(actor) },
    select: {
      id: true,
      status: true,
      partnerId: true,
      hazardAreas: taskHazardAreas({ id: true, code: true, ...RELEASE_STATE }),
    },
  });
}

/**
 * Locks a hazardous area's row until the transaction ends, so approvals in
 * the same area run one after another and each sees the land the previous
 * one released.
 */
export async function lockHazardArea(tx: Tx, hazardAreaId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "HazardArea" WHERE id = ${hazardAreaId} FOR UPDATE`;
}

/** A submitted report in the caller's governorates (an authority's), with its hazardous area's state. */
export function findReportForReview(tx: Tx, actor: Actor, reportId: string) {
  return tx.landReleaseReport.findFirst({
    where: { id: reportId, ...reviewableReportScope(actor) },
    select: {
      id: true,
      status: true,
      method: true,
      hazardAreaId: true,
      submittedGeometry: true,
      supersedesId: true,
      submittedById: true,
      partnerId: true,
      hazardArea: { select: { code: true, releasedM2: true, areaM2: true, status: true, ...RELEASE_STATE } },
    },
  });
}

export const asAreal = (json: Prisma.JsonValue | null): Areal | null => (json ? (json as unknown as Areal) : null);

/**
 * What the report form needs: the caller's open task, its hazardous areas
 * with the land released so far (by method, for the map), and, for a
 * correction, the approved report being corrected.
 */
export async function getReportFormContext(db: Db, actor: Actor, taskId: string, correctingId?: string) {
  const task = await db.task.findFirst({
    where: { id: taskId, ...taskScope(actor) },
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      hazardAreas: taskHazardAreas({ ...HAZARD_AREA_ON_MAP, releasedGeometry: true }),
    },
  });
  if (!task) return null;
  const hazardAreas = task.hazardAreas.map((h) => h.hazardArea);
  const approved = await db.landReleaseReport.findMany({
    where: { hazardAreaId: { in: hazardAreas.map((h) => h.id) }, status: "APPROVED" },
    orderBy: [{ periodEnd: "asc" }, { id: "asc" }],
    select: { method: true, kind: true, countedGeometry: true },
  });
  const correcting = correctingId
    ? await db.landReleaseReport.findFirst({
        where: { id: correctingId, taskId: task.id, partnerId: actor.organisationId, status: "APPROVED" },
        select: { id: true, hazardAreaId: true, method: true },
      })
    : null;
  return {
    task: { id: task.id, code: task.code, title: task.title, status: task.status },
    hazardAreas,
    approved,
    correcting,
  };
}

/**
 * What accounting a correction needs: the polygons of the other approved
 * reports in the hazardous area and the counted piece of the report being
 * replaced (null when that report is no longer approved).
 */
export async function findCorrectionBasis(db: Db | Tx, hazardAreaId: string, supersededId: string) {
  const [superseded, others] = await Promise.all([
    db.landReleaseReport.findFirst({
      where: { id: supersededId, hazardAreaId, status: "APPROVED" },
      select: { id: true, countedGeometry: true, countedAreaM2: true },
    }),
    db.landReleaseReport.findMany({
      where: { hazardAreaId, status: "APPROVED", id: { not: supersededId } },
      select: { submittedGeometry: true },
    }),
  ]);
  if (!superseded) return null;
  return { superseded, othersSubmitted: others.map((o) => asAreal(o.submittedGeometry)!) };
}

const REPORT_STATUSES = ["SUBMITTED", "APPROVED", "REJECTED", "SUPERSEDED", "WITHDRAWN"] as const;
export type ReportStatusFilter = (typeof REPORT_STATUSES)[number];
export const asReportStatus = (s: string | undefined): ReportStatusFilter | undefined =>
  REPORT_STATUSES.find((x) => x === s?.toUpperCase());

/** How a list of reports may be ordered: by submission (oldest first is longest waiting), partner, counted m². */
export type ReportSort = { by: "submitted" | "partner" | "counted"; dir: "asc" | "desc" };
const SORT_KEYS = ["submitted", "partner", "counted"] as const;
export const asReportSort = (by: unknown, dir: unknown): ReportSort | undefined => {
  const key = SORT_KEYS.find((k) => k === by);
  return key ? { by: key, dir: dir === "asc" ? "asc" : "desc" } : undefined;
};

function reportOrder(
  sort: ReportSort = { by: "submitted", dir: "desc" },
): Prisma.LandReleaseReportOrderByWithRelationInput[] {
  const first =
    sort.by === "partner"
      ? { partner: { name: sort.dir } }
      : sort.by === "counted"
        ? { countedAreaM2: sort.dir }
        : { submittedAt: sort.dir };
  // Ties in a stable order, so a page never repeats or skips a report.
  return [first, { submittedAt: "desc" }, { id: "asc" }];
}

/**
 * The reports page, a page of 100 at a time with the count of all: without a
 * drill-down, the caller's own work (a donor's: every approved report); with
 * one (from a figure on the dashboard), the approved reports that make up
 * that figure, whoever made them.
 */
export const REPORTS_PER_PAGE = 100;

export async function listReports(
  db: Db,
  actor: Actor,
  filter: {
    status?: ReportStatusFilter;
    drillDown?: Prisma.LandReleaseReportWhereInput;
    page?: number;
    sort?: ReportSort;
    perPage?: number;
  },
) {
  const scope = filter.drillDown
    ? { ...filter.drillDown, status: "APPROVED" as const }
    : actor.role === "DONOR"
      ? reportScope(actor)
      : ownReportScope(actor);
  const where = { ...scope, ...(filter.status && !filter.drillDown ? { status: filter.status } : {}) };
  // Counting 170k approved reports costs more than the page. A list of approved reports only (a drill-down, a
  // donor's) changes with an approval or a correction, which bump the data version; others count afresh.
  const approvedOnly = Boolean(filter.drillDown) || actor.role === "DONOR";
  const count = () => db.landReleaseReport.count({ where });
  const [total, rows] = await Promise.all([
    approvedOnly ? cachedForDataVersion(db, `reports:count:${JSON.stringify(where)}`, count) : count(),
    db.landReleaseReport.findMany({
      where,
      orderBy: reportOrder(filter.sort),
      skip: ((filter.page ?? 1) - 1) * (filter.perPage ?? REPORTS_PER_PAGE),
      take: filter.perPage ?? REPORTS_PER_PAGE,
      select: {
        id: true,
        method: true,
        status: true,
        submittedAt: true,
        periodStart: true,
        periodEnd: true,
        submittedAreaM2: true,
        countedAreaM2: true,
        supersedesId: true,
        reviewedByOwnAuthority: true,
        kind: true,
        inspection: { select: { id: true, inspectedOn: true } },
        task: { select: { id: true, code: true } },
        hazardArea: { select: { code: true } },
        partner: { select: { name: true } },
      },
    }),
  ]);
  return { total, rows };
}

/** How many reports match and the land they count, in m² (a drill-down's total, the progress report's). */
export async function sumReports(db: Db, where: Prisma.LandReleaseReportWhereInput) {
  // Reopenings move the land (below zero) but are no partner's report, so they are not counted among the reports.
  const [sum, count] = await Promise.all([
    db.landReleaseReport.aggregate({ where, _sum: { countedAreaM2: true } }),
    db.landReleaseReport.count({ where: { AND: [where, { kind: "RELEASE" }] } }),
  ]);
  return { count, countedM2: sum._sum.countedAreaM2 ?? 0 };
}

/** One report with what its review screen shows: the hazardous area, the land released before, devices, corrections. */
export async function getReport(db: Db, actor: Actor, id: string) {
  const report = await db.landReleaseReport.findFirst({
    where: { id, ...reportScope(actor) },
    select: {
      id: true,
      method: true,
      status: true,
      submittedAt: true,
      periodStart: true,
      periodEnd: true,
      clearanceDepthCm: true,
      submittedAreaM2: true,
      outsideHazardM2: true,
      alreadyReleasedM2: true,
      countedAreaM2: true,
      submittedGeometry: true,
      countedGeometry: true,
      reviewedAt: true,
      reviewReason: true,
      reviewedByOwnAuthority: true,
      supersedesId: true,
      hazardAreaId: true,
      submittedById: true,
      reviewedById: true,
      // Another partner's correction under review or rejected is not this reader's to see.
      corrections: { where: reportScope(actor), select: { id: true, status: true, submittedAt: true } },
      devices: { select: { category: true, count: true } },
      task: { select: { id: true, code: true, title: true, status: true } },
      import: { select: { fileName: true } },
      sourceReference: true,
      kind: true,
      inspection: { select: { id: true, inspectedOn: true } },
      partner: { select: { name: true } },
      hazardArea: { select: { ...HAZARD_AREA_ON_MAP, releasedGeometry: true, authorityId: true } },
    },
  });
  if (!report) return null;
  const [releasedBefore, people] = await Promise.all([
    db.landReleaseReport.findMany({
      where: { hazardAreaId: report.hazardAreaId, status: "APPROVED", id: { not: report.id } },
      orderBy: [{ periodEnd: "asc" }, { id: "asc" }],
      select: { method: true, kind: true, countedGeometry: true },
    }),
    db.user.findMany({
      where: { id: { in: [report.submittedById, report.reviewedById].filter((x): x is string => !!x) } },
      select: { id: true, name: true },
    }),
  ]);
  const nameOf = (userId: string | null) => people.find((p) => p.id === userId)?.name ?? null;
  return {
    ...report,
    releasedBefore,
    submittedByName: nameOf(report.submittedById),
    reviewedByName: nameOf(report.reviewedById),
  };
}

/**
 * What approving a submitted report now would count, against the land
 * released at this moment (the figures stored at submission may be stale).
 * The approval recomputes the same way under the hazardous area's lock.
 */
export async function accountIfApprovedNow(
  db: Db,
  report: {
    submittedGeometry: Prisma.JsonValue;
    supersedesId: string | null;
    hazardArea: { id: string; geometry: Prisma.JsonValue; releasedGeometry: Prisma.JsonValue };
  },
) {
  const submitted = asAreal(report.submittedGeometry)!;
  const hazard = asAreal(report.hazardArea.geometry)!;
  const releasedBefore = asAreal(report.hazardArea.releasedGeometry);
  if (report.supersedesId) {
    const basis = await findCorrectionBasis(db, report.hazardArea.id, report.supersedesId);
    if (!basis) return null;
    const c = await runGeometry("accountCorrection", {
      submitted,
      hazard,
      othersSubmitted: basis.othersSubmitted,
      releasedBefore,
      supersededCounted: asAreal(basis.superseded.countedGeometry),
    });
    return {
      submittedAreaM2: c.submittedAreaM2,
      outsideHazardM2: c.outsideHazardM2,
      alreadyReleasedM2: c.alreadyReleasedM2,
      countedAreaM2: c.countedAreaM2,
      netChangeM2: c.countedAreaM2 - basis.superseded.countedAreaM2,
    };
  }
  const a = await runGeometry("accountRelease", { submitted, hazard, released: releasedBefore });
  return {
    submittedAreaM2: a.submittedAreaM2,
    outsideHazardM2: a.outsideHazardM2,
    alreadyReleasedM2: a.alreadyReleasedM2,
    countedAreaM2: a.countedAreaM2,
    netChangeM2: a.countedAreaM2,
  };
}

/** What a report's submitter is told of it, the first time and when the same submission is sent again. */
export const REPORT_SUMMARY = {
  id: true,
  status: true,
  submittedAreaM2: true,
  outsideHazardM2: true,
  alreadyReleasedM2: true,
  countedAreaM2: true,
} as const;

/** The report an earlier sending of a submission made (the partner's clientRef), if any. */
export function reportOfSubmission(db: Db, partnerId: string, clientRef: string) {
  return db.landReleaseReport.findUnique({
    where: { partnerId_clientRef: { partnerId, clientRef } },
    select: REPORT_SUMMARY,
  });
}

/** The partner's approved report on this task that a correction names, with its hazardous area. */
export function approvedReportToCorrect(db: Db, report: { id: string; taskId: string; partnerId: string }) {
  return db.landReleaseReport.findFirst({
    // A reopening entry is the inspection's record, not the partner's report: it is never corrected.
    where: { ...report, status: "APPROVED", kind: "RELEASE" },
    select: { hazardAreaId: true },
  });
}
