import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { intersection } from "@/lib/geo/boolean";
import { turningPoints } from "@/lib/geo/turning-points";
import { formatM2 } from "@/lib/i18n/format";
import { ZExportFilter } from "@/lib/schemas/export-filter";
import { completeTask } from "@/lib/server/commands/complete-task";
import { handOverTask } from "@/lib/server/commands/hand-over-task";
import { buildExport } from "@/lib/server/exports";
import { toJson } from "@/lib/server/json";
import { getTaskCompletion } from "@/lib/server/queries/completion";
import { approvedRelease, partlyReleasedTask, partner, task as taskOrder } from "@/tests/factories";
import { refusal } from "@/tests/helpers/actors";
import { completionBody, inspection } from "@/tests/helpers/completion";
import { DATABASE_KINDS, useReferenceDatabase } from "@/tests/helpers/databases";
import { box, strip as stripOf } from "@/tests/helpers/shapes";
import "@/tests/helpers/geometry-engine";

/** A figure as pdftotext gives it back: the no-break space between figure and unit comes out as a plain one. */
const m2 = (value: number) => formatM2(value, "en").replaceAll("\u00a0", " ");
const pdfText = (pdf: Uint8Array) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "pdf-")), "certificate.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"])
    .toString("utf8")
    .replace(/[ \t]+/g, " ");
};
const handover = { handoverDate: "2026-11-25", recipient: "Village council", attendeesWomen: 3, attendeesMen: 4 };

