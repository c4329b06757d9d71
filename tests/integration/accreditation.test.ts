import { describe, expect, it } from "vitest";
import { programmeDay } from "@/lib/domain/calendar";
import { createTask } from "@/lib/server/commands/create-task";
import { recordAccreditation } from "@/lib/server/commands/record-accreditation";
import { transitionTask } from "@/lib/server/commands/transition-task";
import { withdrawAccreditation } from "@/lib/server/commands/withdraw-accreditation";
import { listAccreditations, operatorsForTasking } from "@/lib/server/queries/accreditations";
import { authority, hazardArea, partner, task } from "@/tests/factories";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { rectangle } from "@/tests/helpers/shapes";

// Erbil (Kurdistan Region, IKMAA's), away from the demo sites.
const ERBIL: [number, number] = [44.1, 36.31];
const certificate = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

describe.each(DATABASE_KINDS)("accreditation and tasking on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("an authority records an accreditation it issued, sees it in its register, and withdraws it once; all audited", async () => {
    const db = t().db;
    const ikmaa = await authority(db, "KURDISTAN");
    const dma = await authority(db, "FEDERAL");
    const { organisation: operator } = await partner(db, { accredited: false });
    const reference = certificate("IKMAA-ACC");
    const body = {
      operatorId: operator.id,
      scopes: ["CLEARANCE", "NTS", "CLEARANCE"],
      validFrom: "2026-01-01",
      validTo: "2027-12-31",
      reference,
    };
    const made = await recordAccreditation(db, ikmaa, body);
    const stored = await db.accreditation.findUniqueOrThrow({ where: { id: made.id } });
    expect(stored).toMatchObject({
      operatorId: operator.id,
      issuingAuthorityId: ikmaa.organisationId,
      scopes: ["NTS", "CLEARANCE"],
      reference,
      recordedById: ikmaa.id,
      withdrawnOn: null,
    });
    expect((await listAccreditations(db, ikmaa)).map((a) => a.id)).toContain(made.id);
    expect((await listAccreditations(db, dma)).map((a) => a.id)).not.toContain(made.id);

    // Only an authority records, for itself; the period runs forwards; the holder is an operator.
    const before = await db.accreditation.count();
    const donorAccount = await actorFor(db, "donor@demo.test");
    expect((await refusal(recordAccreditation(db, await actorFor(db, "partner@demo.test"), body))).code).toBe(
      "forbidden",
    );
    expect((await refusal(recordAccreditation(db, await actorFor(db, "admin@demo.test"), body))).code).toBe(
      "forbidden",
    );
    const backwards = await refusal(recordAccreditation(db, ikmaa, { ...body, validTo: "2025-12-31" }));
    expect(backwards.message).toBe("The accreditation ends before it starts: check the validity dates.");
    const toDonor = await refusal(recordAccreditation(db, ikmaa, { ...body, operatorId: donorAccount.organisationId }));
    expect(toDonor.details).toMatchObject([{ path: ["operatorId"] }]);
    expect((await refusal(recordAccreditation(db, ikmaa, { ...body, scopes: [] }))).code).toBe("invalid_request");
    expect(await db.accreditation.count()).toBe(before);

    // Another authority cannot withdraw it; its issuer does, once.
    expect(
      (await refusal(withdrawAccreditation(db, dma, made.id, { withdrawnOn: "2026-11-01", reason: "Audit failed" })))
        .code,
    ).toBe("not_found");
    await withdrawAccreditation(db, ikmaa, made.id, { withdrawnOn: "2026-11-01", reason: "QA audit failed" });
    const again = await refusal(
      withdrawAccreditation(db, ikmaa, made.id, { withdrawnOn: "2026-12-01", reason: "Second thoughts" }),
    );
    expect([again.code, again.message]).toEqual([
      "conflict",
      "This accreditation was withdrawn on 2026-11-01: a withdrawal is recorded once. Record a new accreditation to restore it.",
    ]);
    expect(await db.accreditation.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({
      withdrawnById: ikmaa.id,
      withdrawalReason: "QA audit failed",
    });
    const trail = await db.auditEvent.findMany({ where: { entityId: made.id }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.action, e.actorUserId])).toEqual([
      ["accreditation.create", ikmaa.id],
      ["accreditation.withdraw", ikmaa.id],
    ]);
    expect(trail[0]!.after).toMatchObject({ operatorId: operator.id, issuingAuthorityId: ikmaa.organisationId });
  });

  it("refuses a task order to an operator not accredited for its work by its authority today, naming what is missing, and writes nothing", async () => {
    const db = t().db;
    const ikmaa = await authority(db, "KURDISTAN");
    const dma = await authority(db, "FEDERAL");
    const area = await hazardArea(db, ikmaa, { geometry: rectangle(ERBIL, 300, 200) });
    const today = programmeDay();
    const { organisation: operator } = await partner(db, { accredited: false });
    const order = (workScopes: string[]) => ({
      title: "Clear the orchard",
      hazardAreaIds: [area.id],
      partnerId: operator.id,
      priority: 2,
      workScopes,
    });
    const counts = async () => [
      await db.task.count(),
      await db.auditEvent.count({ where: { action: { startsWith: "task." } } }),
    ];
    const before = await counts();
    const refused = async (workScopes: string[]) => (await refusal(createTask(db, ikmaa, order(workScopes)))).message;
    const close = "Record the accreditation first, or choose an operator accredited for this work.";

    expect(await refused(["clearance"])).toBe(
      `${operator.name} holds no valid accreditation from IKMAA for clearance on ${today}: ` +
        `no accreditation for clearance. ${close}`,
    );
    // Expired, and accredited by DMA only (which accredits for federal Iraq, not for IKMAA's task).
    await recordAccreditation(db, ikmaa, {
      operatorId: operator.id,
      scopes: ["CLEARANCE"],
      validFrom: "2024-01-01",
      validTo: "2025-12-31",
      reference: "IKMAA-ACC-OLD",
    });
    await recordAccreditation(db, dma, {
      operatorId: operator.id,
      scopes: ["EOD"],
      validFrom: "2024-01-01",
      validTo: "2099-12-31",
      reference: "DMA-ACC-EOD",
    });
    expect(await refused(["clearance", "eod"])).toBe(
      `${operator.name} holds no valid accreditation from IKMAA for clearance and EOD on ${today}: ` +
        "the clearance accreditation IKMAA-ACC-OLD expired on 2025-12-31; " +
        "the EOD accreditation DMA-ACC-EOD is from another authority, which accredits for its own region only. " +
        close,
    );
    // Accredited for survey only: a clearance task is still refused, an NTS one is not.
    await recordAccreditation(db, ikmaa, {
      operatorId: operator.id,
      scopes: ["NTS", "TS"],
      validFrom: "2024-01-01",
      validTo: "2099-12-31",
      reference: "IKMAA-ACC-SURVEY",
    });
    expect(await refused(["ts", "clearance"])).toMatch(/for clearance on .*IKMAA-ACC-OLD expired/);
    const arabic = await refusal(createTask(db, ikmaa, order(["clearance"])));
    expect(arabic.text.ar).toContain("IKMAA-ACC-OLD");
    expect(arabic.text.ckb).toContain("IKMAA-ACC-OLD");
    expect(await counts()).toEqual(before);

    const survey = await createTask(db, ikmaa, order(["nts", "ts"]));
    expect(await db.task.findUniqueOrThrow({ where: { id: survey.id } })).toMatchObject({
      partnerId: operator.id,
      workScopes: ["NTS", "TS"],
      status: "ASSIGNED",
    });
    // The task form offers the operator for survey, not for clearance.
    const offered = (await operatorsForTasking(db, ikmaa.organisationId)).find((o) => o.id === operator.id);
    expect(offered?.accreditedScopes).toEqual(["NTS", "TS"]);
  });

  it("refuses assigning or reassigning a task to an operator whose accreditation was withdrawn, and leaves the task as it was", async () => {
    const db = t().db;
    const ikmaa = await authority(db, "KURDISTAN");
    const area = await hazardArea(db, ikmaa, { geometry: rectangle([ERBIL[0] + 0.02, ERBIL[1] + 0.02], 300, 200) });
    const planned = await task(db, ikmaa, { hazardAreas: [area] });
    const { organisation: operator } = await partner(db, { accredited: false });
    const held = await recordAccreditation(db, ikmaa, {
      operatorId: operator.id,
      scopes: ["CLEARANCE"],
      validFrom: "2024-01-01",
      validTo: "2099-12-31",
      reference: certificate("IKMAA-ACC"),
    });
    await withdrawAccreditation(db, ikmaa, held.id, { withdrawnOn: "2026-01-01", reason: "Licence suspended" });
    const assign = await refusal(transitionTask(db, ikmaa, planned.id, { to: "assigned", partnerId: operator.id }));
    expect(assign.message).toContain(`the clearance accreditation ${held.reference} was withdrawn on 2026-01-01`);
    expect(await db.task.findUniqueOrThrow({ where: { id: planned.id } })).toMatchObject({
      status: "PLANNED",
      partnerId: null,
    });
    expect(await db.taskStatusChange.count({ where: { taskId: planned.id } })).toBe(1);

    // An accredited operator takes it; handing it on to the suspended one is refused as well.
    const { organisation: accredited } = await partner(db);
    await transitionTask(db, ikmaa, planned.id, { to: "assigned", partnerId: accredited.id });
    await transitionTask(db, ikmaa, planned.id, { to: "planned" });
    const back = await refusal(transitionTask(db, ikmaa, planned.id, { to: "assigned", partnerId: operator.id }));
    expect(back.message).toMatch(/withdrawn on 2026-01-01/);
    expect(await db.task.findUniqueOrThrow({ where: { id: planned.id } })).toMatchObject({ status: "PLANNED" });
  });

  it("an authority refuses tasking an operator in another authority's region with that authority's accreditation", async () => {
    const db = t().db;
    const dma = await authority(db, "FEDERAL");
    const area = await hazardArea(db, dma, { geometry: rectangle([44.3, 35.4], 300, 200) });
    const { organisation: operator } = await partner(db, { accredited: false });
    const ikmaa = await authority(db, "KURDISTAN");
    await recordAccreditation(db, ikmaa, {
      operatorId: operator.id,
      scopes: ["CLEARANCE"],
      validFrom: "2024-01-01",
      validTo: "2099-12-31",
      reference: "IKMAA-ACC-KRI-ONLY",
    });
    const refused = await refusal(
      createTask(db, dma, { title: "Kirkuk task", hazardAreaIds: [area.id], partnerId: operator.id, priority: 1 }),
    );
    expect(refused.message).toContain("from DMA for clearance");
    expect(refused.message).toContain("IKMAA-ACC-KRI-ONLY is from another authority");
  });
});
