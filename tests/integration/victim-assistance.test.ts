// Victim assistance (IMAS 13.10): survivors referred or assisted, by service and by sex and age, linked to the
// accident where known, corrected by new records, and kept to each authority's region.
import { describe, expect, it } from "vitest";
import { recordCasualtyIncident } from "@/lib/server/commands/record-casualty-incident";
import { recordVictimAssistance } from "@/lib/server/commands/record-victim-assistance";
import { victimAssistanceFigures, victimAssistancePage } from "@/lib/server/queries/victim-assistance";
import { refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { ERBIL, humanImpactCallers, NINEWA } from "@/tests/helpers/human-impact";

const assistance = (extra: object = {}) => ({
  periodStart: "2025-08-01",
  periodEnd: "2025-08-31",
  governorate: NINEWA,
  service: "PHYSICAL_REHABILITATION",
  women: 1,
  men: 3,
  boys: 1,
  unknown: 2,
  ...extra,
});

describe.each(DATABASE_KINDS)("victim assistance on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const { actor } = humanImpactCallers(t);
  const written = async () => [await t().db.victimAssistanceRecord.count(), await t().db.auditEvent.count()];
  const accidentIn = async (email: string, governorate: string) =>
    recordCasualtyIncident(t().db, await actor(email), {
      occurredOn: "2025-07-20",
      governorate,
      place: "Survivors' village",
      devices: [],
      casualties: [{ outcome: "INJURED", sex: "UNKNOWN", age: "UNKNOWN", status: "CIVILIAN", count: 7 }],
    });
  const service = async (email: string, name: string) =>
    (await victimAssistanceFigures(t().db, await actor(email))).find((r) => r.service === name)!;

  it("records survivors by service and by sex and age, linked to the accident, audited, and shows them by service", async () => {
    const dma = await actor("dma@demo.test");
    const accident = await accidentIn("dma@demo.test", NINEWA);
    const before = await service("dma@demo.test", "PHYSICAL_REHABILITATION");
    const record = await recordVictimAssistance(t().db, dma, assistance({ incidentId: accident.id }));
    const after = await service("dma@demo.test", "PHYSICAL_REHABILITATION");
    expect(after.records - before.records).toBe(1);
    expect(after.total - before.total).toBe(7);
    expect(after.survivors.unknown - before.survivors.unknown).toBe(2);
    expect(after.survivors.women + after.survivors.men + after.survivors.girls + after.survivors.boys).toBe(
      after.total - after.survivors.unknown,
    );
    const stored = await t().db.victimAssistanceRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect([stored.incidentId, stored.organisationId, stored.girls]).toEqual([accident.id, dma.organisationId, 0]);
    const audit = await t().db.auditEvent.findFirstOrThrow({ where: { entityId: record.id } });
    expect([audit.action, audit.entityType]).toEqual(["victimAssistance.record", "VictimAssistanceRecord"]);

    // An operator runs the service too, in any governorate, linked to an accident there; it reads its own records.
    const partner = await actor("partner@demo.test");
    const own = await recordVictimAssistance(
      t().db,
      partner,
      assistance({ service: "ECONOMIC_INCLUSION", incidentId: accident.id }),
    );
    expect((await victimAssistancePage(t().db, partner, 1)).rows.map((r) => r.id)).toEqual([own.id]);
    // A donor records nothing.
    expect((await refusal(recordVictimAssistance(t().db, await actor("donor@demo.test"), assistance()))).code).toBe(
      "forbidden",
    );
  });

  it("corrects and withdraws a record by new records; the figures follow, the history stays", async () => {
    const ikmaa = await actor("ikmaa@demo.test");
    const first = await recordVictimAssistance(
      t().db,
      ikmaa,
      assistance({ governorate: ERBIL, service: "PSYCHOLOGICAL_SUPPORT", clientRef: "va-queue-0001" }),
    );
    expect(
      await recordVictimAssistance(
        t().db,
        ikmaa,
        assistance({ governorate: ERBIL, service: "PSYCHOLOGICAL_SUPPORT", clientRef: "va-queue-0001" }),
      ),
    ).toMatchObject({ id: first.id, replayed: true });
    const before = await service("ikmaa@demo.test", "PSYCHOLOGICAL_SUPPORT");
    const corrected = await recordVictimAssistance(
      t().db,
      ikmaa,
      assistance({
        governorate: ERBIL,
        service: "PSYCHOLOGICAL_SUPPORT",
        women: 3,
        unknown: 0,
        supersedesId: first.id,
        correctionNote: "The two of unknown sex were women, as the clinic's register shows.",
      }),
    );
    const after = await service("ikmaa@demo.test", "PSYCHOLOGICAL_SUPPORT");
    expect([after.records, after.total]).toEqual([before.records, before.total]);
    expect([
      after.survivors.women - before.survivors.women,
      after.survivors.unknown - before.survivors.unknown,
    ]).toEqual([2, -2]);
    expect(
      (
        await refusal(
          recordVictimAssistance(
            t().db,
            ikmaa,
            assistance({ governorate: ERBIL, supersedesId: first.id, correctionNote: "Again, twice." }),
          ),
        )
      ).code,
    ).toBe("conflict");
    await recordVictimAssistance(t().db, ikmaa, {
      supersedesId: corrected.id,
      withdrawn: true,
      correctionNote: "Recorded by the operator that ran the service.",
    });
    expect((await service("ikmaa@demo.test", "PSYCHOLOGICAL_SUPPORT")).total).toBe(before.total - 7);
    expect(await t().db.victimAssistanceRecord.count({ where: { governoratePcode: ERBIL } })).toBeGreaterThanOrEqual(3);
  });

  it("keeps each authority to its region: no record in another's governorate, no link to another region's accident", async () => {
    const ikmaa = await actor("ikmaa@demo.test");
    const ninewaAccident = await accidentIn("dma@demo.test", NINEWA);
    const erbilAccident = await accidentIn("ikmaa@demo.test", ERBIL);
    const before = await written();
    expect((await refusal(recordVictimAssistance(t().db, ikmaa, assistance()))).message).toMatch(
      /Ninewa \(IQG15\) is not in your authority's governorates/,
    );
    // IKMAA names DMA's accident while recording in its own Erbil: refused, naming the field.
    const e = await refusal(
      recordVictimAssistance(t().db, ikmaa, assistance({ governorate: ERBIL, incidentId: ninewaAccident.id })),
    );
    expect(e.code).toBe("invalid_request");
    expect(e.message).toMatch(/^incidentId names no accident in force in IQG11 that you may link/);
    expect((e.details as { path: string[] }[])[0]!.path).toEqual(["incidentId"]);
    // An operator recording in Ninewa cannot link an accident from Erbil either: the same governorate only.
    expect(
      (
        await refusal(
          recordVictimAssistance(
            t().db,
            await actor("partner@demo.test"),
            assistance({ incidentId: erbilAccident.id }),
          ),
        )
      ).code,
    ).toBe("invalid_request");
    expect(await written()).toEqual(before);
    // And DMA does not read IKMAA's records.
    const dmaRows = (await victimAssistancePage(t().db, await actor("dma@demo.test"), 1)).rows;
    expect(dmaRows.every((r) => r.governoratePcode !== ERBIL)).toBe(true);
  });
});
