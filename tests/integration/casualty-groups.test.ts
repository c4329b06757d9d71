// Accidents as IMAS 13.10 records them: several devices (or none known), an optional point inside the governorate,
// and casualties by outcome, sex, age and status, unknown where the record does not say.
import { describe, expect, it } from "vitest";
import { tallyCasualties } from "@/lib/domain/casualties";
import { recordCasualtyIncident } from "@/lib/server/commands/record-casualty-incident";
import { casualtyPage, getHumanImpact } from "@/lib/server/queries/human-impact";
import { refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { humanImpactCallers, NINEWA } from "@/tests/helpers/human-impact";

const MOSUL: [number, number] = [43.13, 36.34]; // in Ninewa
const ERBIL_CITY: [number, number] = [44.01, 36.19]; // in Erbil, not Ninewa

const accident = (extra: object = {}) => ({
  occurredOn: "2025-07-03",
  governorate: NINEWA,
  place: "Tel Kaif road",
  devices: ["IED", "UXO"],
  location: { type: "Point", coordinates: MOSUL },
  casualties: [
    { outcome: "KILLED", sex: "MALE", age: "ADULT", status: "DEMINER", count: 1 },
    { outcome: "KILLED", sex: "UNKNOWN", age: "UNKNOWN", status: "UNKNOWN", count: 2 },
    { outcome: "INJURED", sex: "FEMALE", age: "CHILD", status: "CIVILIAN", count: 1 },
    { outcome: "INJURED", sex: "UNKNOWN", age: "ADULT", status: "SECURITY_FORCES", count: 3 },
    { outcome: "UNKNOWN", sex: "UNKNOWN", age: "UNKNOWN", status: "UNKNOWN", count: 4 },
  ],
  ...extra,
});

describe.each(DATABASE_KINDS)("accidents with several devices, a point and casualties by group on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const { actor, counts } = humanImpactCallers(t);

  it("records unknown sex, age, outcome and status as they are, and the figures add up without splitting them", async () => {
    const dma = await actor("dma@demo.test");
    const before = await getHumanImpact(t().db);
    const recorded = await recordCasualtyIncident(t().db, dma, accident());
    const row = (await casualtyPage(t().db, 1)).rows.find((c) => c.id === recorded.id)!;
    expect(row.deviceCategories).toEqual(["IED", "UXO"]);
    expect(row.location).toEqual({ type: "Point", coordinates: MOSUL });
    expect(row.counts).toHaveLength(5);

    const after = await getHumanImpact(t().db);
    const moved = (f: (p: typeof after.casualties.people) => number) =>
      f(after.casualties.people) - f(before.casualties.people);
    expect(after.casualties.incidents - before.casualties.incidents).toBe(1);
    expect(moved((p) => p.total)).toBe(11);
    expect([
      moved((p) => p.byOutcome.KILLED),
      moved((p) => p.byOutcome.INJURED),
      moved((p) => p.byOutcome.UNKNOWN),
    ]).toEqual([3, 4, 4]);
    expect(moved((p) => p.bySexAge.UNKNOWN.UNKNOWN)).toBe(6);
    expect(moved((p) => p.bySexAge.UNKNOWN.ADULT)).toBe(3);
    expect(moved((p) => p.bySexAge.FEMALE.CHILD)).toBe(1);
    expect(moved((p) => p.byStatus.DEMINER)).toBe(1);
    expect(moved((p) => p.byStatus.SECURITY_FORCES)).toBe(3);
    const p = after.casualties.people;
    expect(p.byOutcome.KILLED + p.byOutcome.INJURED + p.byOutcome.UNKNOWN).toBe(p.total);
    const sexAge = Object.values(p.bySexAge).flatMap((ages) => Object.values(ages));
    expect(sexAge.reduce((a, b) => a + b, 0)).toBe(p.total);
    expect(Object.values(p.byStatus).reduce((a, b) => a + b, 0)).toBe(p.total);
    expect(after.casualties.byGovernorate.reduce((n, g) => n + g.people.total, 0)).toBe(p.total);

    // An accident whose device is not known: no device, and nothing else known but how many were hurt.
    const unknownDevice = await recordCasualtyIncident(
      t().db,
      dma,
      accident({
        devices: [],
        location: undefined,
        casualties: [{ outcome: "INJURED", sex: "UNKNOWN", age: "UNKNOWN", status: "UNKNOWN", count: 2 }],
      }),
    );
    const stored = await t().db.casualtyIncident.findUniqueOrThrow({
      where: { id: unknownDevice.id },
      select: { deviceCategories: true, location: true, counts: true },
    });
    expect([stored.deviceCategories, stored.location, tallyCasualties(stored.counts).total]).toEqual([[], null, 2]);
  });

  it("refuses a point outside the chosen governorate, naming the coordinate, and writes nothing", async () => {
    const dma = await actor("dma@demo.test");
    const before = await counts();
    const groups = await t().db.casualtyCount.count();
    const e = await refusal(
      recordCasualtyIncident(t().db, dma, accident({ location: { type: "Point", coordinates: ERBIL_CITY } })),
    );
    expect(e.code).toBe("invalid_request");
    expect(e.message).toBe(
      "The accident's location 44.01, 36.19 (longitude, latitude) is not in Ninewa (IQG15): " +
        "check the coordinate, or choose the governorate it is in.",
    );
    expect(e.text.ar).toContain("44.01");
    expect((e.details as { path: string[] }[])[0]!.path).toEqual(["location", "coordinates"]);
    expect(await counts()).toEqual(before);
    expect(await t().db.casualtyCount.count()).toBe(groups);
  });

  it("corrects and withdraws an accident by group, and a queued submission in the earlier shape is still recorded", async () => {
    const dma = await actor("dma@demo.test");
    const first = await recordCasualtyIncident(t().db, dma, accident({ clientRef: "acc-groups-0001" }));
    // Sent again from the device's queue: the accident already recorded.
    expect(await recordCasualtyIncident(t().db, dma, accident({ clientRef: "acc-groups-0001" }))).toMatchObject({
      id: first.id,
      replayed: true,
    });
    const before = await getHumanImpact(t().db);
    // Hospital records: the 4 of unknown outcome were injured civilians.
    const corrected = await recordCasualtyIncident(
      t().db,
      dma,
      accident({
        casualties: [
          ...accident().casualties.slice(0, 4),
          { outcome: "INJURED", sex: "UNKNOWN", age: "UNKNOWN", status: "CIVILIAN", count: 4 },
        ],
        supersedesId: first.id,
        correctionNote: "Hospital records: the four of unknown outcome were injured civilians.",
      }),
    );
    const after = await getHumanImpact(t().db);
    expect(after.casualties.people.total).toBe(before.casualties.people.total);
    expect(after.casualties.people.byOutcome.UNKNOWN - before.casualties.people.byOutcome.UNKNOWN).toBe(-4);
    expect(after.casualties.people.byOutcome.INJURED - before.casualties.people.byOutcome.INJURED).toBe(4);

    await recordCasualtyIncident(t().db, dma, {
      supersedesId: corrected.id,
      withdrawn: true,
      correctionNote: "Entered twice: the accident is recorded under another reference.",
    });
    expect((await getHumanImpact(t().db)).casualties.people.total).toBe(before.casualties.people.total - 11);

    const legacy = await recordCasualtyIncident(t().db, dma, {
      occurredOn: "2025-07-04",
      governorate: NINEWA,
      place: "Bashiqa",
      deviceCategory: "AP_MINE",
      killed: { men: 1 },
      injured: { girls: 2 },
      clientRef: "acc-legacy-0001",
    });
    const old = await t().db.casualtyIncident.findUniqueOrThrow({
      where: { id: legacy.id },
      select: { deviceCategories: true, counts: { select: { outcome: true, sex: true, age: true, status: true } } },
    });
    expect(old.deviceCategories).toEqual(["AP_MINE"]);
    expect(old.counts.every((c) => c.status === "UNKNOWN")).toBe(true);
    expect(tallyCasualties(await t().db.casualtyCount.findMany({ where: { incidentId: legacy.id } }))).toMatchObject({
      byOutcome: { KILLED: 1, INJURED: 2 },
      bySexAge: { MALE: { ADULT: 1 }, FEMALE: { CHILD: 2 } },
    });
  });
});
