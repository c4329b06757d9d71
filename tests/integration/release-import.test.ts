import { describe, expect, it } from "vitest";
import type { Areal } from "@/lib/geo/boolean";
import { changeHazardArea } from "@/lib/server/commands/change-hazard-area";
import { commitRegisterImport } from "@/lib/server/commands/commit-register-import";
import { previewRegisterImport } from "@/lib/server/commands/preview-register-import";
import { withdrawRegisterImport } from "@/lib/server/commands/withdraw-register-import";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { getDashboard } from "@/lib/server/queries/progress";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

const TODAY = "2026-12-06";
/** A square of about 1 km in Baghdad governorate, far from the demo register's areas. */
const ELSEWHERE: Areal = {
  type: "Polygon",
  coordinates: [
    [
      [44.3, 33.3],
      [44.31, 33.3],
      [44.31, 33.31],
      [44.3, 33.31],
      [44.3, 33.3],
    ],
  ],
};

type Row = { geometry?: Areal; [column: string]: string | Areal | undefined };
/** A GeoJSON file of past releases with IMSMA-like columns, one feature per row. */
const releaseFile = (rows: Row[]) => ({
  name: "releases.geojson",
  bytes: new TextEncoder().encode(
    JSON.stringify({
      type: "FeatureCollection",
      features: rows.map(({ geometry, ...properties }) => ({
        type: "Feature",
        properties,
        geometry: geometry ?? null,
      })),
    }),
  ),
});

/** The DMA area of the demo register with the most land still to release, with its polygon. */
async function openArea(db: Db) {
  const areas = await db.hazardArea.findMany({
    where: { status: "ACTIVE", authority: { shortName: "DMA" } },
    select: { id: true, code: true, geometry: true, areaM2: true, releasedM2: true, status: true },
  });
  return areas.sort((a, b) => b.areaM2 - b.releasedM2 - (a.areaM2 - a.releasedM2))[0]!;
}

/** One past clearance of the whole area, ending on `end`, imported and committed. */
async function clearWhole(db: Db, actor: Actor, area: { code: string; geometry: unknown }, end: string) {
  const preview = await previewRegisterImport(
    db,
    actor,
    releaseFile([
      {
        HAZ_LOCALI: area.code,
        ACT_TYPE: "Clearance",
        ORG_NAME: "ZCL-demo",
        END_DATE: end,
        geometry: area.geometry as Areal,
      },
    ]),
    { kind: "releases" },
    TODAY,
  );
  await commitRegisterImport(db, actor, preview.id, {});
  return preview;
}

