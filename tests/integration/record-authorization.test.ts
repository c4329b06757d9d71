// Record-level authorisation through the real route handlers, with valid
// bodies and real ids of records in another scope: a second partner (Two
// Rivers) against the demo partner's task and reports, and each national
// authority against the other's region. e2e/authorization.spec.ts checks the
// role × route matrix against the running server; this checks the records.
import type { Polygon } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportFile } from "@/app/api/exports/[file]/route";
import { POST as registerHazardArea } from "@/app/api/hazard-areas/route";
import { POST as approveReport } from "@/app/api/reports/[id]/approve/route";
import { POST as rejectReport } from "@/app/api/reports/[id]/reject/route";
import { POST as completeTask } from "@/app/api/tasks/[id]/completion/route";
import { POST as handOverTask } from "@/app/api/tasks/[id]/handover/route";
import { POST as submitReport } from "@/app/api/tasks/[id]/reports/route";
import { GET as getTask } from "@/app/api/tasks/[id]/route";
import { POST as transitionTask } from "@/app/api/tasks/[id]/status/route";
import { POST as createTask, GET as listTasks } from "@/app/api/tasks/route";
import { changeOwnPassword } from "@/lib/server/commands/change-own-password";
import { issueApiToken as createApiToken } from "@/lib/server/commands/issue-api-token";
import { openAccount as createUser } from "@/lib/server/commands/open-account";
import type { Db } from "@/lib/server/prisma";
import { getReport } from "@/lib/server/queries/land-release";
import { actorFor } from "@/tests/helpers/actors";
import { completionBody } from "@/tests/helpers/completion";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { rectangle, strip } from "@/tests/helpers/shapes";

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** A strip from..to (0–1, west to east) of a demo site's rectangle, inset so it lies inside. */
const siteStrip = (centre: [number, number], widthM: number, heightM: number, from: number, to: number) =>
  strip(rectangle(centre, widthM, heightM), from, to);
// DEMO-NIN-001 (Ninewa, DMA's, the demo partner's DEMO-TASK-001) and DEMO-ERB-001 (Erbil, IKMAA's, the demo partner's too).
const NINEWA = { centre: [43.05, 36.3] as [number, number], w: 600, h: 400 };
const ERBIL = { centre: [44.54, 36.65] as [number, number], w: 700, h: 500 };
const report = (geometry: Polygon) => ({
  method: "cleared",
  clearanceDepthCm: 30,
  periodStart: "2026-10-01",
  periodEnd: "2026-10-31",
  geometry,
  devices: [{ type: "AP_MINE", count: 2 }],
});

