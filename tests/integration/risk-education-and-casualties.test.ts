import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { tallyCasualties } from "@/lib/domain/casualties";
import { everyone, SEX_AGE } from "@/lib/domain/human-impact";
import { ZExportFilter } from "@/lib/schemas/export-filter";
import { recordCasualtyIncident } from "@/lib/server/commands/record-casualty-incident";
import { recordRiskEducationSession } from "@/lib/server/commands/record-risk-education-session";
import { buildExport } from "@/lib/server/exports";
import { casualtyPage, getHumanImpact, riskEducationPage } from "@/lib/server/queries/human-impact";
import { getDashboard } from "@/lib/server/queries/progress";
import { IN_FORCE } from "@/lib/server/scopes";
import { refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { ERBIL, humanImpactCallers, NINEWA } from "@/tests/helpers/human-impact";

describe.each(DATABASE_KINDS)("risk education and casualties on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const { actor, otherPartner, counts } = humanImpactCallers(t);
  it("records a partner's session, audited, in its own list and its authority's, and on the dashboard at once", async () => {
    const partner = await actor("partner@demo.test");
    const before = await getDashboard(t().db);
    const session = await recordRiskEducationSession(t().db, partner, {
      heldOn: "2025-03-10",
      governorate: NINEWA,
      place: "Bashiqa primary school",
      women: 12,
      men: 9,
      girls: 31,
      boys: 27,
    });

    expect((await riskEducationPage(t().db, partner, 1)).rows.map((s) => s.id)).toContain(session.id);
    expect((await riskEducationPage(t().db, await actor("dma@demo.test"), 1)).rows.map((s) => s.id)).toContain(
      session.id,
    );
    // Another partner and the authority of the other region do not list it.
    expect((await riskEducationPage(t().db, await otherPartner(), 1)).rows.map((s) => s.id)).not.toContain(session.id);
    expect((await riskEducationPage(t().db, await actor("ikmaa@demo.test"), 1)).rows.map((s) => s.id)).not.toContain(
      session.id,
    );

    const audit = await t().db.auditEvent.findFirstOrThrow({ where: { entityId: session.id } });
    expect(audit).toMatchObject({ action: "riskEducation.record", actorUserId: partner.id });

    const after = await getDashboard(t().db);
    expect(after.humanImpact.riskEducation.sessions - before.humanImpact.riskEducation.sessions).toBe(1);
    expect(
      everyone(after.humanImpact.riskEducation.beneficiaries) -
        everyone(before.humanImpact.riskEducation.beneficiaries),
    ).toBe(79);
  });

  it("records an accident only in the recording authority's governorates", async () => {
    const dma = await actor("dma@demo.test");
    const accident = {
      occurredOn: "2025-05-02",
      governorate: NINEWA,
      place: "Sinjar road, km 12",
      devices: ["IED"],
      casualties: [
        { outcome: "KILLED", sex: "MALE", age: "ADULT", status: "CIVILIAN", count: 1 },
        { outcome: "INJURED", sex: "MALE", age: "CHILD", status: "CIVILIAN", count: 2 },
        { outcome: "INJURED", sex: "FEMALE", age: "ADULT", status: "UNKNOWN", count: 1 },
      ],
    };
    const recorded = await recordCasualtyIncident(t().db, dma, accident);
    const row = (await casualtyPage(t().db, 1)).rows.find((c) => c.id === recorded.id)!;
    expect(row.deviceCategories).toEqual(["IED"]);
    expect(tallyCasualties(row.counts)).toMatchObject({
      total: 4,
      byOutcome: { KILLED: 1, INJURED: 3, UNKNOWN: 0 },
      byStatus: { CIVILIAN: 3, UNKNOWN: 1 },
    });

    const before = await counts();
    expect((await refusal(recordCasualtyIncident(t().db, await actor("ikmaa@demo.test"), accident))).code).toBe(
      "forbidden",
    );
    expect((await refusal(recordCasualtyIncident(t().db, dma, { ...accident, governorate: ERBIL }))).message).toMatch(
      /Erbil \(IQG11\) is not in your authority's governorates/,
    );
    expect((await refusal(recordCasualtyIncident(t().db, await actor("partner@demo.test"), accident))).code).toBe(
      "forbidden",
    );
    expect(
      (
        await refusal(
          recordRiskEducationSession(t().db, dma, {
            heldOn: "2025-03-10",
            governorate: NINEWA,
            place: "School",
            women: 1,
          }),
        )
      ).code,
    ).toBe("forbidden");
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input naming the field, and stores nothing", async () => {
    const partner = await actor("partner@demo.test");
    const before = await counts();
    const fieldOf = async (body: unknown) => {
      const e = await refusal(recordRiskEducationSession(t().db, partner, body));
      expect(e.code).toBe("invalid_request");
      return (e.details as { path: (string | number)[]; message: string }[]).map(
        (i) => `${i.path.join(".")}: ${i.message}`,
      );
    };
    const good = { heldOn: "2025-03-10", governorate: NINEWA, place: "Camp", women: 5 };
    expect(await fieldOf({ ...good, women: 0 })).toEqual([
      "women: Record who attended the session (women, men, girls, boys).",
    ]);
    expect((await fieldOf({ ...good, heldOn: "2999-01-01" }))[0]).toMatch(/^heldOn: The date is in the future/);
    expect((await fieldOf({ ...good, governorate: "Erbil" }))[0]).toMatch(
      /^governorate: Choose the governorate by its P-code/,
    );
    expect((await fieldOf({ ...good, girls: -3 }))[0]).toMatch(/^girls: A count of people cannot be negative/);
    expect((await fieldOf({ ...good, boys: 2.5 }))[0]).toMatch(/^boys: Count people as a whole number/);
    expect(
      (await refusal(recordRiskEducationSession(t().db, partner, { ...good, governorate: "IQG99" }))).message,
    ).toMatch(/No governorate has the P-code IQG99/);
    expect(
      (
        await refusal(
          recordCasualtyIncident(t().db, await actor("dma@demo.test"), {
            occurredOn: "2025-01-01",
            governorate: NINEWA,
            place: "Field",
            devices: ["IED"],
            casualties: [],
          }),
        )
      ).details,
    ).toEqual([
      expect.objectContaining({
        path: ["casualties"],
        message: "Record the people killed, injured or of unknown outcome, by sex, age and status as far as known.",
      }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it("adds up by governorate, and follows the view's region, governorate, partner and period", async () => {
    const partner = await actor("partner@demo.test");
    const other = await otherPartner();
    const theirsBefore = await getHumanImpact(t().db, { partner: other.organisationId });
    await recordRiskEducationSession(t().db, partner, {
      heldOn: "2024-06-01",
      governorate: ERBIL,
      place: "Darashakran camp",
      women: 20,
      men: 15,
      girls: 40,
      boys: 35,
    });
    await recordRiskEducationSession(t().db, other, {
      heldOn: "2025-08-20",
      governorate: NINEWA,
      place: "Tel Kaif",
      women: 3,
      men: 4,
      girls: 5,
      boys: 6,
    });
    await recordCasualtyIncident(t().db, await actor("ikmaa@demo.test"), {
      occurredOn: "2024-09-09",
      governorate: ERBIL,
      place: "Makhmour farmland",
      devices: ["UXO"],
      casualties: [
        { outcome: "KILLED", sex: "MALE", age: "CHILD", status: "CIVILIAN", count: 1 },
        { outcome: "INJURED", sex: "UNKNOWN", age: "UNKNOWN", status: "UNKNOWN", count: 3 },
      ],
    });

    const all = await getHumanImpact(t().db);
    const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0);
    expect(sum(all.riskEducation.byGovernorate, (r) => r.sessions)).toBe(all.riskEducation.sessions);
    expect(sum(all.riskEducation.byGovernorate, everyone)).toBe(everyone(all.riskEducation.beneficiaries));
    expect(sum(all.casualties.byGovernorate, (c) => c.people.total)).toBe(all.casualties.people.total);
    expect(all.riskEducation.sessions).toBe(await t().db.riskEducationSession.count({ where: IN_FORCE }));

    const kurdistan = await getHumanImpact(t().db, { region: "kurdistan" });
    const inKurdistan = (
      await t().db.governorate.findMany({ where: { region: "KURDISTAN" }, select: { pcode: true } })
    ).map((g) => g.pcode);
    expect(kurdistan.riskEducation.byGovernorate.map((r) => r.pcode)).toContain(ERBIL);
    expect(kurdistan.riskEducation.byGovernorate.every((r) => inKurdistan.includes(r.pcode))).toBe(true);
    expect(kurdistan.casualties.byGovernorate.find((r) => r.pcode === ERBIL)?.nameAr).toBe("اربيل");
    expect(kurdistan.casualties.byGovernorate.every((r) => inKurdistan.includes(r.pcode))).toBe(true);

    const theirs = await getHumanImpact(t().db, { partner: other.organisationId });
    expect(theirs.riskEducation.sessions - theirsBefore.riskEducation.sessions).toBe(1);
    expect(
      SEX_AGE.map((k) => theirs.riskEducation.beneficiaries[k] - theirsBefore.riskEducation.beneficiaries[k]),
    ).toEqual([3, 4, 5, 6]);
    // Accidents belong to no partner: the partner filter leaves them as they are.
    expect(theirs.casualties).toEqual(all.casualties);

    const in2024 = await getHumanImpact(t().db, { from: "2024-01-01", to: "2024-12-31" });
    expect(in2024.riskEducation.sessions).toBe(
      await t().db.riskEducationSession.count({
        where: { ...IN_FORCE, heldOn: { gte: new Date("2024-01-01"), lte: new Date("2024-12-31") } },
      }),
    );
    expect(in2024.casualties.incidents).toBe(
      await t().db.casualtyIncident.count({
        where: { ...IN_FORCE, occurredOn: { gte: new Date("2024-01-01"), lte: new Date("2024-12-31") } },
      }),
    );
  });

  it("exports sessions and accidents as CSV that add up to the dashboard's figures, a partner's sessions its own", async () => {
    const csv = async (
      email: string,
      file: "risk-education.csv" | "casualties.csv",
      query: Record<string, string | undefined> = {},
    ) => {
      const out = await buildExport(t().db, await actor(email), file, ZExportFilter.parse(query));
      const text = await new Response(out.body as ReadableStream<Uint8Array>).text();
      return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true })
        .data;
    };
    const total = (rows: Record<string, string>[], columns: string[]) =>
      rows.reduce((n, r) => n + columns.reduce((m, c) => m + Number(r[c]), 0), 0);
    for (const view of [{}, { region: "kurdistan" }, { from: "2025-01-01", to: "2025-12-31" }] as const) {
      const figures = await getHumanImpact(t().db, view);
      const sessions = await csv("donor@demo.test", "risk-education.csv", view);
      expect(sessions.length).toBe(figures.riskEducation.sessions);
      expect(total(sessions, ["total"])).toBe(everyone(figures.riskEducation.beneficiaries));
      expect(total(sessions, ["women", "men", "girls", "boys"])).toBe(everyone(figures.riskEducation.beneficiaries));
      const accidents = await csv("donor@demo.test", "casualties.csv", view);
      expect(accidents.length).toBe(figures.casualties.incidents);
      const people = figures.casualties.people;
      expect(total(accidents, ["killed"])).toBe(people.byOutcome.KILLED);
      expect(total(accidents, ["injured"])).toBe(people.byOutcome.INJURED);
      expect(total(accidents, ["killed", "injured", "unknownOutcome"])).toBe(people.total);
      expect(total(accidents, ["casualtiesTotal"])).toBe(people.total);
      const sexAge = ["women", "men", "girls", "boys", "femaleAgeUnknown", "maleAgeUnknown"];
      const unknownSex = ["adultsSexUnknown", "childrenSexUnknown", "sexAgeUnknown"];
      expect(total(accidents, [...sexAge, ...unknownSex])).toBe(people.total);
      expect(total(accidents, ["civilians", "deminers", "securityForces", "statusUnknown"])).toBe(people.total);
    }
    const partner = await actor("partner@demo.test");
    const own = await csv("partner@demo.test", "risk-education.csv");
    expect(own.length).toBe(
      await t().db.riskEducationSession.count({ where: { ...IN_FORCE, partnerId: partner.organisationId } }),
    );
    expect(own.length).toBeLessThan(await t().db.riskEducationSession.count({ where: IN_FORCE }));
  });

  it("keeps the database's own check: no record of nobody, even past the use case", async () => {
    const partner = await actor("partner@demo.test");
    await expect(
      t().db.riskEducationSession.create({
        data: {
          partnerId: partner.organisationId,
          governoratePcode: NINEWA,
          heldOn: new Date("2025-01-01"),
          place: "x",
          women: 0,
          men: 0,
          girls: 0,
          boys: 0,
          recordedById: partner.id,
        },
      }),
    ).rejects.toThrow();
  });
});
