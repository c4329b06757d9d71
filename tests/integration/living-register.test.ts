import type { Polygon } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { changeHazardArea } from "@/lib/server/commands/change-hazard-area";
import { registerHazardArea } from "@/lib/server/commands/register-hazard-area";
import { transitionTask } from "@/lib/server/commands/transition-task";
import { getDashboard } from "@/lib/server/queries/progress";
import { approvedRelease, hazardArea, partlyReleasedTask, task, uniqueCode } from "@/tests/factories";
import { refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { box, rectangle, strip } from "@/tests/helpers/shapes";

const KIRKUK = "IQG13";
const basis = { effectiveDate: "2026-11-20", evidence: "Re-survey report RS-2026-114" };

/** The land east of `from` (a fraction of the rectangle's width) and well past its other edges: a cut across it. */
function eastOf(rect: Polygon, from: number): Polygon {
  const [[w, s], [e], [, n]] = rect.coordinates[0] as [[number, number], [number, number], [number, number]];
  return box(w + (e - w) * from, s - 0.01, e + 0.01, n + 0.01);
}

/** Every figure a reader compares: national, by region, by governorate, and the Article 7 table. */
async function figures(db: Parameters<typeof getDashboard>[0]) {
  const views = {
    national: await getDashboard(db),
    federal: await getDashboard(db, { region: "federal" }),
    kirkuk: await getDashboard(db, { governorate: KIRKUK }),
  };
  const out: Record<string, number> = {};
  for (const [name, d] of Object.entries(views)) {
    for (const key of [
      "baselineM2",
      "registeredM2",
      "registeredRemainingM2",
      "unregisteredEstimateM2",
      "remainingM2",
      "releasedToDateM2",
      "fractionReleased",
    ] as const)
      out[`${name}.${key}`] = d[key];
    out[`${name}.released`] = d.releasedM2.total;
    for (const g of d.byGovernorate) {
      out[`${name}.${g.pcode}.baseline`] = g.baselineM2;
      out[`${name}.${g.pcode}.released`] = g.releasedM2;
      out[`${name}.${g.pcode}.remaining`] = g.remainingM2;
    }
    for (const row of d.treaty.rows) out[`${name}.${row.pcode}.treaty`] = row.allTypes.m2;
  }
  return out;
}

/** The same figures, each to the accounting's floating-point noise (1e-9 of the figure, or 1e-6 m²). */
function expectSameFigures(after: Record<string, number>, before: Record<string, number>) {
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  const moved = Object.keys(before).filter(
    (k) => Math.abs(after[k]! - before[k]!) > Math.max(1e-6, Math.abs(before[k]!) * 1e-9),
  );
  expect(moved.map((k) => `${k}: ${before[k]} → ${after[k]}`)).toEqual([]);
}

describe.each(DATABASE_KINDS)("a living register on %s", (kind) => {
  const t = useSeededDatabase(kind);
  // A 600 m × 400 m area of DMA's in Kirkuk, its western 60 % cleared and approved; the task then cancelled.
  let scene: Awaited<ReturnType<typeof partlyReleasedTask>>;
  beforeAll(async () => {
    scene = await partlyReleasedTask(t().db, [44.45, 35.4]);
    await transitionTask(t().db, scene.dma, scene.task.id, { to: "cancelled", note: "Handed to the split areas" });
  });
  const area = (code: string) => t().db.hazardArea.findUniqueOrThrow({ where: { code } });

  it("an area on an open task, or with a report awaiting review, is not split", async () => {
    const open = await hazardArea(t().db, scene.dma, { geometry: rectangle([44.47, 35.4], 300, 300) });
    await task(t().db, scene.dma, { hazardAreas: [open], partnerId: scene.partnerOrganisation.id });
    const e = await refusal(
      changeHazardArea(t().db, scene.dma, open.id, {
        change: "split",
        geometry: eastOf(rectangle([44.47, 35.4], 300, 300), 0.5),
        parts: [
          { code: uniqueCode("SPL"), name: "West part" },
          { code: uniqueCode("SPL"), name: "East part" },
        ],
        ...basis,
      }),
    );
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(/still open/);
    expect((await area(open.code)).status).toBe("ACTIVE");
  });

  it("a split leaves every national, regional and governorate figure as it was; its parts carry the released land", async () => {
    const before = await figures(t().db);
    const parent = await area(scene.hazardArea.code);
    const codes = [uniqueCode("SPL"), uniqueCode("SPL")] as const;
    // The cut runs through the cleared land (60 %), so both parts hold some of it.
    const result = await changeHazardArea(t().db, scene.dma, parent.id, {
      change: "split",
      geometry: eastOf(scene.boundary, 0.4),
      parts: [
        { code: codes[0], name: "East of the wadi" },
        { code: codes[1], name: "West of the wadi" },
      ],
      ...basis,
    });
    expect(result).toMatchObject({ superseded: [parent.code] });
    expectSameFigures(await figures(t().db), before);
    const [east, west] = [await area(codes[0]), await area(codes[1])];
    expect((await area(parent.code)).status).toBe("SUPERSEDED");
    expect(east.areaM2 + west.areaM2).toBeCloseTo(parent.areaM2, 3);
    expect(east.areaM2).toBeCloseTo(parent.areaM2 * 0.6, -1);
    // West holds 40 % of the area, nearly all of it cleared; east 20 % of it cleared.
    expect(west.releasedM2 / west.areaM2).toBeGreaterThan(0.99);
    expect(east.releasedM2 / east.areaM2).toBeCloseTo(1 / 3, 1);
    expect(east.releasedM2 + west.releasedM2).toBeCloseTo(parent.releasedM2, 3);
    expect(east.status).toBe("ACTIVE");
    const history = await t().db.hazardAreaChange.findMany({ where: { hazardAreaId: parent.id } });
    expect(history).toEqual([
      expect.objectContaining({
        kind: "SPLIT",
        evidence: basis.evidence,
        relatedAreaIds: expect.arrayContaining([east.id, west.id]),
      }),
    ]);
    expect(await t().db.auditEvent.count({ where: { entityId: parent.id, action: "hazardArea.change.SPLIT" } })).toBe(
      1,
    );
  });

  it("a merge of the parts leaves every figure as it was and gives back the whole area", async () => {
    const parts = await t().db.hazardArea.findMany({
      where: { changes: { some: { kind: "SPLIT", relatedAreaIds: { has: scene.hazardArea.id } } } },
      orderBy: { code: "asc" },
    });
    expect(parts).toHaveLength(2);
    const before = await figures(t().db);
    const code = uniqueCode("MRG");
    await changeHazardArea(t().db, scene.dma, parts[0]!.id, {
      change: "merge",
      with: [parts[1]!.code],
      code,
      name: "Wadi area, merged after re-survey",
      ...basis,
    });
    expectSameFigures(await figures(t().db), before);
    const merged = await area(code);
    expect(merged.areaM2).toBeCloseTo(scene.hazardArea.areaM2, 2);
    expect(merged.releasedM2).toBeCloseTo(parts[0]!.releasedM2 + parts[1]!.releasedM2, 6);
    expect(merged.status).toBe("ACTIVE");
    expect(await t().db.hazardArea.count({ where: { id: { in: parts.map((p) => p.id) }, status: "SUPERSEDED" } })).toBe(
      2,
    );
  });

  it("a boundary revision moves the registered figures by exactly the change of area, and every part still adds up", async () => {
    const merged = await t().db.hazardArea.findFirstOrThrow({
      where: { code: { startsWith: "MRG-" }, status: "ACTIVE" },
    });
    const before = await getDashboard(t().db);
    // Re-survey finds the area 100 m longer to the east; the cleared land stays inside.
    const revised = rectangle([44.45 + 0.00055, 35.4], 700, 400);
    const result = await changeHazardArea(t().db, scene.dma, merged.id, {
      change: "revise",
      geometry: revised,
      ...basis,
    });
    const after = await getDashboard(t().db);
    const delta = (result as { areaM2: number }).areaM2 - merged.areaM2;
    expect(delta).toBeGreaterThan(30_000);
    expect(after.registeredM2 - before.registeredM2).toBeCloseTo(delta, 3);
    expect(after.registeredRemainingM2 - before.registeredRemainingM2).toBeCloseTo(delta, 3);
    expect(after.remainingM2).toBeCloseTo(before.remainingM2, 3); // the estimate already counted it, unregistered
    expect(after.registeredRemainingM2 + after.unregisteredEstimateM2).toBeCloseTo(after.remainingM2, 4);
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    expect(sum(after.byGovernorate.map((g) => g.remainingM2))).toBeCloseTo(after.registeredRemainingM2, 4);
    const regions = [
      await getDashboard(t().db, { region: "federal" }),
      await getDashboard(t().db, { region: "kurdistan" }),
    ];
    expect(sum(regions.map((r) => r.registeredRemainingM2))).toBeCloseTo(after.registeredRemainingM2, 4);
    const history = await t().db.hazardAreaChange.findFirstOrThrow({
      where: { hazardAreaId: merged.id, kind: "BOUNDARY_REVISED" },
    });
    expect((history.before as { areaM2: number }).areaM2).toBe(merged.areaM2);
  });

  it("a revision that would leave released land outside the area is refused and changes nothing", async () => {
    const merged = await t().db.hazardArea.findFirstOrThrow({
      where: { code: { startsWith: "MRG-" }, status: "ACTIVE" },
    });
    const e = await refusal(
      changeHazardArea(t().db, scene.dma, merged.id, {
        change: "revise",
        geometry: eastOf(scene.boundary, 0.5),
        ...basis,
      }),
    );
    expect(e.code).toBe("unprocessable");
    expect(e.message).toMatch(/released in this area outside it/);
    expect((await area(merged.code)).areaM2).toBe(merged.areaM2);
  });

  it("contamination found on land released earlier is a new area: counted as newly found, it raises remaining", async () => {
    const before = await getDashboard(t().db);
    const code = uniqueCode("NEW");
    // Inside the cleared western strip of the first area.
    const found = await registerHazardArea(t().db, scene.dma, {
      code,
      name: "Device found after clearance",
      kind: "CHA",
      contamination: ["IMPROVISED_AP_MINES"],
      landUse: "AGRICULTURE",
      priorityRank: 1,
      geometry: strip(scene.boundary, 0.1, 0.2),
    });
    expect(found.newlyFound).toBe(true);
    const after = await getDashboard(t().db);
    expect(after.remainingM2 - before.remainingM2).toBeCloseTo(found.areaM2, 3);
    expect(after.newlyFoundM2 - before.newlyFoundM2).toBeCloseTo(found.areaM2, 3);
    const registered = await area(code);
    expect(registered).toMatchObject({ newlyFound: true, needsInvestigation: true });
    const history = await t().db.hazardAreaChange.findFirstOrThrow({ where: { hazardAreaId: registered.id } });
    expect(history.kind).toBe("FOUND_ON_RELEASED_LAND");
    const released = await t().db.landReleaseReport.findFirstOrThrow({
      where: { hazardAreaId: scene.hazardArea.id, status: "APPROVED" },
    });
    expect((history.after as { reports: { id: string }[] }).reports.map((r) => r.id)).toContain(released.id);
    // Land still to release in a registered area is still refused.
    const e = await refusal(
      registerHazardArea(t().db, scene.dma, {
        code: uniqueCode("NEW"),
        name: "Over land not yet released",
        kind: "SHA",
        contamination: ["UXO"],
        landUse: "AGRICULTURE",
        geometry: strip(scene.boundary, 0.8, 0.9),
      }),
    );
    expect(e.code).toBe("conflict");
    // The investigation is closed by the authority, on the record.
    await changeHazardArea(t().db, scene.dma, registered.id, { change: "closeInvestigation", ...basis });
    expect((await area(code)).needsInvestigation).toBe(false);
  });

  it("an area whose land is all released closes by itself; suspension and reclassification are recorded", async () => {
    const small = await hazardArea(t().db, scene.dma, { geometry: rectangle([44.5, 35.4], 200, 200) });
    await changeHazardArea(t().db, scene.dma, small.id, {
      change: "reclassify",
      kind: "SHA",
      contamination: ["UXO"],
      ...basis,
    });
    expect(await area(small.code)).toMatchObject({ kind: "SHA", contamination: ["UXO"] });
    await changeHazardArea(t().db, scene.dma, small.id, { change: "suspend", ...basis });
    expect((await refusal(changeHazardArea(t().db, scene.dma, small.id, { change: "suspend", ...basis }))).code).toBe(
      "conflict",
    );
    await changeHazardArea(t().db, scene.dma, small.id, { change: "reopen", ...basis });
    const order = await task(t().db, scene.dma, {
      hazardAreas: [await area(small.code)],
      partnerId: scene.partnerOrganisation.id,
    });
    await transitionTask(t().db, scene.partner, order.id, { to: "in_progress" });
    await approvedRelease(t().db, { partner: scene.partner, reviewer: scene.dma }, order.id, {
      geometry: rectangle([44.5, 35.4], 250, 250),
    });
    expect((await area(small.code)).status).toBe("CLOSED");
    const kinds = (
      await t().db.hazardAreaChange.findMany({ where: { hazardAreaId: small.id }, orderBy: { at: "asc" } })
    ).map((c) => c.kind);
    expect(kinds).toEqual(["RECLASSIFIED", "SUSPENDED", "REOPENED", "CLOSED"]);
  });

  it("an area recorded in error is withdrawn, and leaves the figures by its area; one with released land is not", async () => {
    const mistake = await hazardArea(t().db, scene.dma, { geometry: rectangle([44.55, 35.4], 300, 300) });
    const before = await getDashboard(t().db);
    await changeHazardArea(t().db, scene.dma, mistake.id, {
      change: "withdraw",
      ...basis,
      evidence: "Duplicate of CHA-KRK-0042",
    });
    const after = await getDashboard(t().db);
    expect(before.registeredM2 - after.registeredM2).toBeCloseTo(mistake.areaM2, 3);
    expect(
      (await refusal(changeHazardArea(t().db, scene.dma, scene.hazardArea.id, { change: "withdraw", ...basis }))).code,
    ).toBe("conflict");
  });

  it("another authority cannot change the area", async () => {
    const ikmaa = await (await import("@/tests/factories")).authority(t().db, "KURDISTAN");
    const e = await refusal(changeHazardArea(t().db, ikmaa, scene.hazardArea.id, { change: "suspend", ...basis }));
    expect(e.code).toBe("not_found");
  });
});
