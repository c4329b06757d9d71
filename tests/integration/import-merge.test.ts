import { describe, expect, it } from "vitest";
import { commitRegisterImport } from "@/lib/server/commands/commit-register-import";
import { previewRegisterImport } from "@/lib/server/commands/preview-register-import";
import { withdrawRegisterImport } from "@/lib/server/commands/withdraw-register-import";
import { getDashboard } from "@/lib/server/queries/progress";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { codeOfRow, OVERLAPPING_ROW, registerShapefile, squareOfRow } from "@/tests/helpers/register-file";

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
});