describe.each(DATABASE_KINDS)("a completion certificate on %s", (kind) => {
  const t = useReferenceDatabase(kind);
  // A 600 m × 400 m hazardous area: this task cleared its western 60 % and cancelled its eastern 20 %; another
  // partner's task, on the same area, reduced the strip between them.
  let scene: Awaited<ReturnType<typeof partlyReleasedTask>>;
  let ownM2: { cleared: number; cancelled: number };
  let othersM2: number;
  const strip = (from: number, to: number) => stripOf(scene.boundary, from, to);
  const certificate = () => getTaskCompletion(t().db, scene.dma, scene.task.id);
  const pdf = async () =>
    pdfText(
      (
        await buildExport(
          t().db,
          scene.dma,
          "completion.pdf",
          ZExportFilter.parse({ task: scene.task.id }),
          new Date("2026-11-26T10:00:00Z"),
        )
      ).body as Uint8Array,
    );

  beforeAll(async () => {
    scene = await partlyReleasedTask(t().db, [43.07, 36.32]);
    const other = await partner(t().db);
    const theirs = await taskOrder(t().db, scene.dma, {
      hazardAreas: [scene.hazardArea],
      partnerId: other.organisation.id,
    });
    const who = { reviewer: scene.dma };
    othersM2 = (
      await approvedRelease(t().db, { ...who, partner: other.actor }, theirs.id, {
        geometry: strip(0.6, 0.8),
        method: "reduced",
      })
    ).countedAreaM2;
    const cancelled = await approvedRelease(t().db, { ...who, partner: scene.partner }, scene.task.id, {
      geometry: strip(0.8, 1),
      method: "cancelled",
    });
    const cleared = await t().db.landReleaseReport.findFirstOrThrow({
      where: { taskId: scene.task.id, method: "CLEARED", status: "APPROVED" },
    });
    ownM2 = { cleared: cleared.countedAreaM2, cancelled: cancelled.countedAreaM2 };
  });

  it("states only this task's land, not another partner's in the same area nor 'released by anyone'", async () => {
    // The strips stop short of the area's north and south edges: that remainder is recorded, or completion is refused.
    const left = await refusal(completeTask(t().db, scene.partner, scene.task.id, completionBody()));
    expect(left.code).toBe("conflict");
    const reason = "Remains a hazardous area: access denied along the pipeline easement to the north and south.";
    await completeTask(t().db, scene.partner, scene.task.id, completionBody({ remainderReason: reason }));

    const hazard = await t().db.hazardArea.findUniqueOrThrow({ where: { id: scene.hazardArea.id } });
    const c = (await certificate())!;
    const ownTotal = ownM2.cleared + ownM2.cancelled;
    expect(c.land!.byMethod).toEqual({ CLEARED: ownM2.cleared, CANCELLED: ownM2.cancelled, REDUCED: 0 });
    // The land is this task's two strips, apart: the other partner's strip between them is not in it.
    expect(geodesicAreaM2(c.land!.geometry!)).toBeCloseTo(ownTotal, 0);
    expect(hazard.releasedM2).toBeCloseTo(ownTotal + othersM2, 0);
    const points = turningPoints(c.land!.geometry as never);
    expect(new Set(points.map((p) => p.part)).size).toBe(2);
    expect(c.completion!.remainderM2).toBeCloseTo(hazard.areaM2 - hazard.releasedM2, 3);

    const text = await pdf();
    expect(text).toContain("Completion report and handover certificate");
    expect(text).toContain("IMAS 08.30");
    expect(text).toMatch(new RegExp(`Cleared \\(?[^\\n]*${m2(ownM2.cleared)}`));
    expect(text).toMatch(new RegExp(`Cancelled[^\\n]*${m2(ownM2.cancelled)}`));
    expect(text).toMatch(new RegExp(`Total ${m2(ownTotal)}`));
    expect(text).toContain(`Turning points (WGS 84), ${points.length}`);
    expect(text).toMatch(/38N \d{6} \d{7}/);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(`Unreleased remainder: ${m2(c.completion!.remainderM2)} of the task's hazardous areas`);
    expect(flat).toContain("access denied along the pipeline easement");
    expect(flat).toContain("Clearance depth 30 cm");
    expect(flat).toContain("Painted stone cairns at each turning point");
    expect(flat).toContain("Concrete post at the south-west corner");
    expect(flat).toContain("36.297500, 43.042100");
    expect(flat).toContain("items below 30 cm cannot be ruled out");
    expect(flat).toContain("Residual risk held by: The land user (village council)");
    expect(flat).toContain("Not inspected since this completion report was filed");
  });

  it("is handed over only after a passed post-clearance inspection recorded since the completion", async () => {
    const refused = async () => (await refusal(handOverTask(t().db, scene.dma, scene.task.id, handover))).message;
    expect(await refused()).toMatch(/no passed post-clearance inspection/);
    await inspection(t().db, scene.task.id, scene.dma.id, { result: "FAILED", inspectedOn: "2026-11-23" });
    expect(await refused()).toMatch(/the last inspection failed on Nov\s23,\s2026/);
    expect((await t().db.task.findUniqueOrThrow({ where: { id: scene.task.id } })).status).toBe("COMPLETED");
  });

  it("leaves out land a failed inspection reopened; completed again, the earlier report stays as history", async () => {
    const db = t().db;
    // What the inspection command writes on a failure: an approved reopening of the western third of the cleared
    // land, the area's released land smaller by it, and the task back at work.
    const release = await db.landReleaseReport.findFirstOrThrow({
      where: { taskId: scene.task.id, method: "CLEARED", status: "APPROVED" },
    });
    // The land reopened is the released land in the failed sample: the western fifth of the area, edge to edge.
    const lons = scene.boundary.coordinates[0]!.map(([lon]) => lon!);
    const lats = scene.boundary.coordinates[0]!.map(([, lat]) => lat!);
    const [west, east] = [Math.min(...lons), Math.max(...lons)];
    const sample = box(west - 0.001, Math.min(...lats) - 0.001, west + 0.2 * (east - west), Math.max(...lats) + 0.001);
    const reopened = intersection(sample, release.countedGeometry as never)!;
    const reopenedM2 = geodesicAreaM2(reopened);
    const failed = await db.inspection.findFirstOrThrow({ where: { taskId: scene.task.id, result: "FAILED" } });
    await db.landReleaseReport.create({
      data: {
        taskId: scene.task.id,
        hazardAreaId: scene.hazardArea.id,
        partnerId: release.partnerId,
        method: "CLEARED",
        kind: "REOPENING",
        reopensId: release.id,
        inspectionId: failed.id,
        periodStart: failed.inspectedOn,
        periodEnd: failed.inspectedOn,
        submittedGeometry: toJson(reopened),
        submittedAreaM2: reopenedM2,
        outsideHazardM2: 0,
        alreadyReleasedM2: 0,
        countedAreaM2: -reopenedM2,
        countedGeometry: toJson(reopened),
        status: "APPROVED",
        reviewedAt: new Date(),
      },
    });
    await db.hazardArea.update({
      where: { id: scene.hazardArea.id },
      data: { releasedM2: { decrement: reopenedM2 } },
    });
    await db.task.update({ where: { id: scene.task.id }, data: { status: "IN_PROGRESS" } });
    const atWork = (await certificate())!;
    expect(atWork.completion).toBeNull();
    expect(atWork.earlierCompletions).toHaveLength(1);

    // The reopened land is unreleased again: the remainder grows by it and must be recorded anew.
    const before = (await db.completionReport.findFirstOrThrow({ where: { taskId: scene.task.id } })).remainderM2;
    const left = await refusal(completeTask(db, scene.partner, scene.task.id, completionBody()));
    expect(left.message).toContain(formatM2(before + reopenedM2, "en"));
    const reason = "The reopened lanes remain a hazardous area: re-clearance planned for spring.";
    await completeTask(
      db,
      scene.partner,
      scene.task.id,
      completionBody({ completedOn: "2026-11-24", remainderReason: reason }),
    );
    expect(await db.completionReport.count({ where: { taskId: scene.task.id } })).toBe(2);

    const c = (await certificate())!;
    expect(c.earlierCompletions).toHaveLength(1);
    expect(c.completion!.remainderM2).toBeCloseTo(before + reopenedM2, 1);
    expect(c.land!.byMethod.CLEARED).toBeCloseTo(ownM2.cleared - reopenedM2, 6);
    expect(geodesicAreaM2(c.land!.geometry!)).toBeCloseTo(ownM2.cleared + ownM2.cancelled - reopenedM2, 0);
    // Its turning points start where the reopened land ends, a fifth of the way east.
    const landWest = Math.min(...turningPoints(c.land!.geometry as never).map((p) => p.lon));
    expect(landWest).toBeCloseTo(west + 0.2 * (east - west), 9);

    // The failed inspection judged the land before it was re-cleared: a new one is needed, and it must pass.
    const refusedNow = await refusal(handOverTask(db, scene.dma, scene.task.id, handover));
    expect(refusedNow.message).toMatch(/no passed post-clearance inspection/);
    await inspection(db, scene.task.id, scene.dma.id, { result: "PASSED", inspectedOn: "2026-11-25" });
    expect((await handOverTask(db, scene.dma, scene.task.id, handover)).status).toBe("handed_over");
    const text = (await pdf()).replace(/\s+/g, " ");
    expect(text).toContain("Result Passed");
    expect(text).toContain("Inspector QA officer Layla Hassan");
    expect(text).toMatch(new RegExp(`Total ${m2(ownM2.cleared + ownM2.cancelled - reopenedM2)}`));
    expect(text).toContain("Received by Village council");
    expect(text).toContain("7 (women 3, men 4, girls 0, boys 0)");
  });
});
