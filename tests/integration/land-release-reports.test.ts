import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { type Areal, difference, intersection, union } from "@/lib/geo/boolean";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import { openDb } from "@/lib/server/prisma";
import { getNationalProgress } from "@/lib/server/queries/progress";
import { authority, donor, partlyReleasedTask, partner } from "@/tests/factories";
import { refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useReferenceDatabase } from "@/tests/helpers/databases";
import { strip as stripOf } from "@/tests/helpers/shapes";

const report = (geometry: unknown, method = "cleared") => ({
  method,
  ...(method === "cleared" ? { clearanceDepthCm: 30 } : {}),
  periodStart: "2026-10-01",
  periodEnd: "2026-10-31",
  geometry,
  devices: [{ type: "IMPROVISED_AP_MINE", count: 3 }],
});

describe.each(DATABASE_KINDS)("land-release reports on %s", (kind) => {
  const t = useReferenceDatabase(kind);
  // A 600 m × 400 m hazardous area of DMA's in Ninewa; the partner's approved clearance covers its western 60 %.
  let scene: Awaited<ReturnType<typeof partlyReleasedTask>>;
  beforeAll(async () => void (scene = await partlyReleasedTask(t().db)));
  const strip = (from: number, to: number) => stripOf(scene.boundary, from, to);
  const task = async () => scene.task;
  const hazardArea = () => t().db.hazardArea.findUniqueOrThrow({ where: { id: scene.hazardArea.id } });
  const counts = async () => ({
    reports: await t().db.landReleaseReport.count(),
    audit: await t().db.auditEvent.count(),
  });

  it("a partner submits a report on its task: stored as submitted, accounted, audited, not yet counted", async () => {
    const before = await getNationalProgress(t().db);
    const r = await submitLandReleaseReport(t().db, scene.partner, (await task()).id, report(strip(0.5, 0.75)));
    expect(r.status).toBe("SUBMITTED");
    expect(r.alreadyReleasedM2).toBeGreaterThan(0); // 0.5–0.6 was released before
    expect(r.outsideHazardM2 + r.alreadyReleasedM2 + r.countedAreaM2).toBeCloseTo(r.submittedAreaM2, 3);
    const audit = await t().db.auditEvent.findFirstOrThrow({ where: { entityId: r.id } });
    expect(audit.action).toBe("report.submit");
    expect((await getNationalProgress(t().db)).releasedM2.total).toBe(before.releasedM2.total);
  });

  it("a submission sent again after a dropped connection (same clientRef) answers with the report already made", async () => {
    const partner = scene.partner;
    const body = { ...report(strip(0.3, 0.4)), clientRef: "d4b1c2e3-draft-0001" };
    const first = await submitLandReleaseReport(t().db, partner, (await task()).id, body);
    const before = await counts();
    // Sent again, and twice at once: one report, one audit entry.
    const again = await Promise.all([
      submitLandReleaseReport(t().db, partner, (await task()).id, body),
      submitLandReleaseReport(t().db, partner, (await task()).id, body),
    ]);
    expect(again.map((r) => [r.id, r.replayed])).toEqual([
      [first.id, true],
      [first.id, true],
    ]);
    expect(again[0]!.countedAreaM2).toBe(first.countedAreaM2);
    expect(await counts()).toEqual(before);
    // Another submission of the same polygon, with its own clientRef, is a new report.
    expect(
      (await submitLandReleaseReport(t().db, partner, (await task()).id, { ...body, clientRef: "d4b1c2e3-draft-0002" }))
        .id,
    ).not.toBe(first.id);
    expect(
      (await refusal(submitLandReleaseReport(t().db, partner, (await task()).id, { ...body, clientRef: "x" }))).details,
    ).toEqual([expect.objectContaining({ path: ["clientRef"] })]);
  });

  it("refuses a bad polygon with the geometry error, and stores nothing", async () => {
    const before = await counts();
    const e = await refusal(
      submitLandReleaseReport(
        t().db,
        scene.partner,
        (await task()).id,
        report({
          type: "Polygon",
          coordinates: [
            [
              [43.05, 36.3],
              [43.06, 36.3],
              [43.05, 36.3],
            ],
          ],
        }),
      ),
    );
    expect(e.code).toBe("unprocessable");
    expect((e.details as { problems: { code: string }[] }).problems[0]!.code).toBe("TOO_FEW_POSITIONS");
    const outside = await refusal(
      submitLandReleaseReport(t().db, scene.partner, (await task()).id, report(strip(2, 2.2))),
    );
    expect(outside.message).toContain(scene.hazardArea.code);
    expect(await counts()).toEqual(before);
  });

  it("asks cleared land for its clearance depth and refuses one on cancelled land (IMAS 09.10), writing nothing", async () => {
    const before = { ...(await counts()), devices: await t().db.deviceFound.count() };
    const { clearanceDepthCm: _, ...withoutDepth } = report(strip(0.6, 0.62));
    const missing = await refusal(submitLandReleaseReport(t().db, scene.partner, (await task()).id, withoutDepth));
    expect(missing.code).toBe("invalid_request");
    expect(missing.message).toMatch(/^clearanceDepthCm is required for cleared land: give the depth cleared to/);
    expect((missing.details as { path: string[] }[]).map((d) => d.path)).toEqual([["clearanceDepthCm"]]);
    const onCancelled = { ...report(strip(0.6, 0.62), "cancelled"), clearanceDepthCm: 30 };
    const refused = await refusal(submitLandReleaseReport(t().db, scene.partner, (await task()).id, onCancelled));
    expect(refused.message).toMatch(/^clearanceDepthCm is refused for cancelled land.*Leave the depth out/);
    expect(refused.text.ar).toMatch(/[\u0600-\u06FF]/);
    expect({ ...(await counts()), devices: await t().db.deviceFound.count() }).toEqual(before);

    const cleared = await submitLandReleaseReport(t().db, scene.partner, (await task()).id, report(strip(0.6, 0.62)));
    const reduced = await submitLandReleaseReport(
      t().db,
      scene.partner,
      (await task()).id,
      report(strip(0.62, 0.64), "reduced"),
    );
    const stored = await t().db.landReleaseReport.findMany({
      where: { id: { in: [cleared.id, reduced.id] } },
      select: { method: true, clearanceDepthCm: true },
      orderBy: { method: "asc" },
    });
    expect(stored).toEqual([
      { method: "REDUCED", clearanceDepthCm: null },
      { method: "CLEARED", clearanceDepthCm: 30 },
    ]);
  });

  it("keeps partners and donors off other partners' tasks", async () => {
    const rival = (await partner(t().db)).actor;
    const e = await refusal(submitLandReleaseReport(t().db, rival, (await task()).id, report(strip(0.7, 0.8))));
    expect(e.code).toBe("not_found");
    expect(
      (
        await refusal(
          submitLandReleaseReport(t().db, (await donor(t().db)).actor, (await task()).id, report(strip(0.7, 0.8))),
        )
      ).code,
    ).toBe("forbidden");
  });

  it("approval recomputes the counted area, moves the totals by exactly that, and cannot be repeated", async () => {
    const partner = scene.partner;
    const dma = scene.dma;
    const submitted = await submitLandReleaseReport(t().db, partner, (await task()).id, report(strip(0.85, 0.95)));
    expect(
      (
        await refusal(
          reviewLandReleaseReport(t().db, await authority(t().db, "KURDISTAN"), submitted.id, { decision: "approve" }),
        )
      ).code,
    ).toBe("not_found");
    const hazardBefore = await hazardArea();
    const progressBefore = await getNationalProgress(t().db);
    const approved = await reviewLandReleaseReport(t().db, dma, submitted.id, { decision: "approve" });
    expect(approved.status).toBe("APPROVED");
    const hazardAfter = await hazardArea();
    expect(hazardAfter.releasedM2 - hazardBefore.releasedM2).toBeCloseTo(approved.countedAreaM2, 6);
    expect(geodesicAreaM2(hazardAfter.releasedGeometry as unknown as Areal)).toBeCloseTo(hazardAfter.releasedM2, 0);
    const progressAfter = await getNationalProgress(t().db);
    expect(progressAfter.releasedM2.cleared - progressBefore.releasedM2.cleared).toBeCloseTo(approved.countedAreaM2, 6);
    expect((await refusal(reviewLandReleaseReport(t().db, dma, submitted.id, { decision: "approve" }))).code).toBe(
      "conflict",
    );
    const audit = await t().db.auditEvent.findFirstOrThrow({
      where: { entityId: submitted.id, action: "report.approve" },
    });
    expect(audit.actorUserId).toBe(dma.id);
  });

  it("a rejection needs a reason and counts nothing", async () => {
    const submitted = await submitLandReleaseReport(
      t().db,
      scene.partner,
      (await task()).id,
      report(strip(0.6, 0.65), "reduced"),
    );
    const dma = scene.dma;
    expect((await refusal(reviewLandReleaseReport(t().db, dma, submitted.id, { decision: "reject" }))).code).toBe(
      "invalid_request",
    );
    const before = await getNationalProgress(t().db);
    expect(
      (
        await reviewLandReleaseReport(t().db, dma, submitted.id, {
          decision: "reject",
          reason: "No QC sheet attached.",
        })
      ).status,
    ).toBe("REJECTED");
    expect((await getNationalProgress(t().db)).releasedM2.total).toBe(before.releasedM2.total);
  });

  it("overlapping reports approved together never count a square metre twice", async () => {
    const partner = scene.partner;
    const dma = scene.dma;
    const id = (await task()).id;
    const a = await submitLandReleaseReport(t().db, partner, id, report(strip(0.62, 0.8)));
    const b = await submitLandReleaseReport(t().db, partner, id, report(strip(0.7, 0.9)));
    const hazardBefore = await hazardArea();
    // On PostgreSQL the second approval comes through another client, as from a second app instance.
    const second = t().url ? await openDb({ databaseUrl: t().url! }) : undefined;
    const [ra, rb] = await Promise.all([
      reviewLandReleaseReport(t().db, dma, a.id, { decision: "approve" }),
      reviewLandReleaseReport(second?.db ?? t().db, dma, b.id, { decision: "approve" }),
    ]).finally(() => second?.close());
    const hazardAfter = await hazardArea();
    const releasedBefore = hazardBefore.releasedGeometry as unknown as Areal;
    const hazard = hazardBefore.geometry as unknown as Areal;
    const newLand = difference(intersection(union(strip(0.62, 0.8), strip(0.7, 0.9))!, hazard)!, releasedBefore);
    const newM2 = newLand ? geodesicAreaM2(newLand) : 0;
    expect(Math.abs(ra.countedAreaM2 + rb.countedAreaM2 - newM2)).toBeLessThan(1e-5 * newM2);
    expect(hazardAfter.releasedM2 - hazardBefore.releasedM2).toBeCloseTo(ra.countedAreaM2 + rb.countedAreaM2, 6);
  });
});

