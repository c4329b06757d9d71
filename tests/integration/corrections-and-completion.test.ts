import fs from "node:fs";
import path from "node:path";
import type { Polygon } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { completeTask } from "@/lib/server/commands/complete-task";
import { handOverTask } from "@/lib/server/commands/hand-over-task";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import { transitionTask } from "@/lib/server/commands/transition-task";
import { bodyWithGeometry, geometryUpload, jsonBody, MAX_BODY_BYTES } from "@/lib/server/http";
import type { Actor } from "@/lib/server/permissions";
import { getNationalProgress } from "@/lib/server/queries/progress";
import { authority, partlyReleasedTask } from "@/tests/factories";
import { refusal } from "@/tests/helpers/actors";
import { completionBody, inspection } from "@/tests/helpers/completion";
import { DATABASE_KINDS, useReferenceDatabase } from "@/tests/helpers/databases";
import { strip as stripOf } from "@/tests/helpers/shapes";

const report = (geometry: unknown, extra: Record<string, unknown> = {}) => ({
  method: "cleared",
  clearanceDepthCm: 30,
  periodStart: "2026-10-01",
  periodEnd: "2026-10-31",
  geometry,
  ...extra,
});

describe.each(DATABASE_KINDS)("corrections of approved reports on %s", (kind) => {
  const t = useReferenceDatabase(kind);
  // A 600 m × 400 m hazardous area of DMA's in Ninewa; the partner's approved clearance covers its western 60 %.
  let scene: Awaited<ReturnType<typeof partlyReleasedTask>>;
  beforeAll(async () => {
    scene = await partlyReleasedTask(t().db);
  });
  const strip = (from: number, to: number) => stripOf(scene.boundary, from, to);
  const task = async () => scene.task;
  const hazard = () => t().db.hazardArea.findUniqueOrThrow({ where: { id: scene.hazardArea.id } });
  const countedInForce = async (hazardAreaId: string) =>
    (
      await t().db.landReleaseReport.aggregate({
        where: { hazardAreaId, status: "APPROVED" },
        _sum: { countedAreaM2: true },
      })
    )._sum.countedAreaM2 ?? 0;

  it("a correction counts only once approved, then replaces the old report, which is kept as superseded; totals move by the difference", async () => {
    const [partner, dma] = [scene.partner, scene.dma];
    const original = await submitLandReleaseReport(t().db, partner, (await task()).id, report(strip(0.6, 0.9)));
    await reviewLandReleaseReport(t().db, dma, original.id, { decision: "approve" });
    const approved = await t().db.landReleaseReport.findUniqueOrThrow({ where: { id: original.id } });
    const before = await getNationalProgress(t().db);

    // The field team finds the cleared strip ended at 0.8, not 0.9.
    const correction = await submitLandReleaseReport(
      t().db,
      partner,
      (await task()).id,
      report(strip(0.6, 0.8), { supersedesId: original.id }),
    );
    expect((await getNationalProgress(t().db)).releasedM2.total).toBe(before.releasedM2.total);
    await reviewLandReleaseReport(t().db, dma, correction.id, { decision: "approve" });

    const [old, corrected, area] = await Promise.all([
      t().db.landReleaseReport.findUniqueOrThrow({ where: { id: original.id } }),
      t().db.landReleaseReport.findUniqueOrThrow({ where: { id: correction.id } }),
      hazard(),
    ]);
    expect(old.status).toBe("SUPERSEDED");
    expect(old.countedAreaM2).toBe(approved.countedAreaM2); // history kept as it was
    expect(corrected.status).toBe("APPROVED");
    expect(corrected.supersedesId).toBe(original.id);
    expect(corrected.countedAreaM2).toBeCloseTo(geodesicAreaM2(strip(0.6, 0.8)), 0);
    // Parts add up: the reports in force make the hazardous area's total, and its released polygon measures the same.
    expect(area.releasedM2).toBeCloseTo(await countedInForce(area.id), 6);
    expect(geodesicAreaM2(area.releasedGeometry as never)).toBeCloseTo(area.releasedM2, 0);
    const after = await getNationalProgress(t().db);
    expect(after.releasedM2.total - before.releasedM2.total).toBeCloseTo(
      corrected.countedAreaM2 - approved.countedAreaM2,
      4,
    );
    const audit = await t().db.auditEvent.findFirstOrThrow({
      where: { entityId: correction.id, action: "report.approveCorrection" },
    });
    expect(audit.before).toMatchObject({ supersedes: original.id });
  });

  it("a rejected correction leaves the approved report counted; only approved reports are corrected; a superseded report cannot be replaced twice", async () => {
    const [partner, dma] = [scene.partner, scene.dma];
    const taskId = (await task()).id;
    const original = await submitLandReleaseReport(t().db, partner, taskId, report(strip(0.9, 0.95)));
    expect(
      (
        await refusal(
          submitLandReleaseReport(t().db, partner, taskId, report(strip(0.9, 0.93), { supersedesId: original.id })),
        )
      ).message,
    ).toMatch(/only approved reports are corrected/);
    await reviewLandReleaseReport(t().db, dma, original.id, { decision: "approve" });
    const total = (await getNationalProgress(t().db)).releasedM2.total;

    const first = await submitLandReleaseReport(
      t().db,
      partner,
      taskId,
      report(strip(0.9, 0.93), { supersedesId: original.id }),
    );
    const second = await submitLandReleaseReport(
      t().db,
      partner,
      taskId,
      report(strip(0.9, 0.94), { supersedesId: original.id }),
    );
    const third = await submitLandReleaseReport(
      t().db,
      partner,
      taskId,
      report(strip(0.9, 0.92), { supersedesId: original.id }),
    );
    await reviewLandReleaseReport(t().db, dma, first.id, {
      decision: "reject",
      reason: "The QC sheet shows the full strip.",
    });
    expect((await t().db.landReleaseReport.findUniqueOrThrow({ where: { id: original.id } })).status).toBe("APPROVED");
    expect((await getNationalProgress(t().db)).releasedM2.total).toBe(total);

    await reviewLandReleaseReport(t().db, dma, second.id, { decision: "approve" });
    expect(
      (
        await refusal(
          submitLandReleaseReport(t().db, partner, taskId, report(strip(0.9, 0.92), { supersedesId: original.id })),
        )
      ).code,
    ).toBe("invalid_request");
    expect((await refusal(reviewLandReleaseReport(t().db, dma, third.id, { decision: "approve" }))).message).toMatch(
      /no longer approved/,
    );
    expect((await t().db.landReleaseReport.findUniqueOrThrow({ where: { id: third.id } })).status).toBe("SUBMITTED");
  });
});

