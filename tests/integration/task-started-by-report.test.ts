import { describe, expect, it } from "vitest";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import { transitionTask } from "@/lib/server/commands/transition-task";
import type { Db } from "@/lib/server/prisma";
import { getTaskWorkspace } from "@/lib/server/queries/tasks";
import { authority, donor, hazardArea, partner, task, uniqueCode } from "@/tests/factories";
import { refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useReferenceDatabase } from "@/tests/helpers/databases";
import { rectangle, strip } from "@/tests/helpers/shapes";

const report = (geometry: unknown) => ({
  method: "cleared",
  clearanceDepthCm: 30,
  periodStart: "2026-10-01",
  periodEnd: "2026-10-31",
  geometry,
  devices: [],
});

/** A grant of `donorId` funding `taskId` for `shareBp` of it. */
async function grantFor(db: Db, donorId: string, taskId: string, shareBp: number) {
  const code = uniqueCode("GRANT");
  return db.grant.create({
    data: {
      code,
      title: `Grant ${code}`,
      donorId,
      amountMinor: 100_000_00n,
      currency: "USD",
      amountUsdCents: 100_000_00n,
      fiscalYear: 2026,
      tasks: { create: { taskId, shareBp } },
    },
  });
}

describe.each(DATABASE_KINDS)("a task's status follows the work on %s", (kind) => {
  const t = useReferenceDatabase(kind);

  /** A partner's assigned task on a 600 m × 400 m area of DMA's in Ninewa, no report yet. */
  async function assignedTask(centre: [number, number]) {
    const dma = await authority(t().db, "FEDERAL");
    const { organisation, actor } = await partner(t().db);
    const boundary = rectangle(centre, 600, 400);
    const area = await hazardArea(t().db, dma, { geometry: boundary });
    const order = await task(t().db, dma, { hazardAreas: [area], partnerId: organisation.id });
    return { dma, partner: actor, boundary, task: order };
  }
  const statusOf = async (id: string) => (await t().db.task.findUniqueOrThrow({ where: { id } })).status;
  const startedEvents = (taskId: string) =>
    t().db.auditEvent.findMany({ where: { entityId: taskId, action: "task.startedByReport" } });

  it("the first report on an assigned task starts the work, recorded as the system's step; later reports do not", async () => {
    const scene = await assignedTask([42.8, 36.3]);
    expect(scene.task.status).toBe("ASSIGNED");
    const first = await submitLandReleaseReport(
      t().db,
      scene.partner,
      scene.task.id,
      report(strip(scene.boundary, 0, 0.3)),
    );
    expect(await statusOf(scene.task.id)).toBe("IN_PROGRESS");
    const [event, ...more] = await startedEvents(scene.task.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actorUserId: null,
      entityType: "Task",
      before: { status: "ASSIGNED" },
      after: { status: "IN_PROGRESS", reportId: first.id },
    });
    const history = await t().db.taskStatusChange.findMany({
      where: { taskId: scene.task.id },
      orderBy: { at: "asc" },
    });
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.byUserId])).toEqual([
      [null, "ASSIGNED", scene.dma.id],
      ["ASSIGNED", "IN_PROGRESS", null],
    ]);

    await reviewLandReleaseReport(t().db, scene.dma, first.id, { decision: "approve" });
    await submitLandReleaseReport(t().db, scene.partner, scene.task.id, report(strip(scene.boundary, 0.3, 0.6)));
    expect(await statusOf(scene.task.id)).toBe("IN_PROGRESS");
    expect(await startedEvents(scene.task.id)).toHaveLength(1);
    expect(await t().db.taskStatusChange.count({ where: { taskId: scene.task.id } })).toBe(2);
  });

  it("two first reports sent at once are both taken, and the task starts once", async () => {
    const scene = await assignedTask([42.9, 36.3]);
    const reports = await Promise.all([
      submitLandReleaseReport(t().db, scene.partner, scene.task.id, report(strip(scene.boundary, 0, 0.2))),
      submitLandReleaseReport(t().db, scene.partner, scene.task.id, report(strip(scene.boundary, 0.2, 0.4))),
    ]);
    expect(reports.map((r) => r.status)).toEqual(["SUBMITTED", "SUBMITTED"]);
    expect(await statusOf(scene.task.id)).toBe("IN_PROGRESS");
    expect(await startedEvents(scene.task.id)).toHaveLength(1);
  });

  it("refuses to take started work back to planning; it only goes to another partner, who starts it again", async () => {
    const scene = await assignedTask([43.0, 36.3]);
    await submitLandReleaseReport(t().db, scene.partner, scene.task.id, report(strip(scene.boundary, 0, 0.3)));
    const back = await refusal(transitionTask(t().db, scene.dma, scene.task.id, { to: "planned" }));
    expect(back.code).toBe("conflict");
    expect(back.message).toMatch(/cannot become planned/i);
    const same = await refusal(transitionTask(t().db, scene.dma, scene.task.id, { to: "assigned" }));
    expect(same.message).toMatch(/only to hand it to another implementing partner/);
    // Nor is it started twice by hand.
    expect((await refusal(transitionTask(t().db, scene.partner, scene.task.id, { to: "in_progress" }))).code).toBe(
      "conflict",
    );
    expect(await statusOf(scene.task.id)).toBe("IN_PROGRESS");

    const { organisation: next, actor: nextPartner } = await partner(t().db);
    await transitionTask(t().db, scene.dma, scene.task.id, { to: "assigned", partnerId: next.id });
    expect(await t().db.task.findUniqueOrThrow({ where: { id: scene.task.id } })).toMatchObject({
      status: "ASSIGNED",
      partnerId: next.id,
    });
    await submitLandReleaseReport(t().db, nextPartner, scene.task.id, report(strip(scene.boundary, 0.5, 0.8)));
    expect(await statusOf(scene.task.id)).toBe("IN_PROGRESS");
    expect(await startedEvents(scene.task.id)).toHaveLength(2);
  });

  it("an assignment no one has reported on can still be withdrawn", async () => {
    const scene = await assignedTask([42.8, 36.4]);
    expect((await transitionTask(t().db, scene.dma, scene.task.id, { to: "planned" })).status).toBe("planned");
    expect(
      (
        await refusal(
          submitLandReleaseReport(t().db, scene.partner, scene.task.id, report(strip(scene.boundary, 0, 0.3))),
        )
      ).code,
    ).toBe("conflict");
  });

  it("the task page lists the grants funding the task with their share; a donor sees only its own", async () => {
    const scene = await assignedTask([42.9, 36.4]);
    const [a, b] = [await donor(t().db), await donor(t().db)];
    const grantA = await grantFor(t().db, a.organisation.id, scene.task.id, 6_000);
    const grantB = await grantFor(t().db, b.organisation.id, scene.task.id, 4_000);
    const funding = async (who: Parameters<typeof getTaskWorkspace>[1]) =>
      (await getTaskWorkspace(t().db, who, scene.task.id))!.grants.map((g) => [
        g.grant.code,
        g.grant.donor.name,
        g.shareBp,
      ]);
    expect(new Set(await funding(scene.dma))).toEqual(
      new Set([
        [grantA.code, a.organisation.name, 6_000],
        [grantB.code, b.organisation.name, 4_000],
      ]),
    );
    expect(await funding(a.actor)).toEqual([[grantA.code, a.organisation.name, 6_000]]);
  });
});
