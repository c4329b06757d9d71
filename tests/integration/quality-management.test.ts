import type { Polygon } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { closeNonConformity } from "@/lib/server/commands/close-non-conformity";
import { completeTask } from "@/lib/server/commands/complete-task";
import { recordInspection } from "@/lib/server/commands/record-inspection";
import { recordMonitoringVisit } from "@/lib/server/commands/record-monitoring-visit";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import type { Actor } from "@/lib/server/permissions";
import { getNationalProgress, getReleaseBreakdowns } from "@/lib/server/queries/progress";
import { taskQuality } from "@/lib/server/queries/quality";
import { getQualityByOperator } from "@/lib/server/queries/quality-figures";
import { account, approvedRelease, authority, hazardArea, partlyReleasedTask, partner, task } from "@/tests/factories";
import { refusal } from "@/tests/helpers/actors";
import { completionBody } from "@/tests/helpers/completion";
import { DATABASE_KINDS, useReferenceDatabase } from "@/tests/helpers/databases";
import { rectangle, strip } from "@/tests/helpers/shapes";

/** The part of the hazardous area no release reached, recorded as such so the task can be completed. */
const REMAINDER = "The rest of the area remains a hazardous area, to be tasked again.";

const inspection = (geometry: Polygon, extra: Record<string, unknown> = {}) => ({
  inspectedOn: "2026-11-25",
  inspector: "QC officer Layla Hassan",
  geometry,
  itemsFound: 2,
  result: "FAILED",
  findings: "Two PMN-2 found at 10 cm in lane 14.",
  ...extra,
});

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe.each(DATABASE_KINDS)("quality management on %s", (kind) => {
  const t = useReferenceDatabase(kind);

  describe("monitoring visits and non-conformities", () => {
    let scene: Awaited<ReturnType<typeof partlyReleasedTask>>;
    beforeAll(async () => {
      scene = await partlyReleasedTask(t().db, [43.2, 36.4]);
    });
    const visit = (extra: Record<string, unknown> = {}) => ({
      team: "Manual clearance team 3",
      visitedOn: "2026-10-12",
      inspector: "QA officer Ahmed Salih",
      findings: "Lane marking and breaching drill as the SOP; one detector not checked at the start of the shift.",
      nonConformities: [
        {
          description: "Detector not checked against the test piece before work.",
          severity: "MAJOR",
          correctiveAction: "Check every detector at the start of each shift and log it.",
          deadline: "2026-10-19",
        },
        {
          description: "First-aid kit incomplete.",
          severity: "MINOR",
          correctiveAction: "Refill the kit.",
          deadline: "2026-10-14",
        },
      ],
      ...extra,
    });

    it("records a visit with its non-conformities for the task's operator, audited; a closure is written once", async () => {
      const db = t().db;
      const recorded = await recordMonitoringVisit(db, scene.dma, scene.task.id, visit());
      expect(recorded.nonConformityIds).toHaveLength(2);
      const stored = await db.monitoringVisit.findUniqueOrThrow({
        where: { id: recorded.id },
        include: { nonConformities: true },
      });
      expect(stored.operatorId).toBe(scene.partnerOrganisation.id);
      expect(stored.nonConformities.map((n) => n.severity).sort()).toEqual(["MAJOR", "MINOR"]);
      expect(await db.auditEvent.count({ where: { action: "monitoringVisit.record", entityId: recorded.id } })).toBe(1);

      const major = recorded.nonConformityIds[0]!;
      const early = await refusal(closeNonConformity(db, scene.dma, major, { closedOn: "2026-10-11", note: "Done." }));
      expect(early.code).toBe("invalid_request");
      expect(early.message).toMatch(/2026-10-12/);
      await closeNonConformity(db, scene.dma, major, { closedOn: "2026-10-18", note: "Detector log seen, signed." });
      const closed = await db.nonConformity.findUniqueOrThrow({ where: { id: major } });
      expect(closed.closedOn?.toISOString().slice(0, 10)).toBe("2026-10-18");
      expect(closed.closedById).toBe(scene.dma.id);
      const again = await refusal(closeNonConformity(db, scene.dma, major, { closedOn: "2026-10-20", note: "Again." }));
      expect(again.code).toBe("conflict");
      expect((await db.nonConformity.findUniqueOrThrow({ where: { id: major } })).closureNote).toBe(
        "Detector log seen, signed.",
      );
      expect(await db.auditEvent.count({ where: { action: "nonConformity.close", entityId: major } })).toBe(1);

      // The operator reads its task's records; the other one stays open.
      const seen = await taskQuality(db, scene.partner, scene.task.id);
      const nc = seen!.visits.find((v) => v.id === recorded.id)!.nonConformities;
      expect(nc.filter((n) => n.closedOn === null)).toHaveLength(1);
    });

    it("refuses a deadline before the visit, a visit in the future, another region's authority and an operator", async () => {
      const db = t().db;
      const late = visit({
        nonConformities: [{ description: "x", severity: "MINOR", correctiveAction: "y", deadline: "2026-10-01" }],
      });
      expect((await refusal(recordMonitoringVisit(db, scene.dma, scene.task.id, late))).code).toBe("invalid_request");
      const future = visit({ visitedOn: "2099-01-01", nonConformities: [] });
      expect((await refusal(recordMonitoringVisit(db, scene.dma, scene.task.id, future))).code).toBe("invalid_request");
      const ikmaa = await authority(db, "KURDISTAN");
      expect((await refusal(recordMonitoringVisit(db, ikmaa, scene.task.id, visit()))).code).toBe("not_found");
      expect((await refusal(recordMonitoringVisit(db, scene.partner, scene.task.id, visit()))).code).toBe("forbidden");
      const open = await db.nonConformity.findFirstOrThrow({
        where: { visit: { taskId: scene.task.id }, closedOn: null },
      });
      const closure = { closedOn: "2026-10-15", note: "Kit refilled." };
      expect((await refusal(closeNonConformity(db, ikmaa, open.id, closure))).code).toBe("not_found");
      expect((await refusal(closeNonConformity(db, scene.partner, open.id, closure))).code).toBe("forbidden");
      expect(await db.monitoringVisit.count({ where: { taskId: scene.task.id } })).toBe(1);
    });
  });

  describe("post-clearance inspection", () => {
    /** A hazardous area released in full by one clearance (so it closed), on a completed task. */
    async function completedClosedTask(centre: [number, number]) {
      const db = t().db;
      const dma = await authority(db, "FEDERAL");
      const { organisation, actor } = await partner(db);
      const boundary = rectangle(centre, 400, 300);
      const area = await hazardArea(db, dma, { geometry: boundary });
      const order = await task(db, dma, { hazardAreas: [area], partnerId: organisation.id });
      const release = await approvedRelease(db, { partner: actor, reviewer: dma }, order.id, { geometry: boundary });
      await completeTask(db, actor, order.id, completionBody({ remainderReason: REMAINDER }));
      return { dma, partner: actor, boundary, area, task: order, release };
    }
    const area = (id: string) => t().db.hazardArea.findUniqueOrThrow({ where: { id } });
    const taskStatus = async (id: string) => (await t().db.task.findUniqueOrThrow({ where: { id } })).status;
    const inForce = async (hazardAreaId: string) =>
      (
        await t().db.landReleaseReport.aggregate({
          where: { hazardAreaId, status: "APPROVED" },
          _sum: { countedAreaM2: true },
        })
      )._sum.countedAreaM2 ?? 0;

    it("a failed inspection reopens exactly the sampled released land; a new report counts it again", async () => {
      const db = t().db;
      const scene = await completedClosedTask([43.4, 36.1]);
      expect((await area(scene.area.id)).status).toBe("CLOSED");
      const before = await getNationalProgress(db);
      const beforeByPartner = await getReleaseBreakdowns(db);
      const sample = strip(scene.boundary, 0.3, 0.5);

      const failed = await recordInspection(db, scene.dma, scene.task.id, inspection(sample));
      expect(failed.result).toBe("FAILED");
      expect(failed.taskStatus).toBe("in_progress");
      expect(relative(failed.reopenedM2, geodesicAreaM2(sample))).toBeLessThan(1e-6);

      // Figures drop by exactly the reopened land, dated on the inspection.
      const after = await getNationalProgress(db);
      expect(relative(before.releasedM2.total - after.releasedM2.total, failed.reopenedM2)).toBeLessThan(1e-6);
      expect(relative(before.releasedM2.cleared - after.releasedM2.cleared, failed.reopenedM2)).toBeLessThan(1e-6);
      const byPartner = (await getReleaseBreakdowns(db)).byPartner.find((b) => b.key === scene.release.partnerId)!;
      const was = beforeByPartner.byPartner.find((b) => b.key === scene.release.partnerId)!;
      expect(relative(was.total - byPartner.total, failed.reopenedM2)).toBeLessThan(1e-6);
      const november = after.monthly.find((m) => m.month === "2026-11");
      expect(november?.cleared ?? 0).toBeCloseTo(-failed.reopenedM2, 4);

      const reopening = await db.landReleaseReport.findFirstOrThrow({ where: { inspectionId: failed.id } });
      expect(reopening).toMatchObject({
        kind: "REOPENING",
        status: "APPROVED",
        method: "CLEARED",
        reopensId: scene.release.id,
        partnerId: scene.release.partnerId,
        taskId: scene.task.id,
      });
      expect(reopening.countedAreaM2).toBeCloseTo(-failed.reopenedM2, 9);
      expect(reopening.periodEnd.toISOString().slice(0, 10)).toBe("2026-11-25");
      // Nothing erased: the release keeps what it counted.
      const release = await db.landReleaseReport.findUniqueOrThrow({ where: { id: scene.release.id } });
      expect(release.countedAreaM2).toBe(scene.release.countedAreaM2);

      const reopened = await area(scene.area.id);
      expect(reopened.status).toBe("ACTIVE");
      expect(relative(reopened.releasedM2, scene.release.countedAreaM2 - failed.reopenedM2)).toBeLessThan(1e-9);
      expect(reopened.releasedM2).toBeCloseTo(await inForce(scene.area.id), 6);
      expect(geodesicAreaM2(reopened.releasedGeometry as never)).toBeCloseTo(reopened.releasedM2, 0);
      const change = await db.hazardAreaChange.findFirstOrThrow({
        where: { hazardAreaId: scene.area.id, kind: "REOPENED" },
      });
      expect(change.after).toMatchObject({ inspection: failed.id, status: "ACTIVE" });
      const moved = await db.taskStatusChange.findFirstOrThrow({
        where: { taskId: scene.task.id, fromStatus: "COMPLETED", toStatus: "IN_PROGRESS" },
      });
      expect(moved.note).toContain(failed.id);
      expect(await db.auditEvent.count({ where: { action: "inspection.record", entityId: failed.id } })).toBe(1);

      // The reopening is no report to review, nor a release to correct; the area's other releases are not corrected.
      expect((await refusal(reviewLandReleaseReport(db, scene.dma, reopening.id, { decision: "approve" }))).code).toBe(
        "conflict",
      );
      const correctReopening = submitLandReleaseReport(db, scene.partner, scene.task.id, {
        method: "cleared",
        clearanceDepthCm: 30,
        periodStart: "2026-11-26",
        periodEnd: "2026-11-27",
        geometry: sample,
        supersedesId: reopening.id,
      });
      expect((await refusal(correctReopening)).code).toBe("invalid_request");
      const correction = await refusal(
        submitLandReleaseReport(db, scene.partner, scene.task.id, {
          method: "cleared",
          clearanceDepthCm: 30,
          periodStart: "2026-09-01",
          periodEnd: "2026-09-30",
          geometry: scene.boundary,
          supersedesId: scene.release.id,
        }),
      );
      expect(correction.code).toBe("conflict");
      expect(correction.message).toMatch(/reopened/);

      // The operator re-clears the reopened land: it counts again, and the figures are back where they were.
      const reclear = await submitLandReleaseReport(db, scene.partner, scene.task.id, {
        method: "cleared",
        clearanceDepthCm: 30,
        periodStart: "2026-11-26",
        periodEnd: "2026-11-30",
        geometry: sample,
      });
      await reviewLandReleaseReport(db, scene.dma, reclear.id, { decision: "approve" });
      const recleared = await db.landReleaseReport.findUniqueOrThrow({ where: { id: reclear.id } });
      expect(relative(recleared.countedAreaM2, failed.reopenedM2)).toBeLessThan(1e-6);
      const restored = await getNationalProgress(db);
      expect(relative(restored.releasedM2.total, before.releasedM2.total)).toBeLessThan(1e-9);
      expect((await area(scene.area.id)).status).toBe("CLOSED");
    });

    it("samples only the released land: land of the sample never released is not reopened", async () => {
      const db = t().db;
      const scene = await partlyReleasedTask(db, [43.6, 36.2]);
      await completeTask(db, scene.partner, scene.task.id, completionBody({ remainderReason: REMAINDER }));
      const released = await area(scene.hazardArea.id);
      // Half on released land (0.4–0.6), half on land never released (0.6–0.8).
      const sample = strip(scene.boundary, 0.4, 0.8);
      const failed = await recordInspection(db, scene.dma, scene.task.id, inspection(sample));
      const releasedPart = strip(scene.boundary, 0.4, 0.6);
      // The sampled strip as drawn, against the land the overlay cut out of the counted land (vertices rounded).
      expect(relative(failed.reopenedM2, geodesicAreaM2(releasedPart))).toBeLessThan(1e-5);
      const after = await area(scene.hazardArea.id);
      expect(relative(released.releasedM2 - after.releasedM2, failed.reopenedM2)).toBeLessThan(1e-9);
      expect(after.status).toBe("ACTIVE");
      expect(after.releasedM2).toBeCloseTo(await inForce(scene.hazardArea.id), 6);
    });

    it("a passed inspection changes no figure; refusals say why", async () => {
      const db = t().db;
      const scene = await completedClosedTask([42.95, 36.25]);
      const before = await getNationalProgress(db);
      const sample = strip(scene.boundary, 0.1, 0.2);

      const itemsButPassed = await refusal(
        recordInspection(db, scene.dma, scene.task.id, inspection(sample, { result: "PASSED" })),
      );
      expect(itemsButPassed.code).toBe("invalid_request");
      expect(itemsButPassed.message).toMatch(/failed/);
      const outside = rectangle([42.96, 36.25], 200, 200);
      const stray = await refusal(recordInspection(db, scene.dma, scene.task.id, inspection(outside)));
      expect(stray.code).toBe("unprocessable");
      expect(stray.message).toMatch(/m²/);
      const ikmaa = await authority(db, "KURDISTAN");
      expect((await refusal(recordInspection(db, ikmaa, scene.task.id, inspection(sample)))).code).toBe("not_found");
      expect((await refusal(recordInspection(db, scene.partner, scene.task.id, inspection(sample)))).code).toBe(
        "forbidden",
      );

      const passed = await recordInspection(
        db,
        scene.dma,
        scene.task.id,
        inspection(sample, { result: "PASSED", itemsFound: 0, findings: "Sample 10 % searched to 20 cm." }),
      );
      expect(passed).toMatchObject({ result: "PASSED", reopenedM2: 0, taskStatus: "completed" });
      expect(relative(passed.sampledAreaM2, geodesicAreaM2(sample))).toBeLessThan(1e-6);
      expect((await getNationalProgress(db)).releasedM2.total).toBe(before.releasedM2.total);
      expect(await taskStatus(scene.task.id)).toBe("COMPLETED");
      expect((await area(scene.area.id)).status).toBe("CLOSED");
      expect(await db.landReleaseReport.count({ where: { inspectionId: passed.id } })).toBe(0);

      // Once it fails and goes back to work, no inspection until it is completed again.
      await recordInspection(db, scene.dma, scene.task.id, inspection(sample));
      const notCompleted = await refusal(recordInspection(db, scene.dma, scene.task.id, inspection(sample)));
      expect(notCompleted.code).toBe("conflict");
      expect(notCompleted.message).toMatch(/in progress/i);
      // A donor reads no task's QA records.
      const donorActor: Actor = { id: scene.dma.id, role: "DONOR", organisationId: scene.dma.organisationId };
      expect(await taskQuality(db, donorActor, scene.task.id)).toBeNull();
    });
  });

  describe("QA figures on the dashboard", () => {
    it("counts visits, open and overdue non-conformities, inspections and reopened land by operator, in the view", async () => {
      const db = t().db;
      const scene = await partlyReleasedTask(db, [43.3, 36.0]);
      const { nonConformityIds } = await recordMonitoringVisit(db, scene.dma, scene.task.id, {
        team: "Team 1",
        visitedOn: "2026-10-12",
        inspector: "QA officer",
        findings: "Two departures from the SOP.",
        nonConformities: [
          { description: "No marking", severity: "CRITICAL", correctiveAction: "Mark", deadline: "2026-10-14" },
          { description: "Old maps", severity: "MINOR", correctiveAction: "Update", deadline: "2026-10-19" },
        ],
      });
      await closeNonConformity(db, scene.dma, nonConformityIds[1]!, { closedOn: "2026-10-18", note: "Maps seen." });
      await completeTask(db, scene.partner, scene.task.id, completionBody({ remainderReason: REMAINDER }));
      const sample = strip(scene.boundary, 0.1, 0.2);
      await recordInspection(db, scene.dma, scene.task.id, inspection(sample, { result: "PASSED", itemsFound: 0 }));
      const failed = await recordInspection(
        db,
        scene.dma,
        scene.task.id,
        inspection(sample, { inspectedOn: "2026-11-26" }),
      );

      const partner = scene.partnerOrganisation.id;
      const rowOf = async (f: Parameters<typeof getQualityByOperator>[2], viewer: Actor = scene.dma) =>
        (await getQualityByOperator(db, viewer, { partner, ...f })).find((r) => r.operatorId === partner);
      expect(await rowOf({})).toMatchObject({
        operator: scene.partnerOrganisation.name,
        visits: 1,
        openNonConformities: 1,
        overdueNonConformities: 1,
        inspectionsPassed: 1,
        inspectionsFailed: 1,
        tasks: [{ id: scene.task.id, code: scene.task.code }],
      });
      expect((await rowOf({}))!.reopenedM2).toBeCloseTo(failed.reopenedM2, 9);
      // The period: visits and inspections in it; non-conformities as they stood at its end.
      expect(await rowOf({ from: "2026-11-26" })).toMatchObject({
        visits: 0,
        openNonConformities: 1,
        inspectionsPassed: 0,
        inspectionsFailed: 1,
      });
      expect(await rowOf({ to: "2026-10-13" })).toMatchObject({
        visits: 1,
        openNonConformities: 2,
        overdueNonConformities: 0,
        inspectionsFailed: 0,
        reopenedM2: 0,
      });
      // Its task lies in Ninewa: a view of the Kurdistan Region or of another governorate has none of it.
      expect(await rowOf({ region: "kurdistan" })).toBeUndefined();
      expect(await rowOf({ governorate: "IQG11" })).toBeUndefined();
      expect(await rowOf({ region: "federal" })).toBeDefined();
      // Each viewer's own tasks: the operator sees its row, the other region's authority none of it.
      expect((await getQualityByOperator(db, scene.partner)).map((r) => r.operatorId)).toEqual([partner]);
      expect(await rowOf({}, await authority(db, "KURDISTAN"))).toBeUndefined();
      const admin = await account(db, scene.dma.organisationId, "ADMIN");
      expect((await rowOf({}, admin))?.visits).toBe(1);
    });
  });
});
