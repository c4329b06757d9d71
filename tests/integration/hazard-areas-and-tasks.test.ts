import { describe, expect, it } from "vitest";
import { completeTask } from "@/lib/server/commands/complete-task";
import { createTask } from "@/lib/server/commands/create-task";
import { handOverTask } from "@/lib/server/commands/hand-over-task";
import { registerHazardArea } from "@/lib/server/commands/register-hazard-area";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import { transitionTask } from "@/lib/server/commands/transition-task";
import { toJson } from "@/lib/server/json";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { completionBody, inspection } from "@/tests/helpers/completion";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { square } from "@/tests/helpers/shapes";

const box = (x: number, y: number, d = 0.004) => square(x, y, d);
// Kirkuk (federal, DMA) and Erbil (Kurdistan Region, IKMAA).
const KIRKUK = box(44.39, 35.47);
const ERBIL = box(44.01, 36.19);
const area = (code: string, geometry: unknown) => ({
  code,
  name: `Test ${code}`,
  kind: "CHA",
  contamination: ["IEDS"],
  landUse: "HOUSING",
  priorityRank: 2,
  geometry,
});

describe.each(DATABASE_KINDS)("hazardous areas and task orders on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const actor = (email: string) => actorFor(t().db, email);

  it("an authority registers an area in its governorates; the governorate comes from the polygon", async () => {
    const created = await registerHazardArea(t().db, await actor("dma@demo.test"), area("CHA-KRK-0001", KIRKUK));
    expect(created.governoratePcode).toBe("IQG13");
    expect(created.areaM2).toBeGreaterThan(150_000);
    const audit = await t().db.auditEvent.findFirstOrThrow({ where: { entityId: created.id } });
    expect(audit.action).toBe("hazardArea.register");
  });

  it("refuses another authority's governorate, a duplicate code, a bad polygon and non-authorities", async () => {
    const forbidden = await refusal(
      registerHazardArea(t().db, await actor("dma@demo.test"), area("CHA-ERB-0001", ERBIL)),
    );
    expect(forbidden.code).toBe("forbidden");
    expect(forbidden.message).toMatch(/Erbil/);
    expect(
      (await registerHazardArea(t().db, await actor("ikmaa@demo.test"), area("CHA-ERB-0001", ERBIL))).governoratePcode,
    ).toBe("IQG11");
    expect(
      (await refusal(registerHazardArea(t().db, await actor("dma@demo.test"), area("CHA-KRK-0001", box(44.4, 35.48)))))
        .code,
    ).toBe("conflict");
    const outside = await refusal(
      registerHazardArea(t().db, await actor("dma@demo.test"), area("CHA-SYR-0001", box(40.6, 36.4))),
    );
    expect(outside.code).toBe("unprocessable");
    expect(
      (await refusal(registerHazardArea(t().db, await actor("partner@demo.test"), area("CHA-KRK-0002", KIRKUK)))).code,
    ).toBe("forbidden");
    expect(
      (await refusal(registerHazardArea(t().db, await actor("dma@demo.test"), { ...area("x", KIRKUK) }))).code,
    ).toBe("invalid_request");
  });

  it("refuses land already in a registered hazardous area, naming it and the overlap, and registers nothing", async () => {
    const dma = await actor("dma@demo.test");
    const before = await t().db.hazardArea.count();
    // Half of it inside CHA-KRK-0001 (registered above), half beside it.
    const overlapping = await refusal(
      registerHazardArea(t().db, dma, area("CHA-KRK-0002", box(44.392, 35.471, 0.004))),
    );
    expect(overlapping.code).toBe("conflict");
    expect(overlapping.message).toMatch(
      /^This polygon overlaps land already registered as a hazardous area: \u2066CHA-KRK-0001\u2069 \(Test CHA-KRK-0001\): [\d,]+\u00a0m²\./,
    );
    expect(overlapping.text.ar).toMatch(/CHA-KRK-0001/);
    expect(await t().db.hazardArea.count()).toBe(before);
    // Beside it, sharing its eastern edge: registered.
    expect((await registerHazardArea(t().db, dma, area("CHA-KRK-0002", box(44.394, 35.47)))).code).toBe("CHA-KRK-0002");
  });

  it("refuses an overlap across a governorate border, where each area is filed under another governorate", async () => {
    // North of the line (about 35.46° N here) is Erbil, south of it Kirkuk. The first area's centre is in
    // Erbil and its southern strip in Kirkuk; the second's centre is in Kirkuk and reaches into that strip.
    const erbil = await registerHazardArea(
      t().db,
      await actor("ikmaa@demo.test"),
      area("CHA-ERB-0100", square(43.45, 35.457, 0.012)),
    );
    expect(erbil.governoratePcode).toBe("IQG11");
    const across = await refusal(
      registerHazardArea(t().db, await actor("dma@demo.test"), area("CHA-KRK-0100", square(43.452, 35.45, 0.01))),
    );
    expect(across.code).toBe("conflict");
    expect(across.message).toMatch(/CHA-ERB-0100/);
  });

  it("files every area's bounding box however it was written, and finds candidates through its index", async () => {
    const boxes = await t().db.$queryRaw<{ code: string; bbox: string | null }[]>`
      SELECT "code", "bbox"::text AS "bbox" FROM "HazardArea" ORDER BY "code"`;
    // The demo seed and the registrations above: no area without its box.
    expect(boxes.length).toBeGreaterThan(5);
    expect(boxes.filter((b) => b.bbox === null)).toEqual([]);
    // KIRKUK is the square from (44.39, 35.47) to (44.394, 35.474): box() prints (east, north), (west, south).
    expect(boxes.find((b) => b.code === "CHA-KRK-0001")?.bbox).toBe("(44.394,35.474),(44.39,35.47)");
    // A geometry written again without a box gets its new box (a boundary revision writes it so).
    const kirkuk = await t().db.hazardArea.findUniqueOrThrow({ where: { code: "CHA-KRK-0001" } });
    await t().db.hazardArea.update({
      where: { id: kirkuk.id },
      data: { geometry: toJson(square(44.39, 35.47, 0.006)) },
    });
    const [moved] = await t().db.$queryRaw<{ bbox: string; stale: number }[]>`
      SELECT "bbox"::text AS "bbox",
             (SELECT count(*)::int FROM "HazardArea" WHERE NOT ("bbox" ~= hazard_area_box("geometry"))) AS "stale"
      FROM "HazardArea" WHERE "id" = ${kirkuk.id}`;
    expect(moved).toEqual({ bbox: "(44.396,35.476),(44.39,35.47)", stale: 0 });
    await t().db.hazardArea.update({ where: { id: kirkuk.id }, data: { geometry: kirkuk.geometry! } });
    const plan = await t().db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT "code" FROM "HazardArea" WHERE "bbox" && box(point(44, 35), point(45, 36))`;
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/HazardArea_bbox_idx/);
  });

  it("a task order assigned to a partner takes its reports", async () => {
    const dma = await actor("dma@demo.test");
    const hazard = await t().db.hazardArea.findUniqueOrThrow({ where: { code: "CHA-KRK-0001" } });
    const partner = await actor("partner@demo.test");
    const task = await createTask(t().db, dma, {
      title: "Clear Kirkuk housing block",
      hazardAreaIds: [hazard.id],
      partnerId: partner.organisationId,
      priority: 1,
    });
    expect(task.status).toBe("ASSIGNED");
    expect(task.code).toMatch(/^TASK-\d{4}-[0-9A-Z]{6}$/);
    const history = await t().db.taskStatusChange.findMany({ where: { taskId: task.id } });
    expect(history.map((h) => h.toStatus)).toEqual(["ASSIGNED"]);
    const report = await submitLandReleaseReport(t().db, partner, task.id, {
      method: "reduced",
      periodStart: "2026-11-01",
      periodEnd: "2026-11-10",
      geometry: box(44.391, 35.471, 0.001),
    });
    expect(report.outsideHazardM2).toBeCloseTo(0, 3);
    expect(report.countedAreaM2).toBeCloseTo(report.submittedAreaM2, 3);
  });

  it("issues tasks only for the authority's own hazardous areas", async () => {
    const erbilArea = await t().db.hazardArea.findUniqueOrThrow({ where: { code: "CHA-ERB-0001" } });
    const e = await refusal(
      createTask(t().db, await actor("dma@demo.test"), {
        title: "Not ours",
        hazardAreaIds: [erbilArea.id],
        priority: 1,
      }),
    );
    expect(e.code).toBe("not_found");
    expect(
      (
        await refusal(
          createTask(t().db, await actor("partner@demo.test"), {
            title: "Self-assigned",
            hazardAreaIds: [erbilArea.id],
            priority: 1,
          }),
        )
      ).code,
    ).toBe("forbidden");
  });
});

describe.each(DATABASE_KINDS)("task lifecycle on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const actor = (email: string) => actorFor(t().db, email);

  it("each side moves the task its own steps, every change recorded; wrong steps are refused with the reason", async () => {
    const dma = await actor("dma@demo.test");
    const partner = await actor("partner@demo.test");
    const task = await t().db.task.findUniqueOrThrow({ where: { code: "DEMO-TASK-009" } }); // IKMAA's, assigned
    const ikmaa = await actor("ikmaa@demo.test");
    expect((await refusal(transitionTask(t().db, dma, task.id, { to: "cancelled" }))).code).toBe("not_found");
    const early = await refusal(completeTask(t().db, partner, task.id, completionBody()));
    expect(early.code).toBe("conflict");
    expect(early.message).toMatch(/Only a task in progress is completed/);
    // Completing and handing over carry their own records, so the bare status step is refused.
    expect((await refusal(transitionTask(t().db, partner, task.id, { to: "completed" }))).message).toMatch(
      /completion report/,
    );
    expect((await refusal(transitionTask(t().db, ikmaa, task.id, { to: "in_progress" }))).message).toMatch(
      /Only the implementing partner/,
    );

    expect((await transitionTask(t().db, partner, task.id, { to: "in_progress" })).status).toBe("in_progress");
    expect(
      (
        await completeTask(
          t().db,
          partner,
          task.id,
          completionBody({
            qaNotes: "All lanes cleared to 30 cm.",
            remainderReason: "Nothing was released: the area remains a hazardous area, access denied.",
          }),
        )
      ).status,
    ).toBe("completed");
    // The authority's QC inspection of the land passed: the handover may follow.
    await inspection(t().db, task.id, ikmaa.id, { result: "PASSED" });
    expect(
      (
        await handOverTask(t().db, ikmaa, task.id, {
          handoverDate: "2026-11-25",
          recipient: "Mukhtar of the village",
          attendeesWomen: 4,
          attendeesMen: 6,
        })
      ).status,
    ).toBe("handed_over");
    const history = await t().db.taskStatusChange.findMany({ where: { taskId: task.id }, orderBy: { at: "asc" } });
    expect(history.map((h) => h.toStatus).slice(-3)).toEqual(["IN_PROGRESS", "COMPLETED", "HANDED_OVER"]);
    expect((await refusal(transitionTask(t().db, ikmaa, task.id, { to: "cancelled" }))).message).toMatch(/final/);
    expect(
      (await refusal(transitionTask(t().db, await actor("donor@demo.test"), task.id, { to: "cancelled" }))).code,
    ).toBe("forbidden");
  });
});
