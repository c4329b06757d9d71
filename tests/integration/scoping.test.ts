import { describe, expect, it } from "vitest";
import { createTask } from "@/lib/server/commands/create-task";
import { registerHazardArea } from "@/lib/server/commands/register-hazard-area";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import { transitionTask } from "@/lib/server/commands/transition-task";
import type { Db } from "@/lib/server/prisma";
import { fundingGrants } from "@/lib/server/queries/funding";
import { HAZARD_AREA_CHOICES, hazardAreaChoices, listHazardAreas } from "@/lib/server/queries/hazard-areas";
import { getReport, listReports } from "@/lib/server/queries/land-release";
import { LIST_PAGE_SIZE } from "@/lib/server/queries/paging";
import { getProgress } from "@/lib/server/queries/progress";
import { getTask, getTaskWorkspace, listTasks, taskPage } from "@/lib/server/queries/tasks";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { square as box } from "@/tests/helpers/shapes";

type Area = Awaited<ReturnType<Db["hazardArea"]["findFirstOrThrow"]>>;
const pick = (h: Area) => ({
  name: h.name,
  kind: h.kind,
  contamination: h.contamination,
  landUse: h.landUse,
  priorityRank: h.priorityRank,
  governoratePcode: h.governoratePcode,
  authorityId: h.authorityId,
  geometry: h.geometry as object,
  areaM2: h.areaM2,
});

