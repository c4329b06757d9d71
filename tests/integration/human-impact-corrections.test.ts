import { describe, expect, it } from "vitest";
import { recordCasualtyIncident } from "@/lib/server/commands/record-casualty-incident";
import { recordRiskEducationSession } from "@/lib/server/commands/record-risk-education-session";
import { getHumanImpact, riskEducationPage } from "@/lib/server/queries/human-impact";
import { refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { humanImpactCallers, NINEWA } from "@/tests/helpers/human-impact";

// Risk-education sessions and casualty incidents are corrected and withdrawn by new records, never by erasing one.
describe.each(DATABASE_KINDS)("corrections of risk education and casualty records on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const { actor, otherPartner, counts } = humanImpactCallers(t);

  it("corrects and withdraws a record without erasing it: the correction counts instead, the withdrawal counts nobody, both audited", async () => {
    const db = t().db;
    const partner = await actor("partner@demo.test");
    const wrong = await recordRiskEducationSession(db, partner, {
      heldOn: "2025-04-01",
      governorate: NINEWA,
      place: "Qayyarah",
      women: 100,
      men: 1,
    });
    const before = await getHumanImpact(db);

    // The partner typed 100 women for 10: a correction replaces the figures, with why.
    const fixed = await recordRiskEducationSession(db, partner, {
      heldOn: "2025-04-01",
      governorate: NINEWA,
      place: "Qayyarah",
      women: 10,
      men: 1,
      supersedesId: wrong.id,
      correctionNote: "Typed 100 for 10 women.",
    });
    const corrected = await getHumanImpact(db);
    expect(corrected.riskEducation.sessions).toBe(before.riskEducation.sessions);
    expect(corrected.riskEducation.beneficiaries.women - before.riskEducation.beneficiaries.women).toBe(-90);
    const listed = (await riskEducationPage(db, partner, 1)).rows;
    expect(listed.map((s) => s.id)).toContain(fixed.id);
    expect(listed.map((s) => s.id)).not.toContain(wrong.id);
    expect(await db.riskEducationSession.findUnique({ where: { id: wrong.id } })).toMatchObject({ women: 100 });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: fixed.id } })).toMatchObject({
      action: "riskEducation.correct",
      before: { id: wrong.id, women: 100 },
    });

    // A record is corrected once; the next correction is of the one in force. Another partner cannot touch it.
    const counted = await counts();
    const again = await refusal(
      recordRiskEducationSession(db, partner, {
        heldOn: "2025-04-01",
        governorate: NINEWA,
        place: "Qayyarah",
        women: 9,
        supersedesId: wrong.id,
        correctionNote: "Second try.",
      }),
    );
    expect([again.code, again.message]).toEqual(["conflict", expect.stringMatching(/already corrected or withdrawn/)]);
    expect(
      (
        await refusal(
          recordRiskEducationSession(db, await otherPartner(), {
            supersedesId: fixed.id,
            withdrawn: true,
            correctionNote: "Not ours.",
          }),
        )
      ).code,
    ).toBe("not_found");
    expect(
      (
        await refusal(
          recordRiskEducationSession(db, partner, {
            heldOn: "2025-04-01",
            governorate: NINEWA,
            place: "Qayyarah",
            women: 9,
            supersedesId: fixed.id,
          }),
        )
      ).details,
    ).toEqual([
      expect.objectContaining({ path: ["correctionNote"], message: "Say why the record is corrected or withdrawn." }),
    ]);
    expect(await counts()).toEqual(counted);

    // Two corrections of one record at once: one is kept, the other refused.
    const racing = await Promise.allSettled(
      [1, 2].map((n) =>
        recordRiskEducationSession(db, partner, {
          heldOn: "2025-04-01",
          governorate: NINEWA,
          place: "Qayyarah",
          women: 10 + n,
          men: 1,
          supersedesId: fixed.id,
          correctionNote: `Recount ${n}.`,
        }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const inForce = (racing.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ id: string }>).value;

    // Entered in error: withdrawn, the session no longer counts at all.
    const withdrawal = await recordRiskEducationSession(db, partner, {
      supersedesId: inForce.id,
      withdrawn: true,
      correctionNote: "Entered twice: the same session is recorded on 2025-03-10.",
    });
    const after = await getHumanImpact(db);
    expect(after.riskEducation.sessions).toBe(before.riskEducation.sessions - 1);
    expect(after.riskEducation.beneficiaries.women).toBe(before.riskEducation.beneficiaries.women - 100);
    expect(await db.riskEducationSession.findUniqueOrThrow({ where: { id: withdrawal.id } })).toMatchObject({
      withdrawn: true,
      women: 0,
      place: "Qayyarah",
      supersedesId: inForce.id,
    });
    expect(
      (
        await refusal(
          recordRiskEducationSession(db, partner, {
            supersedesId: withdrawal.id,
            withdrawn: true,
            correctionNote: "Withdraw the withdrawal.",
          }),
        )
      ).code,
    ).toBe("not_found");

    // Accidents: the authority corrects its own record; the figures follow.
    const dma = await actor("dma@demo.test");
    const accident = await recordCasualtyIncident(db, dma, {
      occurredOn: "2025-06-01",
      governorate: NINEWA,
      place: "Hamdaniya",
      deviceCategory: "UXO",
      injured: { men: 3 },
    });
    const withAccident = await getHumanImpact(db);
    await recordCasualtyIncident(db, dma, {
      occurredOn: "2025-06-01",
      governorate: NINEWA,
      place: "Hamdaniya",
      deviceCategory: "UXO",
      killed: { men: 1 },
      injured: { men: 2 },
      supersedesId: accident.id,
      correctionNote: "One of the injured died in hospital.",
    });
    const afterAccident = await getHumanImpact(db);
    expect(afterAccident.casualties.incidents).toBe(withAccident.casualties.incidents);
    expect([
      afterAccident.casualties.people.byOutcomeSexAge.KILLED.MALE.ADULT -
        withAccident.casualties.people.byOutcomeSexAge.KILLED.MALE.ADULT,
      afterAccident.casualties.people.byOutcomeSexAge.INJURED.MALE.ADULT -
        withAccident.casualties.people.byOutcomeSexAge.INJURED.MALE.ADULT,
    ]).toEqual([1, -1]);
    expect(
      (
        await refusal(
          recordCasualtyIncident(db, await actor("ikmaa@demo.test"), {
            supersedesId: accident.id,
            withdrawn: true,
            correctionNote: "Not in our governorates.",
          }),
        )
      ).code,
    ).toBe("not_found");
  });

  it("keeps the database's own check: a withdrawal names what it withdraws and counts nobody", async () => {
    const partner = await actor("partner@demo.test");
    const base = {
      partnerId: partner.organisationId,
      governoratePcode: NINEWA,
      heldOn: new Date("2025-01-01"),
      place: "x",
      recordedById: partner.id,
    };
    await expect(
      t().db.riskEducationSession.create({ data: { ...base, women: 0, men: 0, girls: 0, boys: 0, withdrawn: true } }),
    ).rejects.toThrow();
    const real = await t().db.riskEducationSession.create({ data: { ...base, women: 1, men: 0, girls: 0, boys: 0 } });
    await expect(
      t().db.riskEducationSession.create({
        data: { ...base, women: 1, men: 0, girls: 0, boys: 0, withdrawn: true, supersedesId: real.id },
      }),
    ).rejects.toThrow();
  });
});