describe.each(DATABASE_KINDS)("record-level authorisation on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const tokens = {} as Record<"DMA" | "IKMAA" | "PARTNER" | "OTHER_PARTNER" | "DONOR", string>;
  let ninewaTask: string;
  let erbilTask: string;
  let erbilHazard: string;
  let ninewaSubmitted: string;
  let ninewaApproved: string;
  let otherPartner: { id: string; role: "PARTNER"; organisationId: string };

  async function call<P extends Record<string, string>>(
    handler: Handler<P>,
    who: keyof typeof tokens,
    init: { method?: string; params?: P; body?: unknown; query?: string } = {},
  ) {
    const headers = { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" };
    const req = new Request(`http://localhost/api/x${init.query ?? ""}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const res = await handler(req, { params: Promise.resolve(init.params ?? ({} as P)) });
    return { status: res.status, text: await res.text() };
  }
  const counts = async (db: Db) => ({
    reports: await db.landReleaseReport.count(),
    tasks: await db.task.count(),
    hazards: await db.hazardArea.count(),
    changes: await db.taskStatusChange.count(),
  });

  beforeAll(async () => {
    const db = t().db;
    // The route handlers read the app's database through getDb(): point it at this test's.
    (globalThis as { __mineActionDb?: Promise<Db> }).__mineActionDb = Promise.resolve(db);
    const admin = await actorFor(db, "admin@demo.test");
    const twoRivers = await db.organisation.findFirstOrThrow({ where: { name: { startsWith: "Two Rivers" } } });
    const created = await createUser(db, admin, {
      email: `officer-${kind}@two-rivers.example.org`,
      name: "Two Rivers Officer",
      role: "PARTNER",
      organisationId: twoRivers.id,
      password: "first password, handed over",
    });
    otherPartner = { id: created.id, role: "PARTNER", organisationId: twoRivers.id };
    await changeOwnPassword(db, otherPartner, {
      currentPassword: "first password, handed over",
      newPassword: "the officer's own password",
      confirmPassword: "the officer's own password",
    });
    for (const [who, email] of [
      ["DMA", "dma@demo.test"],
      ["IKMAA", "ikmaa@demo.test"],
      ["PARTNER", "partner@demo.test"],
      ["DONOR", "donor@demo.test"],
    ] as const) {
      tokens[who] = (await createApiToken(db, await actorFor(db, email), "record scope")).token;
    }
    tokens.OTHER_PARTNER = (await createApiToken(db, otherPartner, "record scope")).token;
    const ninewa = await db.task.findUniqueOrThrow({ where: { code: "DEMO-TASK-001" }, include: { reports: true } });
    const erbil = await db.task.findFirstOrThrow({
      where: { hazardAreas: { some: { hazardArea: { code: "DEMO-ERB-001" } } } },
      include: { hazardAreas: true },
    });
    ninewaTask = ninewa.id;
    erbilTask = erbil.id;
    erbilHazard = erbil.hazardAreas[0]!.hazardAreaId;
    ninewaSubmitted = ninewa.reports.find((r) => r.status === "SUBMITTED")!.id;
    ninewaApproved = ninewa.reports.find((r) => r.status === "APPROVED")!.id;
  });

  it("DMA cannot approve or reject a report in IKMAA's region, nor IKMAA one in DMA's; each reviews its own", async () => {
    const db = t().db;
    const submitted = await call(submitReport, "PARTNER", {
      params: { id: erbilTask },
      body: report(siteStrip(ERBIL.centre, ERBIL.w, ERBIL.h, 0.75, 0.9)),
    });
    expect(submitted.status).toBe(201);
    const erbilReport = (JSON.parse(submitted.text) as { id: string }).id;

    expect((await call(approveReport, "DMA", { params: { id: erbilReport }, body: {} })).status).toBe(404);
    expect(
      (
        await call(rejectReport, "DMA", {
          params: { id: erbilReport },
          body: { reason: "Not our region, but tried anyway." },
        })
      ).status,
    ).toBe(404);
    expect((await call(approveReport, "IKMAA", { params: { id: ninewaSubmitted }, body: {} })).status).toBe(404);
    expect(
      (
        await db.landReleaseReport.findMany({
          where: { id: { in: [erbilReport, ninewaSubmitted] } },
          select: { status: true },
        })
      ).map((r) => r.status),
    ).toEqual(["SUBMITTED", "SUBMITTED"]);

    expect((await call(approveReport, "IKMAA", { params: { id: erbilReport }, body: {} })).status).toBe(200);
    expect((await db.landReleaseReport.findUniqueOrThrow({ where: { id: erbilReport } })).status).toBe("APPROVED");
  });

  it("another partner neither reads, submits to, corrects, moves nor completes the demo partner's task, nor reads its report under review", async () => {
    const db = t().db;
    const before = await counts(db);
    expect((await call(getTask, "OTHER_PARTNER", { params: { id: ninewaTask } })).status).toBe(404);
    expect((await call(listTasks, "OTHER_PARTNER")).text).not.toContain(ninewaTask);
    expect(
      (
        await call(submitReport, "OTHER_PARTNER", {
          params: { id: ninewaTask },
          body: report(siteStrip(NINEWA.centre, NINEWA.w, NINEWA.h, 0.8, 0.9)),
        })
      ).status,
    ).toBe(404);
    const correction = {
      ...report(siteStrip(NINEWA.centre, NINEWA.w, NINEWA.h, 0, 0.3)),
      method: "cancelled",
      clearanceDepthCm: undefined,
      supersedesId: ninewaApproved,
    };
    expect((await call(submitReport, "OTHER_PARTNER", { params: { id: ninewaTask }, body: correction })).status).toBe(
      404,
    );
    expect(
      (await call(transitionTask, "OTHER_PARTNER", { params: { id: ninewaTask }, body: { to: "completed" } })).status,
    ).toBe(404);
    expect(
      (
        await call(completeTask, "OTHER_PARTNER", {
          params: { id: ninewaTask },
          body: completionBody({ completedOn: "2026-11-30", qaNotes: "Not our task." }),
        })
      ).status,
    ).toBe(404);
    expect(await counts(db)).toEqual(before);

    // The report under review: its partner and DMA read it; the other partner and the donor do not, any more than IKMAA.
    expect(await getReport(db, await actorFor(db, "partner@demo.test"), ninewaSubmitted)).not.toBeNull();
    expect(await getReport(db, await actorFor(db, "dma@demo.test"), ninewaSubmitted)).not.toBeNull();
    expect(await getReport(db, otherPartner, ninewaSubmitted)).toBeNull();
    expect(await getReport(db, await actorFor(db, "donor@demo.test"), ninewaSubmitted)).toBeNull();
    expect(await getReport(db, await actorFor(db, "ikmaa@demo.test"), ninewaSubmitted)).toBeNull();
  });

  it("an authority registers areas, issues task orders and moves or hands over tasks only in its own region", async () => {
    const db = t().db;
    const before = await counts(db);
    const hazard = (code: string, geometry: Polygon) => ({
      code,
      name: "Outside the caller's region",
      kind: "SHA",
      contamination: ["UXO"],
      landUse: "AGRICULTURE",
      priorityRank: 3,
      geometry,
    });
    // Beside the demo sites, away from them: in Erbil for DMA, in Ninewa for IKMAA.
    const inErbil = siteStrip([44.6, 36.7], 200, 200, 0, 1);
    const inNinewa = siteStrip([43.2, 36.4], 200, 200, 0, 1);
    const dmaInErbil = await call(registerHazardArea, "DMA", {
      body: hazard(`SCOPE-ERB-${kind.toUpperCase()}`, inErbil),
    });
    const ikmaaInNinewa = await call(registerHazardArea, "IKMAA", {
      body: hazard(`SCOPE-NIN-${kind.toUpperCase()}`, inNinewa),
    });
    expect([dmaInErbil.status, ikmaaInNinewa.status]).toEqual([403, 403]);
    expect(JSON.parse(dmaInErbil.text)).toMatchObject({
      error: { code: "forbidden", message: expect.stringMatching(/\w{10,}/) },
    });

    const partnerOrg = (await actorFor(db, "partner@demo.test")).organisationId;
    const order = {
      title: "Task order outside the region",
      hazardAreaIds: [erbilHazard],
      partnerId: partnerOrg,
      priority: 2,
    };
    expect((await call(createTask, "DMA", { body: order })).status).toBe(404);
    expect(
      (
        await call(transitionTask, "IKMAA", {
          params: { id: ninewaTask },
          body: { to: "cancelled", note: "Not ours." },
        })
      ).status,
    ).toBe(404);
    const handover = { handoverDate: "2026-11-30", recipient: "Village council", attendeesWomen: 3, attendeesMen: 4 };
    expect((await call(handOverTask, "IKMAA", { params: { id: ninewaTask }, body: handover })).status).toBe(404);
    expect((await call(getTask, "IKMAA", { params: { id: ninewaTask } })).status).toBe(404);
    expect(await counts(db)).toEqual(before);

    // The same bodies from the region's own authority are accepted: the refusals above were the scope's, not the bodies'.
    expect(
      (await call(registerHazardArea, "IKMAA", { body: hazard(`SCOPE-ERB-${kind.toUpperCase()}`, inErbil) })).status,
    ).toBe(201);
    expect(
      (await call(registerHazardArea, "DMA", { body: hazard(`SCOPE-NIN-${kind.toUpperCase()}`, inNinewa) })).status,
    ).toBe(201);
    expect((await call(createTask, "IKMAA", { body: order })).status).toBe(201);
  });

  it("exports hold only the caller's scope, whatever the filter asks for", async () => {
    const db = t().db;
    const partnerOrg = (await actorFor(db, "partner@demo.test")).organisationId;
    const unapproved = await db.landReleaseReport.findMany({
      where: { partnerId: partnerOrg, status: { not: "APPROVED" } },
      select: { id: true },
    });
    expect(unapproved.length).toBeGreaterThan(0);
    const exported = (who: keyof typeof tokens, file: string, query: string) =>
      call(exportFile, who, { params: { file }, query });
    for (const query of ["?status=all", `?status=all&partner=${partnerOrg}`, "?status=submitted"]) {
      for (const who of ["OTHER_PARTNER", "DONOR"] as const) {
        const csv = await exported(who, "reports.csv", query);
        expect([who, query, csv.status]).toEqual([who, query, 200]);
        for (const r of unapproved) expect(csv.text, `${who} ${query}`).not.toContain(r.id);
      }
    }
    const ikmaaAreas = await exported("IKMAA", "hazard-areas.geojson", "?region=federal");
    expect(ikmaaAreas.status).toBe(200);
    expect(ikmaaAreas.text).not.toContain("DEMO-NIN-001");
    const ikmaaTasks = await exported("IKMAA", "tasks.csv", "?governorate=IQG15");
    expect(ikmaaTasks.status).toBe(200);
    expect(ikmaaTasks.text).not.toContain("DEMO-TASK-001");
    const otherTasks = await exported("OTHER_PARTNER", "tasks.csv", `?partner=${partnerOrg}`);
    expect(otherTasks.text).not.toContain("DEMO-TASK-001");
    // The same exports for their own scope do hold those records: the filters are not simply empty.
    expect((await exported("DMA", "hazard-areas.geojson", "?region=federal")).text).toContain("DEMO-NIN-001");
    expect((await exported("PARTNER", "tasks.csv", "?governorate=IQG15")).text).toContain("DEMO-TASK-001");
  });
});
