// A session or an accident recorded offline waits in the device's queue and may be sent twice (the first answer
// lost on a weak connection): its clientRef makes the second sending answer with the record already made.
import { describe, expect, it } from "vitest";
import { recordCasualtyIncident } from "@/lib/server/commands/record-casualty-incident";
import { recordRiskEducationSession } from "@/lib/server/commands/record-risk-education-session";
import { refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { humanImpactCallers, NINEWA } from "@/tests/helpers/human-impact";

const session = (clientRef?: string) => ({
  heldOn: "2025-03-10",
  governorate: NINEWA,
  place: "Bashiqa primary school",
  women: 3,
  men: 2,
  girls: 5,
  boys: 4,
  ...(clientRef ? { clientRef } : {}),
});
const accident = (clientRef: string) => ({
  occurredOn: "2025-05-02",
  governorate: NINEWA,
  place: "Sinjar road, km 12",
  deviceCategory: "IED",
  injured: { men: 1 },
  clientRef,
});

describe.each(DATABASE_KINDS)("clientRef on sessions and accidents on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const { actor, otherPartner, counts } = humanImpactCallers(t);

  it("a session sent again with its clientRef answers with the session already recorded, once in the figures", async () => {
    const partner = await actor("partner@demo.test");
    const first = await recordRiskEducationSession(t().db, partner, session("queue-eore-0001"));
    expect(first.replayed).toBe(false);
    const before = await counts();
    const again = await recordRiskEducationSession(t().db, partner, session("queue-eore-0001"));
    expect(again).toMatchObject({ id: first.id, replayed: true });
    expect(await counts()).toEqual(before);
    // Another submission, with its own clientRef, is another session; one without any too.
    const other = await recordRiskEducationSession(t().db, partner, session("queue-eore-0002"));
    expect(other.id).not.toBe(first.id);
    expect((await recordRiskEducationSession(t().db, partner, session())).id).not.toBe(first.id);
  });

  it("two sendings of one session at once make one session", async () => {
    const partner = await actor("partner@demo.test");
    const before = await t().db.riskEducationSession.count();
    const [a, b] = await Promise.all([
      recordRiskEducationSession(t().db, partner, session("queue-eore-race")),
      recordRiskEducationSession(t().db, partner, session("queue-eore-race")),
    ]);
    expect(a.id).toBe(b.id);
    expect(await t().db.riskEducationSession.count()).toBe(before + 1);
  });

  it("a clientRef is the organisation's own: another partner's same clientRef is its own session", async () => {
    const mine = await recordRiskEducationSession(t().db, await actor("partner@demo.test"), session("shared-ref-01"));
    const theirs = await recordRiskEducationSession(t().db, await otherPartner(), session("shared-ref-01"));
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.replayed).toBe(false);
  });

  it("an accident sent again with its clientRef answers with the accident already recorded", async () => {
    const dma = await actor("dma@demo.test");
    const first = await recordCasualtyIncident(t().db, dma, accident("queue-acc-0001"));
    const before = await counts();
    expect(await recordCasualtyIncident(t().db, dma, accident("queue-acc-0001"))).toMatchObject({
      id: first.id,
      replayed: true,
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a malformed clientRef and records nothing", async () => {
    const before = await counts();
    const err = await refusal(recordRiskEducationSession(t().db, await actor("partner@demo.test"), session("x")));
    expect(err.details).toEqual([expect.objectContaining({ path: ["clientRef"] })]);
    expect(await counts()).toEqual(before);
  });
});
