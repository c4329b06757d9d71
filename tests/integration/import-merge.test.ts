import { describe, expect, it } from "vitest";
import { commitRegisterImport } from "@/lib/server/commands/commit-register-import";
import { previewRegisterImport } from "@/lib/server/commands/preview-register-import";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import { withdrawRegisterImport } from "@/lib/server/commands/withdraw-register-import";
import { getDashboard } from "@/lib/server/queries/progress";
import { hazardArea, partner, task } from "@/tests/factories";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { codeOfRow, OVERLAPPING_ROW, registerShapefile, squareOfRow } from "@/tests/helpers/register-file";
import { rectangle } from "@/tests/helpers/shapes";

const TODAY = "2026-12-06";
const ROWS = 20;

/** A GeoJSON file of areas named as the register names its fields, each a square of the grid shifted east. */
const shiftedSquares = (areas: { code: string; row: number; shift: number }[]) => ({
  name: "resurvey.geojson",
  bytes: new TextEncoder().encode(
    JSON.stringify({
      type: "FeatureCollection",
      features: areas.map((a) => ({
        type: "Feature",
        properties: { code: a.code, kind: "CHA", contamination: "AP mines" },
        geometry: { type: "Polygon", coordinates: [squareOfRow(a.row, a.shift)] },
      })),
    }),
  ),
});

describe.each(DATABASE_KINDS)("merging imported rows into the register on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("adds each overlapping row's unregistered land to the area it shares, revises a held area's boundary, and withdrawal gives it back", async () => {
    const db = t().db;
    const actor = await actorFor(db, "dma@demo.test");
    const before = await getDashboard(db);
    const first = await previewRegisterImport(
      db,
      actor,
      { name: "hazards.zip", bytes: registerShapefile({ count: ROWS }) },
      { kind: "hazard-areas" },
      TODAY,
    );
    await commitRegisterImport(db, actor, first.id, { overlaps: "merge" });
    // The row lying half over the row before it: its other half joins that row's area.
    const merged = await db.registerImportRow.findFirstOrThrow({ where: { importId: first.id, row: OVERLAPPING_ROW } });
    const neighbour = await db.hazardArea.findFirstOrThrow({ where: { code: codeOfRow(OVERLAPPING_ROW - 1) } });
    const single = await db.hazardArea.findFirstOrThrow({ where: { code: codeOfRow(1) } });
    expect(merged.status).toBe("MERGED");
    expect(merged.hazardAreaId).toBe(neighbour.id);
    expect(neighbour.areaM2 / single.areaM2).toBeCloseTo(1.5, 3);
    expect(await db.hazardArea.count({ where: { code: codeOfRow(OVERLAPPING_ROW) } })).toBe(0);
    const afterFirst = await getDashboard(db);
    const firstArea = (await db.hazardArea.aggregate({ where: { importId: first.id }, _sum: { areaM2: true } }))._sum
      .areaM2!;
    expect(afterFirst.registeredM2 - before.registeredM2).toBeCloseTo(firstArea, 3);

    // A re-survey's file: its first area reaches half a square east of a registered area.
    const second = await previewRegisterImport(
      db,
      actor,
      shiftedSquares([{ code: "CHA-KRK-90001", row: 1, shift: 0.001 }]),
      { kind: "hazard-areas" },
      TODAY,
    );
    expect(second.overlapping).toBe(1);
    const done = await commitRegisterImport(db, actor, second.id, { overlaps: "merge" });
    expect(done.progress).toMatchObject({ status: "committed", created: 0, merged: 1, skipped: 0 });
    const grown = await db.hazardArea.findUniqueOrThrow({ where: { id: single.id }, include: { changes: true } });
    expect(grown.areaM2 / single.areaM2).toBeCloseTo(1.5, 3);
    expect(done.progress.mergedM2).toBeCloseTo(grown.areaM2 - single.areaM2, 3);
    // The boundary it had is in its history.
    expect(grown.changes.map((c) => [c.kind, (c.before as { areaM2: number }).areaM2])).toEqual([
      ["BOUNDARY_REVISED", single.areaM2],
    ]);
    const afterSecond = await getDashboard(db);
    expect(afterSecond.registeredM2 - afterFirst.registeredM2).toBeCloseTo(done.progress.mergedM2, 3);

    // The first import's area now holds the second's land: the first waits for the second to be withdrawn.
    expect((await refusal(withdrawRegisterImport(db, actor, first.id))).code).toBe("conflict");
    await withdrawRegisterImport(db, actor, second.id);
    const back = await db.hazardArea.findUniqueOrThrow({ where: { id: single.id } });
    expect(back.areaM2).toBeCloseTo(single.areaM2, 6);
    expect(back.geometry).toEqual(single.geometry);
    expect((await getDashboard(db)).registeredM2).toBeCloseTo(afterFirst.registeredM2, 3);
  });

  it("keeps a merge once a report accounted against the grown boundary is approved, even one submitted before it", async () => {
    const db = t().db;
    const dma = await actorFor(db, "dma@demo.test");
    const { organisation, actor: partnerActor } = await partner(db);
    const area = await hazardArea(db, dma, { geometry: rectangle([44.47, 35.45], 400, 400) });
    const order = await task(db, dma, { hazardAreas: [area], partnerId: organisation.id });
    // Half of it east of the area: land the re-survey then adds to it.
    const east = rectangle([44.47 + 200 / (111_320 * Math.cos((35.45 * Math.PI) / 180)), 35.45], 400, 400);
    const report = await submitLandReleaseReport(db, partnerActor, order.id, {
      method: "cleared",
      clearanceDepthCm: 30,
      periodStart: "2026-11-01",
      periodEnd: "2026-11-10",
      geometry: east,
    });
    const resurvey = await previewRegisterImport(
      db,
      dma,
      {
        name: "resurvey.geojson",
        bytes: new TextEncoder().encode(
          JSON.stringify({
            type: "FeatureCollection",
            features: [
              {
                type: "Feature",
                properties: { code: "CHA-KRK-91001", kind: "CHA", contamination: "AP mines" },
                geometry: east,
              },
            ],
          }),
        ),
      },
      { kind: "hazard-areas" },
      TODAY,
    );
    await commitRegisterImport(db, dma, resurvey.id, { overlaps: "merge" });
    const grown = await db.hazardArea.findUniqueOrThrow({ where: { id: area.id } });
    expect(grown.areaM2 / area.areaM2).toBeCloseTo(1.5, 2);
    await reviewLandReleaseReport(db, dma, report.id, { decision: "approve" });
    const approved = await db.landReleaseReport.findUniqueOrThrow({ where: { id: report.id } });
    // It counted the merged land: taking that land out of the area would leave released land outside it.
    expect(approved.outsideHazardM2).toBeCloseTo(0, 0);
    const refused = await refusal(withdrawRegisterImport(db, dma, resurvey.id));
    expect([refused.code, refused.message]).toEqual([
      "conflict",
      `The import cannot be withdrawn: ${area.code} took land from its rows and have changed, been given a task or had a report since. Revise those areas instead.`,
    ]);
  });
});