describe.each(DATABASE_KINDS)("completion report and handover on %s", (kind) => {
  const t = useReferenceDatabase(kind);

  it("the partner completes once no report awaits review; the authority records the handover once, with attendees", async () => {
    // The partner's task at work on a hazardous area cleared to 60 %, with a report of the rest awaiting review.
    const scene = await partlyReleasedTask(t().db);
    const [partner, dma] = [scene.partner, scene.dma];
    const strip = (from: number, to: number) => stripOf(scene.boundary, from, to);
    // Its first report started the work.
    expect((await t().db.task.findUniqueOrThrow({ where: { id: scene.task.id } })).status).toBe("IN_PROGRESS");
    await submitLandReleaseReport(t().db, partner, scene.task.id, report(strip(0.6, 1)));
    const task = await t().db.task.findUniqueOrThrow({
      where: { id: scene.task.id },
      include: { hazardAreas: { include: { hazardArea: true } } },
    });
    const pending = await refusal(completeTask(t().db, partner, task.id, completionBody()));
    expect(pending.message).toMatch(/awaits? review/);
    for (const r of await t().db.landReleaseReport.findMany({ where: { taskId: task.id, status: "SUBMITTED" } })) {
      await reviewLandReleaseReport(t().db, dma, r.id, { decision: "approve" });
    }
    expect((await refusal(completeTask(t().db, dma, task.id, completionBody()))).code).toBe("forbidden");
    expect(
      (await refusal(completeTask(t().db, partner, task.id, completionBody({ completedOn: "20 Nov" })))).code,
    ).toBe("invalid_request");
    // IMAS 08.30's content is required: no residual-risk statement or holder, no benchmark, no completion.
    const bare = await refusal(completeTask(t().db, partner, task.id, { completedOn: "2026-11-20" }));
    const fields = (bare.details as { path: string[] }[]).map((i) => i.path.join("."));
    expect(fields).toEqual(
      expect.arrayContaining(["markers", "benchmark", "benchmarkDescription", "residualRisk", "residualRiskHolder"]),
    );
    // The task cleared land: the depth it was cleared to is part of the record.
    const depth = await refusal(
      completeTask(t().db, partner, task.id, completionBody({ clearanceDepthCm: undefined })),
    );
    expect(depth.message).toMatch(/cleared [\d,]+\sm²: give the depth/);

    // Its strips stop 1e-5° short of the area's north and south edges: slivers the task did not release.
    const hazard = await t().db.hazardArea.findUniqueOrThrow({ where: { id: task.hazardAreas[0]!.hazardAreaId } });
    const left = await refusal(completeTask(t().db, partner, task.id, completionBody()));
    expect(left.message).toMatch(/^[\d,]+\sm² of the task's hazardous areas is not released\. .*record the remainder/);
    const reason = "Slivers along the north and south edges remain a hazardous area: outside the fenced lanes.";
    // The remainder's m² are measured: a figure sent with the report is not read.
    const done = await completeTask(
      t().db,
      partner,
      task.id,
      completionBody({ remainderReason: reason, remainderM2: 1 }),
    );
    expect(done.status).toBe("completed");
    const completion = await t().db.completionReport.findFirstOrThrow({ where: { taskId: task.id } });
    expect(geodesicAreaM2(completion.geometry as never)).toBeCloseTo(hazard.releasedM2, 0);
    expect(completion.remainderM2).toBeCloseTo(hazard.areaM2 - hazard.releasedM2, 3);
    expect(completion.remainderM2).toBeGreaterThan(1_000);
    expect(completion).toMatchObject({ remainderReason: reason, residualRiskHolder: expect.any(String) });
    expect((await refusal(submitLandReleaseReport(t().db, partner, task.id, report(strip(0.9, 1))))).code).toBe(
      "conflict",
    );

    // A handover of the task refused: by whom, on which date, to whom, and with how many men attending.
    const refusedHandOver = (by: Actor, handoverDate: string, recipient: string, attendeesMen?: number) =>
      refusal(handOverTask(t().db, by, task.id, { handoverDate, recipient, attendeesMen }));
    expect((await refusedHandOver(dma, "2026-11-25", "Village council")).message).toMatch(/incomplete/);
    expect((await refusedHandOver(dma, "2026-11-19", "Village council", 3)).message).toMatch(
      /before the work was completed/,
    );
    const ikmaa = await authority(t().db, "KURDISTAN");
    expect((await refusedHandOver(ikmaa, "2026-11-25", "Village council", 3)).code).toBe("not_found");
    // Handed over only after a passed post-clearance inspection.
    expect((await refusedHandOver(dma, "2026-11-25", "Village council", 3)).message).toMatch(
      /no passed post-clearance inspection/,
    );
    await inspection(t().db, task.id, dma.id, { result: "PASSED" });
    await handOverTask(t().db, dma, task.id, {
      handoverDate: "2026-11-25",
      recipient: "Village council",
      attendeesWomen: 5,
      attendeesMen: 7,
      attendeesGirls: 2,
      attendeesBoys: 1,
    });
    const certificate = await t().db.completionReport.findFirstOrThrow({ where: { taskId: task.id } });
    expect(certificate).toMatchObject({
      recipient: "Village council",
      attendeesWomen: 5,
      attendeesMen: 7,
      attendeesGirls: 2,
      attendeesBoys: 1,
    });
    expect((await refusedHandOver(dma, "2026-11-26", "Someone else", 1)).code).toBe("conflict");
    const history = await t().db.taskStatusChange.findMany({ where: { taskId: task.id }, orderBy: { at: "asc" } });
    expect(history.map((h) => h.toStatus).slice(-2)).toEqual(["COMPLETED", "HANDED_OVER"]);
    expect((await refusal(transitionTask(t().db, dma, task.id, { to: "cancelled" }))).message).toMatch(/final/);
  });
});

describe("a report or hazardous area sent as a file (multipart)", () => {
  const KML = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Polygon><outerBoundaryIs><LinearRing>
    <coordinates>43.0,36.3 43.01,36.3 43.01,36.31 43.0,36.31 43.0,36.3</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>`;
  const post = (form: FormData) => new Request("http://localhost/api/tasks/x/reports", { method: "POST", body: form });
  const form = (entries: Record<string, string | File>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(entries)) f.set(k, v);
    return f;
  };

  it("reads the file with lib/geo and merges the other fields from 'data'", async () => {
    const body = (await bodyWithGeometry(
      post(form({ file: new File([KML], "lanes.kml"), data: JSON.stringify({ method: "cleared" }) })),
    )) as { method: string; geometry: { features: { geometry: Polygon }[] } };
    expect(body.method).toBe("cleared");
    expect(body.geometry.features[0]!.geometry.coordinates[0]![1]).toEqual([43.01, 36.3]);
  });

  it("tells the caller the coordinate system the file was read in and the datum shift applied, with its accuracy", async () => {
    const zip = fs.readFileSync(path.join(import.meta.dirname, "../fixtures/geo/datums/epsg-7006.zip"));
    const upload = await geometryUpload(
      post(form({ file: new File([zip], "zub-07.zip"), data: JSON.stringify({ method: "cleared" }) })),
    );
    expect(upload.read?.sourceCrs).toBe("EPSG:7006");
    expect(upload.read!.notes[0]!.en).toMatch(/Nahrwan 1934.*EPSG:7033.*about 30 m/);
    expect((await geometryUpload(post(form({ file: new File([KML], "lanes.kml") })))).read).toEqual({
      sourceCrs: "EPSG:4326",
      notes: [],
    });
  });

  it("says what is wrong: no file, data not JSON, a bad zone, an unreadable file", async () => {
    expect((await refusal(bodyWithGeometry(post(form({ data: "{}" }))))).message).toMatch(/'file'/);
    expect(
      (await refusal(bodyWithGeometry(post(form({ file: new File([KML], "a.kml"), data: "{method" }))))).message,
    ).toMatch(/'data' must be JSON/);
    expect(
      (await refusal(bodyWithGeometry(post(form({ file: new File([KML], "a.kml"), utmZone: "39" }))))).message,
    ).toMatch(/37 or 38/);
    const unreadable = await refusal(bodyWithGeometry(post(form({ file: new File(["x"], "lanes.dwg") }))));
    expect(unreadable.code).toBe("unprocessable");
    expect(unreadable.message).toMatch(/not a format this app reads/);
  });

  it("refuses a body over the limit with 413, by its Content-Length or as soon as a chunked one passes it", async () => {
    const declared = new Request("http://localhost/api/tasks/x/reports", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) },
      body: "{}",
    });
    expect((await refusal(jsonBody(declared))).code).toBe("too_large");
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const chunked = new Request("http://localhost/api/tasks/x/reports", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    const refused = await refusal(bodyWithGeometry(chunked));
    expect(refused.code).toBe("too_large");
    expect(refused.message).toMatch(/over 25 MB/);
    expect(sent).toBeLessThan(MAX_BODY_BYTES + 4 * chunk.byteLength); // stopped reading, not buffered to the end
  });
});