// A deterministic race, PostgreSQL only (PGlite runs one transaction at a time by construction):
// another instance's approval holds the hazardous area while it releases land; ours must wait and
// then account against that land, not the state it would have read without the lock.
describe.each(DATABASE_KINDS.filter((k) => k === "postgresql"))(
  "approval under a concurrent approval on %s",
  (kind) => {
    const t = useReferenceDatabase(kind);

    it("waits for the hazardous area's lock and counts only land the other approval left", async () => {
      const db = t().db;
      const scene = await partlyReleasedTask(db);
      const strip = (from: number, to: number) => stripOf(scene.boundary, from, to);
      const dma = scene.dma;
      const b = await submitLandReleaseReport(db, scene.partner, scene.task.id, report(strip(0.7, 0.9)));

      const other = new pg.Client({ connectionString: t().url });
      await other.connect();
      try {
        await other.query("BEGIN");
        const row = await other.query(
          'SELECT id, geometry, "releasedGeometry", "releasedM2" FROM "HazardArea" WHERE id = $1 FOR UPDATE',
          [scene.hazardArea.id],
        );
        let settled = false;
        const approval = reviewLandReleaseReport(db, dma, b.id, { decision: "approve" }).finally(
          () => (settled = true),
        );
        await new Promise((r) => setTimeout(r, 500));
        expect(settled).toBe(false); // blocked on the lock

        const hazard = row.rows[0].geometry as Areal;
        const releasedBefore = row.rows[0].releasedGeometry as Areal;
        const aInside = intersection(strip(0.62, 0.8), hazard)!;
        const releasedNow = union(releasedBefore, aInside)!;
        const aCounted = geodesicAreaM2(difference(aInside, releasedBefore)!);
        await other.query('UPDATE "HazardArea" SET "releasedGeometry" = $1, "releasedM2" = $2 WHERE id = $3', [
          JSON.stringify(releasedNow),
          row.rows[0].releasedM2 + aCounted,
          row.rows[0].id,
        ]);
        await other.query("COMMIT");

        const rb = await approval;
        const expected = geodesicAreaM2(difference(intersection(strip(0.7, 0.9), hazard)!, releasedNow)!);
        expect(Math.abs(rb.countedAreaM2 - expected)).toBeLessThan(1e-6 * expected);
      } finally {
        await other.end();
      }
    });
  },
);