describe.each(DATABASE_KINDS)("organisation scoping on %s", (kind) => {
  const actor = (email: string) => actorFor(t().db, email);
  const t = useSeededDatabase(kind);

  it("shows a partner only its own tasks", async () => {
    const partner = await actor("partner@demo.test");
    const mine = await listTasks(t().db, partner);
    const all = await t().db.task.findMany();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    const ids = new Set(all.filter((x) => x.partnerId === partner.organisationId).map((x) => x.id));
    expect(new Set(mine.map((x) => x.id))).toEqual(ids);
  });

  it("pages a national task list by 100, each task once, counting all, within the caller's scope", async () => {
    const partner = await actor("partner@demo.test");
    const dma = await t().db.organisation.findFirstOrThrow({ where: { shortName: "DMA" } });
    // More tasks than two pages hold, half of them the partner's.
    await t().db.task.createMany({
      data: Array.from({ length: 2 * LIST_PAGE_SIZE + 10 }, (_, i) => ({
        code: `PAGING-${kind}-${String(i).padStart(3, "0")}`,
        title: "Paging",
        authorityId: dma.id,
        partnerId: i % 2 ? partner.organisationId : null,
        priority: 5,
      })),
    });
    for (const who of [await actor("admin@demo.test"), partner]) {
      const all = await listTasks(t().db, who);
      const pages = [await taskPage(t().db, who, 1), await taskPage(t().db, who, 2), await taskPage(t().db, who, 3)];
      expect(pages.map((p) => p.total)).toEqual([all.length, all.length, all.length]);
      expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all.map((r) => r.id).slice(0, 3 * LIST_PAGE_SIZE));
      expect(pages[0]!.rows).toHaveLength(LIST_PAGE_SIZE);
    }
    const partnerTotal = (await taskPage(t().db, partner, 1)).total;
    expect(partnerTotal).toBe(await t().db.task.count({ where: { partnerId: partner.organisationId } }));
    await t().db.task.deleteMany({ where: { code: { startsWith: `PAGING-${kind}` } } });
  });

  it("keeps a partner's reports from other partners, the other region's authority, and (unapproved) from donors", async () => {
    const partner = await actor("partner@demo.test");
    const other = await t().db.organisation.findFirstOrThrow({ where: { name: { startsWith: "Two Rivers" } } });
    const rival = { id: "rival", role: "PARTNER" as const, organisationId: other.id };
    const { rows: mine, total } = await listReports(t().db, partner, {});
    expect(total).toBe(mine.length); // the demo's reports fit one page
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.partner.name.startsWith("Zagros"))).toBe(true);
    const pending = await t().db.landReleaseReport.findFirstOrThrow({
      where: {
        partnerId: partner.organisationId,
        status: "SUBMITTED",
        hazardArea: { authority: { shortName: "DMA" } },
      },
    });
    expect(await getReport(t().db, partner, pending.id)).not.toBeNull();
    expect(await getReport(t().db, rival, pending.id)).toBeNull();
    expect((await listReports(t().db, rival, {})).rows.some((r) => r.id === pending.id)).toBe(false);
    expect(await getReport(t().db, await actor("ikmaa@demo.test"), pending.id)).toBeNull();
    expect(await getReport(t().db, await actor("dma@demo.test"), pending.id)).not.toBeNull();
    const { rows: donorSees } = await listReports(t().db, await actor("donor@demo.test"), {});
    expect(donorSees.every((r) => r.status === "APPROVED")).toBe(true);
  });

  it("shows each authority the hazardous areas of its own region only", async () => {
    const dma = await listHazardAreas(t().db, await actor("dma@demo.test"));
    const ikmaa = await listHazardAreas(t().db, await actor("ikmaa@demo.test"));
    expect(dma.every((h) => h.governorate.region === "FEDERAL")).toBe(true);
    expect(ikmaa.every((h) => h.governorate.region === "KURDISTAN")).toBe(true);
    expect(dma.length + ikmaa.length).toBe(await t().db.hazardArea.count());
  });

  it("offers a task order the authority's own areas with land left, by search, and the one it came from", async () => {
    const dma = await actor("dma@demo.test");
    const all = await hazardAreaChoices(t().db, dma, "");
    const areas = await t().db.hazardArea.findMany({ include: { governorate: true } });
    // Land left: at least half a m², what shows as more than "0 m² remaining" (the demo's Sinjar station has a sliver).
    const own = areas.filter((h) => h.governorate.region === "FEDERAL" && h.areaM2 - h.releasedM2 >= 0.5);
    expect(areas.some((h) => h.releasedM2 < h.areaM2 && h.areaM2 - h.releasedM2 < 0.5)).toBe(true);
    expect(all.map((h) => h.id).sort()).toEqual(
      own
        .slice(0, HAZARD_AREA_CHOICES)
        .map((h) => h.id)
        .sort(),
    );
    const nin = await hazardAreaChoices(t().db, dma, "nin-001");
    expect(nin.map((h) => h.code)).toEqual(["DEMO-NIN-001"]);
    expect(
      (await hazardAreaChoices(t().db, dma, "ninewa")).every((h) =>
        own.some((o) => o.id === h.id && o.governoratePcode === "IQG15"),
      ),
    ).toBe(true);
    // Another authority's area is neither found nor included when asked for by id.
    const ikmaaArea = areas.find((h) => h.governorate.region === "KURDISTAN")!;
    expect(await hazardAreaChoices(t().db, dma, ikmaaArea.code, [ikmaaArea.id])).toEqual([]);
    // A fully released area is not offered, but the one the form was opened for is kept.
    const done = await t().db.hazardArea.create({
      data: { ...pick(own[0]!), code: `DONE-${kind}`, releasedM2: own[0]!.areaM2 },
    });
    expect(await hazardAreaChoices(t().db, dma, `DONE-${kind}`)).toEqual([]);
    expect((await hazardAreaChoices(t().db, dma, `DONE-${kind}`, [done.id])).map((h) => h.code)).toEqual([
      `DONE-${kind}`,
    ]);
    await t().db.hazardArea.delete({ where: { id: done.id } });
  });

  it("shows a donor only the grants it funds, and an admin everything", async () => {
    const donor = await actor("donor@demo.test");
    const grants = await fundingGrants(t().db, donor);
    expect(grants.length).toBeGreaterThan(0);
    expect(grants.every((g) => g.donor.name.includes("demo donor"))).toBe(true);
    expect((await fundingGrants(t().db, await actor("admin@demo.test"))).length).toBe(await t().db.grant.count());
  });

  it("a donor's list of approved reports counts a new approval at once (its count is kept per data version)", async () => {
    const donor = await actor("donor@demo.test");
    const before = (await listReports(t().db, donor, {})).total;
    expect((await listReports(t().db, donor, {})).total).toBe(before);
    const pending = await t().db.landReleaseReport.findFirstOrThrow({
      where: { status: "SUBMITTED", hazardArea: { authority: { shortName: "DMA" } } },
      orderBy: { submittedAt: "asc" },
    });
    await reviewLandReleaseReport(t().db, await actor("dma@demo.test"), pending.id, { decision: "approve" });
    expect((await listReports(t().db, donor, {})).total).toBe(before + 1);
  });
  it("a task handed to another partner keeps the first partner's unapproved reports and corrections from it, and its grants with their partner", async () => {
    const db = t().db;
    const [dma, partner] = [await actor("dma@demo.test"), await actor("partner@demo.test")];
    const other = await db.organisation.findFirstOrThrow({ where: { name: { startsWith: "Two Rivers" } } });
    const user = await db.user.create({
      data: {
        email: `two-rivers-${kind}@test.invalid`,
        name: "Two Rivers officer",
        passwordHash: "unusable",
        role: "PARTNER",
        organisationId: other.id,
      },
    });
    const rival = { id: user.id, role: "PARTNER" as const, organisationId: other.id };
    // Kirkuk, the DMA's: an area of its own so every report counts new land.
    const hazard = await registerHazardArea(db, dma, {
      code: `CHA-KRK-HAND-${kind.toUpperCase()}`,
      name: "Handover test",
      kind: "CHA",
      contamination: ["IEDS"],
      landUse: "AGRICULTURE",
      priorityRank: 2,
      geometry: box(44.3, 35.4, 0.004),
    });

    // A task funded by the first partner's grant cannot go to another partner.
    const fundedArea = await registerHazardArea(db, dma, {
      code: `CHA-KRK-FUND-${kind.toUpperCase()}`,
      name: "Funded test",
      kind: "CHA",
      contamination: ["IEDS"],
      landUse: "AGRICULTURE",
      priorityRank: 2,
      geometry: box(44.31, 35.41, 0.004),
    });
    const grant = await db.grant.findFirstOrThrow({ where: { partnerId: partner.organisationId } });
    const funded = await createTask(db, dma, {
      title: "Funded",
      hazardAreaIds: [fundedArea.id],
      partnerId: partner.organisationId,
      priority: 2,
      grants: [{ grantId: grant.id, shareBp: 5000 }],
    });
    await transitionTask(db, dma, funded.id, { to: "planned" });
    const refused = await refusal(transitionTask(db, dma, funded.id, { to: "assigned", partnerId: other.id }));
    expect([refused.code, refused.message]).toEqual([
      "invalid_request",
      `Grant ${grant.code} funds another implementing partner; a task's grants must fund its partner.`,
    ]);
    expect((await db.task.findUniqueOrThrow({ where: { id: funded.id } })).status).toBe("PLANNED");
    expect(
      (await transitionTask(db, dma, funded.id, { to: "assigned", partnerId: partner.organisationId })).status,
    ).toBe("assigned");

    // The first partner's approved report, a correction of it and another report under review; then the task is handed over.
    const task = await createTask(db, dma, {
      title: "Handed over",
      hazardAreaIds: [hazard.id],
      partnerId: partner.organisationId,
      priority: 2,
    });
    const report = (body: object) => ({
      method: "cleared",
      clearanceDepthCm: 30,
      periodStart: "2026-11-01",
      periodEnd: "2026-11-10",
      ...body,
    });
    const approved = await submitLandReleaseReport(
      db,
      partner,
      task.id,
      report({ geometry: box(44.3005, 35.4005, 0.001) }),
    );
    await reviewLandReleaseReport(db, dma, approved.id, { decision: "approve" });
    const correction = await submitLandReleaseReport(
      db,
      partner,
      task.id,
      report({ geometry: box(44.3005, 35.4005, 0.0008), supersedesId: approved.id }),
    );
    const pending = await submitLandReleaseReport(
      db,
      partner,
      task.id,
      report({ geometry: box(44.302, 35.402, 0.001) }),
    );
    // The first partner's reports started the work: it goes back to assigned only to another partner.
    await transitionTask(db, dma, task.id, { to: "assigned", partnerId: other.id });

    // The first partner's progress still counts the area it released land in: its remaining is what is left there and in its tasks' areas.
    const zagrosAreas = await db.hazardArea.findMany({
      where: {
        OR: [
          { tasks: { some: { task: { partnerId: partner.organisationId } } } },
          { reports: { some: { partnerId: partner.organisationId, status: "APPROVED" } } },
        ],
      },
    });
    expect(zagrosAreas.some((a) => a.id === hazard.id)).toBe(true);
    const zagrosView = await getProgress(db, { partner: partner.organisationId });
    expect(zagrosView.remainingM2).toBeCloseTo(
      zagrosAreas.reduce((s, a) => s + a.areaM2 - a.releasedM2, 0),
      4,
    );
    expect(zagrosView.releasedToDateM2 + zagrosView.remainingM2).toBeCloseTo(zagrosView.baselineM2, 4);

    // The new partner sees the approved report, not the first partner's correction or report under review; the first partner's view is unchanged.
    expect((await getTask(db, rival, task.id))!.reports.map((r) => r.id)).toEqual([approved.id]);
    expect((await getTaskWorkspace(db, rival, task.id))!.reports.map((r) => r.id)).toEqual([approved.id]);
    expect((await getReport(db, rival, approved.id))!.corrections).toEqual([]);
    expect((await getReport(db, partner, approved.id))!.corrections.map((c) => c.id)).toEqual([correction.id]);
    expect(await getReport(db, rival, pending.id)).toBeNull();
    expect((await getTaskWorkspace(db, dma, task.id))!.reports.map((r) => r.id).sort()).toEqual(
      [approved.id, correction.id, pending.id].sort(),
    );
    // It corrects only its own reports, and reports its own work on the task.
    const notTheirs = await refusal(
      submitLandReleaseReport(
        db,
        rival,
        task.id,
        report({ geometry: box(44.3005, 35.4005, 0.0005), supersedesId: approved.id }),
      ),
    );
    expect(notTheirs.code).toBe("invalid_request");
    expect((await db.landReleaseReport.findUniqueOrThrow({ where: { id: approved.id } })).status).toBe("APPROVED");
    const own = await submitLandReleaseReport(db, rival, task.id, report({ geometry: box(44.3025, 35.4025, 0.0005) }));
    expect((await getTask(db, rival, task.id))!.reports.map((r) => r.id)).toEqual([approved.id, own.id]);
  });
});