describe.each(DATABASE_KINDS)("importing past land releases on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const dma = () => actorFor(t().db, "dma@demo.test");

  it("previews each row's problem, counts each m² once oldest first, closes the area, and withdrawing moves every figure back", async () => {
    const db = t().db;
    const actor = await dma();
    const area = await openArea(db);
    const whole = area.geometry as unknown as Areal;
    const before = await getDashboard(db);
    const reportsBefore = await db.landReleaseReport.count();
    const rows: Row[] = [
      // Listed newest first: the 2024 clearance released the land, the 2025 survey of it finds it released.
      {
        HAZ_LOCALI: area.code,
        ACT_TYPE: "Technical Survey",
        ORG_NAME: "ZCL-demo",
        END_DATE: "03/02/2025",
        geometry: whole,
      },
      {
        HAZ_LOCALI: area.code,
        ACT_TYPE: "Clearance",
        ORG_NAME: "Zagros Clearance (demo partner)",
        START_DATE: "2024-01-10",
        END_DATE: "2024-04-30",
        ACT_LOCALI: "ACT-1",
        geometry: whole,
      },
      {
        HAZ_LOCALI: area.code,
        ACT_TYPE: "Clearance",
        ORG_NAME: "ZCL-demo",
        END_DATE: "2020-01-01",
        geometry: ELSEWHERE,
      },
      {
        HAZ_LOCALI: "NO-SUCH-AREA",
        ACT_TYPE: "Clearance",
        ORG_NAME: "ZCL-demo",
        END_DATE: "2020-01-01",
        geometry: whole,
      },
      {
        HAZ_LOCALI: area.code,
        ACT_TYPE: "Clearance",
        ORG_NAME: "Nobody Demining",
        END_DATE: "2020-01-01",
        geometry: whole,
      },
      { HAZ_LOCALI: area.code, ACT_TYPE: "Dancing", ORG_NAME: "ZCL-demo", END_DATE: "2020-01-01", geometry: whole },
      {
        HAZ_LOCALI: area.code,
        ACT_TYPE: "NTS",
        ORG_NAME: "ZCL-demo",
        START_DATE: "2020-05-01",
        END_DATE: "2020-04-01",
        geometry: whole,
      },
      { HAZ_LOCALI: area.code, ACT_TYPE: "NTS", ORG_NAME: "ZCL-demo", END_DATE: "2030-01-01", geometry: whole },
    ];
    const preview = await previewRegisterImport(db, actor, releaseFile(rows), { kind: "releases" }, TODAY);
    expect(preview.mapping.fields).toMatchObject({
      hazardAreaCode: "HAZ_LOCALI",
      method: "ACT_TYPE",
      operator: "ORG_NAME",
      periodEnd: "END_DATE",
      periodStart: "START_DATE",
      sourceReference: "ACT_LOCALI",
    });
    expect(preview.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [3, "geometry", "OUTSIDE_AREA"],
      [4, "hazardAreaCode", "UNKNOWN_AREA"],
      [5, "operator", "UNKNOWN_OPERATOR"],
      [6, "method", "UNKNOWN_VALUE"],
      [7, "periodStart", "PERIOD_REVERSED"],
      [8, "periodEnd", "BAD_DATE"],
    ]);
    expect(preview.problems[2]!.message).toBe(
      "Row 5: no organisation in the register is called 'Nobody Demining' (column 'ORG_NAME'); map it to one, or add the organisation first.",
    );
    expect(preview.accepted).toBe(2);
    const open = area.areaM2 - area.releasedM2;
    expect("countedM2" in preview && preview.countedM2).toBeCloseTo(open, 0);
    expect(await db.landReleaseReport.count()).toBe(reportsBefore);

    const done = await commitRegisterImport(db, actor, preview.id, {});
    expect(done.progress).toMatchObject({ status: "committed", created: 2, skipped: 0 });
    const imported = await db.landReleaseReport.findMany({
      where: { importId: preview.id },
      orderBy: { periodEnd: "asc" },
      include: { partner: { select: { shortName: true } } },
    });
    expect(imported.map((r) => [r.method, r.status, r.taskId, r.partner.shortName, r.sourceReference])).toEqual([
      ["CLEARED", "APPROVED", null, "ZCL-demo", "ACT-1"],
      ["REDUCED", "APPROVED", null, "ZCL-demo", null],
    ]);
    // The file has no depth column: past clearance is kept, its depth not recorded (the report's page says so).
    expect(imported.map((r) => r.clearanceDepthCm)).toEqual([null, null]);
    // The oldest release counts the open land; the later one finds it released and counts nothing.
    expect(imported[0]!.countedAreaM2).toBeCloseTo(open, 0);
    expect(imported[1]!.countedAreaM2).toBeCloseTo(0, 3);
    expect(imported[1]!.alreadyReleasedM2).toBeCloseTo(area.areaM2, 0);
    const closed = await db.hazardArea.findUniqueOrThrow({ where: { id: area.id } });
    expect(closed.status).toBe("CLOSED");
    expect(closed.releasedM2).toBeCloseTo(area.releasedM2 + imported[0]!.countedAreaM2, 6);
    const after = await getDashboard(db);
    expect(after.releasedM2.total - before.releasedM2.total).toBeCloseTo(imported[0]!.countedAreaM2, 3);
    expect(before.remainingM2 - after.remainingM2).toBeCloseTo(imported[0]!.countedAreaM2, 3);
    // The burn-down has its history: the release counts in April 2024, after the national estimate's date.
    const april2024 = (m: typeof after.monthly) => m.find((x) => x.month === "2024-04")?.cleared ?? 0;
    expect(april2024(after.monthly) - april2024(before.monthly)).toBeCloseTo(imported[0]!.countedAreaM2, 3);

    // A second import on the same area after this one: the first can no longer be withdrawn alone.
    const later = await previewRegisterImport(
      db,
      actor,
      releaseFile([
        { HAZ_LOCALI: area.code, ACT_TYPE: "cleared", ORG_NAME: "TRS-demo", END_DATE: "2025-06-01", geometry: whole },
      ]),
      { kind: "releases" },
      TODAY,
    );
    await commitRegisterImport(db, actor, later.id, {});
    const refused = await refusal(withdrawRegisterImport(db, actor, preview.id));
    expect([refused.code, refused.message]).toEqual([
      "conflict",
      `The import cannot be withdrawn: ${area.code} have had land released, or their boundary changed, after it. Correct those records instead.`,
    ]);
    await withdrawRegisterImport(db, actor, later.id);
    await withdrawRegisterImport(db, actor, preview.id);
    expect((await refusal(withdrawRegisterImport(db, actor, preview.id))).code).toBe("conflict");

    const back = await db.hazardArea.findUniqueOrThrow({ where: { id: area.id } });
    expect(back.status).toBe("ACTIVE");
    expect(back.releasedM2).toBeCloseTo(area.releasedM2, 6);
    const kept = await db.landReleaseReport.findMany({ where: { importId: { in: [preview.id, later.id] } } });
    expect(kept.map((r) => r.status)).toEqual(["WITHDRAWN", "WITHDRAWN", "WITHDRAWN"]);
    const final = await getDashboard(db);
    expect(final.releasedM2.total).toBeCloseTo(before.releasedM2.total, 3);
    expect(final.remainingM2).toBeCloseTo(before.remainingM2, 3);
    expect(april2024(final.monthly)).toBeCloseTo(april2024(before.monthly), 3);
  });

  it("a release before the national estimate's date moves land from the registered remaining to the estimate's unregistered part", async () => {
    const db = t().db;
    const actor = await dma();
    const area = await openArea(db);
    const before = await getDashboard(db);
    const preview = await clearWhole(db, actor, area, "2019-04-30");
    const counted = (await db.landReleaseReport.findFirstOrThrow({ where: { importId: preview.id } })).countedAreaM2;
    expect(counted).toBeCloseTo(area.areaM2 - area.releasedM2, 0);
    const after = await getDashboard(db);
    expect(before.registeredRemainingM2 - after.registeredRemainingM2).toBeCloseTo(counted, 3);
    expect(after.unregisteredEstimateM2 - before.unregisteredEstimateM2).toBeCloseTo(counted, 3);
    expect(after.remainingM2).toBeCloseTo(before.remainingM2, 3);
    expect(after.releasedM2.total).toBeCloseTo(before.releasedM2.total, 3);
  });

  it("a suspended area an import closed is suspended again when the import is withdrawn", async () => {
    const db = t().db;
    const actor = await dma();
    const area = await openArea(db);
    await changeHazardArea(db, actor, area.id, {
      change: "suspend",
      effectiveDate: "2026-12-01",
      evidence: "Access denied by the landowner",
    });
    const preview = await clearWhole(db, actor, area, "2025-04-30");
    expect((await db.hazardArea.findUniqueOrThrow({ where: { id: area.id } })).status).toBe("CLOSED");
    await withdrawRegisterImport(db, actor, preview.id);
    expect((await db.hazardArea.findUniqueOrThrow({ where: { id: area.id } })).status).toBe("SUSPENDED");
  });

  it("accounts an area's releases across jobs in date order: more releases than one job takes count its land once", async () => {
    const db = t().db;
    const actor = await dma();
    const area = await openArea(db);
    const whole = area.geometry as unknown as Areal;
    const rows: Row[] = Array.from({ length: 205 }, (_, i) => ({
      HAZ_LOCALI: area.code,
      ACT_TYPE: "Technical Survey",
      ORG_NAME: "ZCL-demo",
      // The newest first in the file: the oldest (the last row) is the one that counts the land.
      END_DATE: new Date(Date.UTC(2025, 11, 28) - i * 86_400_000).toISOString().slice(0, 10),
      geometry: whole,
    }));
    const preview = await previewRegisterImport(db, actor, releaseFile(rows), { kind: "releases" }, TODAY);
    expect(preview.accepted).toBe(205);
    const open = area.areaM2 - area.releasedM2;
    expect("countedM2" in preview && preview.countedM2).toBeCloseTo(open, 0);
    await commitRegisterImport(db, actor, preview.id, {});
    const reports = await db.landReleaseReport.findMany({
      where: { importId: preview.id },
      orderBy: { periodEnd: "asc" },
    });
    expect(reports).toHaveLength(205);
    expect(reports[0]!.countedAreaM2).toBeCloseTo(open, 0);
    expect(reports.slice(1).reduce((s, r) => s + r.countedAreaM2, 0)).toBeCloseTo(0, 3);
  });

  it("refuses a release in another authority's area, and a partner's import", async () => {
    const db = t().db;
    const ikmaa = await db.hazardArea.findFirstOrThrow({
      where: { status: "ACTIVE", authority: { shortName: "IKMAA" } },
      select: { code: true, geometry: true },
    });
    const preview = await previewRegisterImport(
      db,
      await dma(),
      releaseFile([
        {
          HAZ_LOCALI: ikmaa.code,
          ACT_TYPE: "Clearance",
          ORG_NAME: "ZCL-demo",
          END_DATE: "2020-01-01",
          geometry: ikmaa.geometry as unknown as Areal,
        },
      ]),
      { kind: "releases" },
      TODAY,
    );
    expect(preview.problems.map((p) => p.code)).toEqual(["NOT_YOUR_AREA"]);
    expect(preview.accepted).toBe(0);
    const partner = await actorFor(db, "partner@demo.test");
    expect((await refusal(previewRegisterImport(db, partner, releaseFile([]), { kind: "releases" }))).code).toBe(
      "forbidden",
    );
  });
});
