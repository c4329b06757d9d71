import { describe, expect, it } from "vitest";
import { GET as registerMapRoute } from "@/app/api/hazard-areas/map/route";
import type { RegisterMap } from "@/lib/domain/register-map";
import { ZRegisterView } from "@/lib/schemas/hazard-area";
import { issueApiToken } from "@/lib/server/commands/issue-api-token";
import type { Db } from "@/lib/server/prisma";
import { getHazardAreaRecord } from "@/lib/server/queries/hazard-areas";
import { RELEASED_FROM_ZOOM, registerMap, VIEW_LIMITS } from "@/lib/server/queries/register-map";
import { actorFor } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

const IRAQ = "38.79,29.06,48.57,37.38";
const view = (bbox: string, zoom: number) => ZRegisterView.parse({ bbox, zoom: String(zoom) });
const codes = (m: RegisterMap) => (m.level === "areas" ? m.features.map((f) => f.properties.code).sort() : []);
const counted = (m: RegisterMap) =>
  m.level === "cells" ? m.features.reduce((sum, f) => sum + f.properties.areas, 0) : m.features.length;

describe.each(DATABASE_KINDS)("the register on a map on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const actor = (email: string) => actorFor(t().db, email);

  it("draws each of the caller's areas in a close view, and only the caller's", async () => {
    const [dma, ikmaa, admin] = await Promise.all([
      actor("dma@demo.test"),
      actor("ikmaa@demo.test"),
      actor("admin@demo.test"),
    ]);
    const own = async (a: typeof dma) =>
      (await t().db.hazardArea.findMany({ where: { authorityId: a.organisationId }, select: { code: true } }))
        .map((h) => h.code)
        .sort();
    // The whole country at a district's zoom: few enough areas to draw each.
    const close = view(IRAQ, 10);
    expect(codes(await registerMap(t().db, dma, close))).toEqual(await own(dma));
    expect(codes(await registerMap(t().db, ikmaa, close))).toEqual(await own(ikmaa));
    expect((await registerMap(t().db, admin, close)).features).toHaveLength(await t().db.hazardArea.count());
    const drawn = await registerMap(t().db, dma, close);
    expect(drawn.level).toBe("areas");
    const area = drawn.level === "areas" ? drawn.features[0]! : undefined;
    expect(area?.geometry.type).toMatch(/Polygon/);
    expect(area?.properties.status).toMatch(/^(open|partial|released)$/);
  });

  it("draws the land released in the areas drawn, each approved report once, by its method", async () => {
    const dma = await actor("dma@demo.test");
    // Drawn from a village's zoom on (RELEASED_FROM_ZOOM); at a district's, the areas alone.
    const district = await registerMap(t().db, dma, view(IRAQ, RELEASED_FROM_ZOOM - 1));
    expect(district.level === "areas" && district.released).toEqual([]);
    const drawn = await registerMap(t().db, dma, view(IRAQ, RELEASED_FROM_ZOOM));
    if (drawn.level !== "areas") throw new Error("expected areas");
    const reports = await t().db.landReleaseReport.findMany({
      where: {
        status: "APPROVED",
        countedGeometry: { not: { equals: null } },
        hazardArea: { authorityId: dma.organisationId },
      },
      select: { method: true },
    });
    expect(reports.length).toBeGreaterThan(0);
    expect(drawn.released.map((r) => r.properties.method).sort()).toEqual(reports.map((r) => r.method).sort());
    expect(drawn.released.every((r) => /Polygon/.test(r.geometry.type))).toBe(true);
  });

  it("finds only the areas in the view", async () => {
    const admin = await actor("admin@demo.test");
    // DEMO-BAS-001 is in Basra, near the Shatt al-Arab (47.85, 30.55); nothing else is that far south-east.
    expect(codes(await registerMap(t().db, admin, view("47.5,30.3,48.2,30.8", 11)))).toEqual(["DEMO-BAS-001"]);
    expect(codes(await registerMap(t().db, admin, view("40,30,40.1,30.1", 11)))).toEqual([]);
  });

  it("counts areas in cells at national zoom, or when a view holds too many, and the cells add up", async () => {
    const admin = await actor("admin@demo.test");
    const all = await t().db.hazardArea.count();
    const national = await registerMap(t().db, admin, view(IRAQ, 5));
    expect(national).toMatchObject({ level: "cells", reason: "zoom" });
    expect(counted(national)).toBe(all);
    const areaM2 = (await t().db.hazardArea.aggregate({ _sum: { areaM2: true } }))._sum.areaM2!;
    const cellsM2 = national.features.reduce((s, f) => s + ("areaM2" in f.properties ? f.properties.areaM2 : 0), 0);
    expect(cellsM2).toBeCloseTo(areaM2, 3);
    // Each cell's counts by status are those of its areas, drawn one by one.
    const byStatus = { open: 0, partial: 0, released: 0 };
    for (const f of (await registerMap(t().db, admin, view(IRAQ, 10))).features)
      if ("status" in f.properties && "code" in f.properties) byStatus[f.properties.status]++;
    const cellsByStatus = { open: 0, partial: 0, released: 0 };
    for (const f of national.features)
      if ("byStatus" in f.properties)
        for (const s of ["open", "partial", "released"] as const) cellsByStatus[s] += f.properties.byStatus[s];
    expect(cellsByStatus).toEqual(byStatus);
    expect(byStatus.open * byStatus.partial * byStatus.released).toBeGreaterThan(0);
    // Too many areas, or too many bytes of polygons, for one view: counted in cells instead, all of them.
    const crowded = await registerMap(t().db, admin, view(IRAQ, 10), { ...VIEW_LIMITS, areas: 3 });
    expect(crowded).toMatchObject({ level: "cells", reason: "tooMany" });
    expect(counted(crowded)).toBe(all);
    const heavy = await registerMap(t().db, admin, view(IRAQ, 10), { ...VIEW_LIMITS, geometryBytes: 1_000 });
    expect(heavy).toMatchObject({ level: "cells", reason: "tooMany" });
    expect(counted(heavy)).toBe(all);
  });

  it("shows only the areas with the contamination or the partner chosen, close up and counted alike", async () => {
    const admin = await actor("admin@demo.test");
    const filtered = (filter: Record<string, string>, zoom: number) =>
      registerMap(t().db, admin, ZRegisterView.parse({ bbox: IRAQ, zoom: String(zoom), ...filter }));
    const mines = await t().db.hazardArea.findMany({
      where: { contamination: { has: "AP_MINES" } },
      select: { code: true },
    });
    expect(mines.length).toBeGreaterThan(0);
    expect(codes(await filtered({ contamination: "AP_MINES" }, 10))).toEqual(mines.map((h) => h.code).sort());
    expect(counted(await filtered({ contamination: "AP_MINES" }, 5))).toBe(mines.length);
    const partner = await t().db.organisation.findFirstOrThrow({ where: { name: { startsWith: "Zagros" } } });
    const tasked = await t().db.hazardArea.findMany({
      where: { tasks: { some: { task: { partnerId: partner.id } } } },
      select: { code: true },
    });
    expect(tasked.length).toBeGreaterThan(0);
    expect(tasked.length).toBeLessThan(await t().db.hazardArea.count());
    expect(codes(await filtered({ partner: partner.id }, 10))).toEqual(tasked.map((h) => h.code).sort());
    expect(counted(await filtered({ partner: partner.id }, 5))).toBe(tasked.length);
  });

  it("answers the API: a view for an authority, 400 for a malformed view, 403 for a partner", async () => {
    // The route handler reads the app's database through getDb(): point it at this test's.
    (globalThis as { __mineActionDb?: Promise<Db> }).__mineActionDb = Promise.resolve(t().db);
    const tokens = new Map<string, string>();
    for (const email of ["dma@demo.test", "partner@demo.test"])
      tokens.set(email, (await issueApiToken(t().db, await actor(email), "register map")).token);
    const get = (email: string, query: string) =>
      registerMapRoute(
        new Request(`http://localhost/api/hazard-areas/map?${query}`, {
          headers: { authorization: `Bearer ${tokens.get(email)}` },
        }),
      );
    const ok = await get("dma@demo.test", `bbox=${IRAQ}&zoom=10`);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as RegisterMap).level).toBe("areas");
    for (const bad of [
      "bbox=1,2,3&zoom=5",
      `bbox=48,30,40,37&zoom=5`,
      `bbox=${IRAQ}`,
      `bbox=${IRAQ}&zoom=99`,
      `bbox=${IRAQ}&zoom=5&contamination=SNAKES`,
      `bbox=${IRAQ}&zoom=5&colour=red`,
    ])
      expect((await get("dma@demo.test", bad)).status).toBe(400);
    expect((await get("partner@demo.test", `bbox=${IRAQ}&zoom=10`)).status).toBe(403);
  });

  it("opens an area's record to its own authority only, with the reports that add up to its released land", async () => {
    const [dma, ikmaa] = await Promise.all([actor("dma@demo.test"), actor("ikmaa@demo.test")]);
    const nineveh = await t().db.hazardArea.findUniqueOrThrow({ where: { code: "DEMO-NIN-001" } });
    const record = await getHazardAreaRecord(t().db, dma, nineveh.id);
    expect(record?.code).toBe("DEMO-NIN-001");
    expect(record!.reports.length).toBeGreaterThan(0);
    expect(record!.reports.reduce((sum, r) => sum + r.countedAreaM2, 0)).toBeCloseTo(record!.releasedM2, 6);
    expect(record!.tasks.map((k) => k.task.code)).toContain("DEMO-TASK-001");
    expect(await getHazardAreaRecord(t().db, ikmaa, nineveh.id)).toBeNull();
  });
});
