import { describe, expect, it } from "vitest";
import { changeHazardArea } from "@/lib/server/commands/change-hazard-area";
import { commitRegisterImport, ROWS_PER_BATCH } from "@/lib/server/commands/commit-register-import";
import { previewRegisterImport } from "@/lib/server/commands/preview-register-import";
import { registerHazardArea } from "@/lib/server/commands/register-hazard-area";
import { withdrawRegisterImport } from "@/lib/server/commands/withdraw-register-import";
import { getDashboard } from "@/lib/server/queries/progress";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { BROKEN_ROWS, codeOfRow, OVERLAPPING_ROW, registerShapefile, squareOfRow } from "@/tests/helpers/register-file";

const ROWS = 60;
const TODAY = "2026-12-06";

describe.each(DATABASE_KINDS)("importing a register on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const dma = () => actorFor(t().db, "dma@demo.test");
  const file = () => ({ name: "hazards.zip", bytes: registerShapefile({ count: ROWS }) });

  it("previews a UTM 38N shapefile with IMSMA's columns: every broken row's problem by row and field, overlaps found", async () => {
    const before = await t().db.hazardArea.count();
    const preview = await previewRegisterImport(t().db, await dma(), file(), { kind: "hazard-areas" }, TODAY);
    expect(preview).toMatchObject({ status: "previewed", rows: ROWS, sourceCrs: "EPSG:32638", overlapping: 1 });
    expect(preview.mapping.fields).toMatchObject({
      code: "HAZ_LOCALI",
      kind: "HAZ_TYPE",
      informationDate: "DATE_OF_IN",
    });
    const broken = Object.entries(BROKEN_ROWS).map(([row, p]) => [Number(row), p.field, p.code]);
    expect(preview.problems.map((p) => [p.row, p.field, p.code])).toEqual(broken);
    expect(preview.problems.find((p) => p.row === 3)!.message).toMatch(/^Row 3: 'Danger zone' in column 'HAZ_TYPE'/);
    expect(preview.accepted).toBe(ROWS - broken.length);
    // Nothing is registered by a preview.
    expect(await t().db.hazardArea.count()).toBe(before);
    const rows = await t().db.registerImportRow.findMany({ where: { importId: preview.id } });
    const overlapping = rows.filter((r) => (r.overlaps as { rows: unknown[] }).rows.length);
    expect(overlapping.map((r) => r.row)).toEqual([OVERLAPPING_ROW]);
  });

  it("commits only with a decision on overlaps, trims the overlapping row to its unregistered part, and moves the registered figures by exactly the imported area", async () => {
    const actor = await dma();
    const before = await getDashboard(t().db);
    const preview = await previewRegisterImport(
      t().db,
      actor,
      { name: "hazards.zip", bytes: registerShapefile({ count: ROWS }) },
      { kind: "hazard-areas" },
      TODAY,
    );
    // The first preview's codes are not registered yet, so they pass here too.
    expect(preview.accepted).toBe(ROWS - Object.keys(BROKEN_ROWS).length);
    expect((await refusal(commitRegisterImport(t().db, actor, preview.id, {}))).code).toBe("precondition_failed");
    const done = await commitRegisterImport(t().db, actor, preview.id, { overlaps: "remainder" });
    expect(done.finished).toBe(true);
    expect(done.progress).toMatchObject({ status: "committed", created: preview.accepted, skipped: 0, pending: 0 });
    const areas = await t().db.hazardArea.findMany({ where: { importId: preview.id } });
    expect(areas).toHaveLength(preview.accepted);
    const full = areas.find((a) => a.code === codeOfRow(OVERLAPPING_ROW - 1))!;
    const trimmed = areas.find((a) => a.code === codeOfRow(OVERLAPPING_ROW))!;
    expect(trimmed.areaM2 / full.areaM2).toBeCloseTo(0.5, 2);
    expect(areas.every((a) => a.governoratePcode === "IQG13" && a.sourceReference === null)).toBe(true);
    expect(
      areas
        .find((a) => a.code === codeOfRow(1))!
        .informationDate!.toISOString()
        .slice(0, 10),
    ).toBe("2019-03-12");
    const after = await getDashboard(t().db);
    const imported = areas.reduce((s, a) => s + a.areaM2, 0);
    expect(after.registeredM2 - before.registeredM2).toBeCloseTo(imported, 3);
    expect(before.unregisteredEstimateM2 - after.unregisteredEstimateM2).toBeCloseTo(imported, 3);
    expect(after.remainingM2).toBeCloseTo(before.remainingM2, 3);
    const audit = await t().db.auditEvent.findMany({ where: { entityId: preview.id }, orderBy: { id: "asc" } });
    // One audit event per batch, each batch one transaction.
    expect(audit.map((a) => a.action)).toEqual([
      "registerImport.preview",
      ...Array(Math.ceil(preview.accepted / ROWS_PER_BATCH)).fill("registerImport.batch"),
      "registerImport.commit",
    ]);

    // A second import of the same file now finds every code registered.
    const again = await previewRegisterImport(t().db, actor, file(), { kind: "hazard-areas" }, TODAY);
    expect(again.accepted).toBe(0);
    // Row 11, which repeats row 1's code, is now refused for that code being registered too.
    expect(again.problems.filter((p) => p.code === "CODE_TAKEN").map((p) => p.row)).toContain(11);
    expect(again.problems.filter((p) => p.code === "CODE_TAKEN")).toHaveLength(preview.accepted + 1);

    // Withdrawn, the register and the figures are as they were; another authority cannot touch it.
    expect(
      (await refusal(withdrawRegisterImport(t().db, await actorFor(t().db, "ikmaa@demo.test"), preview.id))).code,
    ).toBe("not_found");
    expect(await withdrawRegisterImport(t().db, actor, preview.id)).toMatchObject({ removed: preview.accepted });
    const withdrawn = await getDashboard(t().db);
    expect(withdrawn.registeredM2).toBeCloseTo(before.registeredM2, 3);
    expect(withdrawn.remainingM2).toBeCloseTo(before.remainingM2, 3);
    expect(await t().db.hazardArea.count({ where: { importId: preview.id } })).toBe(0);
  });

  it("skips rows that share land with the register when told to, and refuses places outside the authority's governorates", async () => {
    const actor = await dma();
    const erbil = [
      [44.01, 36.19],
      [44.015, 36.19],
      [44.015, 36.195],
      [44.01, 36.195],
      [44.01, 36.19],
    ];
    const demo = await t().db.hazardArea.findFirstOrThrow({ where: { code: "DEMO-NIN-001" } });
    const geojson = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { ID: "SHA-ERB-9001", Cat: "B", Threat: "ERW" },
          geometry: { type: "Polygon", coordinates: [erbil] },
        },
        { type: "Feature", properties: { ID: "SHA-NIN-9002", Cat: "B", Threat: "IED" }, geometry: demo.geometry },
        {
          type: "Feature",
          properties: { ID: "SHA-NIN-9003", Cat: "A", Threat: "UXO" },
          geometry: { type: "Point", coordinates: [43, 36] },
        },
      ],
    };
    const preview = await previewRegisterImport(
      t().db,
      actor,
      { name: "areas.geojson", bytes: new TextEncoder().encode(JSON.stringify(geojson)) },
      {
        kind: "hazard-areas",
        mapping: {
          fields: { code: "ID", kind: "Cat", contamination: "Threat" },
          values: { kind: { B: "SHA", A: "CHA" } },
        },
      },
      TODAY,
    );
    expect(preview.problems.map((p) => [p.row, p.code])).toEqual([
      [1, "NOT_YOUR_GOVERNORATE"],
      [3, "NOT_A_POLYGON"],
    ]);
    expect(preview).toMatchObject({ accepted: 1, overlapping: 1 });
    const done = await commitRegisterImport(t().db, actor, preview.id, { overlaps: "skip" });
    expect(done.progress).toMatchObject({ status: "committed", created: 0, skipped: 1 });
    expect(await t().db.hazardArea.count({ where: { code: "SHA-NIN-9002" } })).toBe(0);
  });

  it("resumes a commit that stopped: the rows still pending are registered, with the decision taken before, none twice", async () => {
    const actor = await dma();
    const preview = await previewRegisterImport(
      t().db,
      actor,
      { name: "hazards.zip", bytes: registerShapefile({ count: ROWS }) },
      { kind: "hazard-areas" },
      TODAY,
    );
    // As a process that stopped after taking the decision and registering the first rows would leave it.
    await t().db.registerImport.update({
      where: { id: preview.id },
      data: { status: "COMMITTING", overlapDecision: "remainder" },
    });
    const first = await t().db.registerImportRow.findFirstOrThrow({
      where: { importId: preview.id },
      orderBy: { row: "asc" },
    });
    await t().db.registerImportRow.update({ where: { id: first.id }, data: { status: "SKIPPED" } });
    const resumed = await commitRegisterImport(t().db, actor, preview.id, {});
    expect(resumed.progress).toMatchObject({
      status: "committed",
      created: preview.accepted - 1,
      skipped: 1,
      pending: 0,
    });
    const codes = (await t().db.hazardArea.findMany({ where: { importId: preview.id }, select: { code: true } })).map(
      (a) => a.code,
    );
    expect(new Set(codes).size).toBe(preview.accepted - 1);
    // The overlapping row was trimmed, as decided before the stop.
    const trimmed = await t().db.registerImportRow.findFirstOrThrow({
      where: { importId: preview.id, row: OVERLAPPING_ROW },
    });
    expect((trimmed.outcome as { trimmedM2: number }).trimmedM2).toBeGreaterThan(0);
    await withdrawRegisterImport(t().db, actor, preview.id);
  });

  it("measures a row again at commit only against land registered or redrawn after the preview, and gives each area its box", async () => {
    const actor = await dma();
    const ring = (row: number, grow: number) =>
      squareOfRow(row).map(([x, y], i) => [
        x! + (i === 1 || i === 2 ? grow : -grow),
        y! + (i >= 2 && i <= 3 ? grow : -grow),
      ]);
    const body = (code: string, coordinates: number[][]) => ({
      code,
      name: code,
      kind: "SHA",
      contamination: ["AP_MINES"],
      landUse: "AGRICULTURE",
      priorityRank: 3,
      geometry: { type: "Polygon", coordinates: [coordinates] },
    });
    // Registered before the preview between row 25's square and the next: the preview measures nothing shared.
    const beside = await registerHazardArea(
      t().db,
      actor,
      body(
        "SHA-KRK-BESIDE",
        ring(25, 0).map(([x, y]) => [x! + 0.004, y!]),
      ),
    );
    const preview = await previewRegisterImport(t().db, actor, file(), { kind: "hazard-areas" }, TODAY);
    const rowOverlaps = async (row: number) =>
      (await t().db.registerImportRow.findFirstOrThrow({ where: { importId: preview.id, row } })).overlaps;
    expect(await rowOverlaps(25)).toEqual({ register: [], rows: [] });
    // After the preview: an area registered over row 21, and the one beside row 25 redrawn over it.
    await registerHazardArea(t().db, actor, body("SHA-KRK-AFTER", ring(21, 0.0005)));
    await changeHazardArea(t().db, actor, beside.id, {
      change: "revise",
      geometry: { type: "Polygon", coordinates: [ring(25, 0.0005)] },
      effectiveDate: TODAY,
      evidence: "Re-survey after the preview",
    });
    // And row 30's code taken elsewhere: that row is skipped, not its batch stopped on the unique code.
    await registerHazardArea(
      t().db,
      actor,
      body(
        codeOfRow(30),
        ring(29, 0).map(([x, y]) => [x! + 0.004, y!]),
      ),
    );
    const done = await commitRegisterImport(t().db, actor, preview.id, { overlaps: "skip" });
    const outcomes = await t().db.registerImportRow.findMany({
      where: { importId: preview.id },
      orderBy: { row: "asc" },
    });
    const skipped = outcomes.filter((r) => r.status === "SKIPPED");
    expect(skipped.map((r) => r.row)).toEqual([OVERLAPPING_ROW, 21, 25, 30]);
    expect(skipped.at(-1)!.outcome).toEqual({ overlaps: [], codeTaken: codeOfRow(30) });
    const named = (row: number) =>
      (skipped.find((r) => r.row === row)!.outcome as { overlaps: { code: string }[] }).overlaps.map((o) => o.code);
    expect(named(OVERLAPPING_ROW)).toEqual([codeOfRow(OVERLAPPING_ROW - 1)]);
    expect(named(21)).toEqual(["SHA-KRK-AFTER"]);
    expect(named(25)).toEqual(["SHA-KRK-BESIDE"]);
    expect(done.progress).toMatchObject({ status: "committed", created: preview.accepted - 4, skipped: 4 });
    // The boxes the commit gave are the boxes of the polygons it registered.
    const [boxes] = await t().db.$queryRaw<{ given: number; stale: number }[]>`
      SELECT count(*)::int AS "given", count(*) FILTER (WHERE NOT ("bbox" ~= hazard_area_box("geometry")))::int AS "stale"
      FROM "HazardArea" WHERE "importId" = ${preview.id}`;
    expect(boxes).toEqual({ given: preview.accepted - 4, stale: 0 });
    await withdrawRegisterImport(t().db, actor, preview.id);
  });

  it("previews an Excel-style table with each area's polygon as WKT, its problems on the rows the sheet shows", async () => {
    const wkt = (row: number) =>
      `"POLYGON ((${squareOfRow(row + 40)
        .map((p) => p.join(" "))
        .join(", ")}))"`;
    const csv = [
      "Code,Type,Threat,Boundary",
      `SHA-KRK-7001,SHA,AP mines,${wkt(1)}`,
      `SHA-KRK-7002,Danger zone,UXO,${wkt(2)}`,
      "SHA-KRK-7003,CHA,UXO,",
    ].join("\n");
    const preview = await previewRegisterImport(
      t().db,
      await dma(),
      { name: "register.csv", bytes: new TextEncoder().encode(csv) },
      { kind: "hazard-areas", mapping: { fields: { code: "Code", kind: "Type", contamination: "Threat" } } },
      TODAY,
    );
    expect(preview).toMatchObject({ rows: 3, accepted: 1 });
    expect(preview.columns).toEqual(["Code", "Type", "Threat"]);
    expect(preview.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [3, "kind", "UNKNOWN_VALUE"],
      [4, "geometry", "NOT_A_POLYGON"],
    ]);
    const rows = await t().db.registerImportRow.findMany({ where: { importId: preview.id } });
    expect(rows.map((r) => r.row)).toEqual([2]);
  });

  it("says which required fields no column maps, and keeps nothing; only an authority imports", async () => {
    const bare = {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { foo: "x" }, geometry: null }],
    };
    const refused = await refusal(
      previewRegisterImport(
        t().db,
        await dma(),
        { name: "bare.geojson", bytes: new TextEncoder().encode(JSON.stringify(bare)) },
        { kind: "hazard-areas" },
        TODAY,
      ),
    );
    expect(refused.code).toBe("unprocessable");
    const partner = await actorFor(t().db, "partner@demo.test");
    expect((await refusal(previewRegisterImport(t().db, partner, file(), { kind: "hazard-areas" }, TODAY))).code).toBe(
      "forbidden",
    );
  });
});
