import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { landReleaseCents } from "@/lib/domain/activity-split";
import { moneyFlow } from "@/lib/domain/funding";
import { costPerM2 } from "@/lib/domain/funding-cost";
import { ZExportFilter } from "@/lib/schemas/export-filter";
import { importFunding } from "@/lib/server/commands/import-funding";
import { buildExport } from "@/lib/server/exports";
import {
  type FundingLabels,
  fundedReleases,
  fundingCostInView,
  getFundingSummary,
  grantYears,
} from "@/lib/server/queries/funding";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

const labels: FundingLabels = {
  unnamedPartner: "not named",
  unspecifiedRegion: "unspecified",
  bothRegions: "both",
  region: (r) => r,
};

describe.each(DATABASE_KINDS)("funding on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("reproduces Landmine Monitor's 2018 total for Iraq, and every grouping adds up to it", async () => {
    const admin = await actorFor(t().db, "admin@demo.test");
    for (const groupBy of ["donor", "year", "partner", "region"] as const) {
      const { summary } = await getFundingSummary(t().db, admin, { groupBy, year: 2018 }, labels);
      expect(summary.totalUsd).toBe(116_406_652);
      expect(summary.items.reduce((s, i) => s + i.committedUsd, 0)).toBe(116_406_652);
    }
    const { summary } = await getFundingSummary(t().db, admin, { groupBy: "donor", year: 2018 }, labels);
    expect(summary.items.find((i) => i.label === "United States")!.committedUsd).toBe(40_000_000);
  });

  it("shows a donor only the grants it funds", async () => {
    const donor = await actorFor(t().db, "donor@demo.test");
    const { grants, summary } = await getFundingSummary(t().db, donor, { groupBy: "year" }, labels);
    expect(grants.length).toBeGreaterThan(0);
    expect(grants.every((g) => g.donor.id === donor.organisationId)).toBe(true);
    expect(summary.items.map((i) => i.key)).toEqual(["2025"]);
  });

  it("attributes released land to the grants funding it: the attributed dollars are the land-release shares of the disbursements of grants that state a split and released land", async () => {
    const admin = await actorFor(t().db, "admin@demo.test");
    const { grants } = await getFundingSummary(t().db, admin, { groupBy: "donor" }, labels);
    const releases = await fundedReleases(
      t().db,
      grants.map((g) => g.id),
    );
    expect(releases.length).toBeGreaterThan(0);
    const cost = costPerM2(grants, releases);
    const released = new Set(releases.filter((r) => r.m2 > 0).map((r) => r.grantId));
    const forLand = grants
      .filter((g) => released.has(g.id))
      .reduce(
        (s, g) => s + Number(landReleaseCents(moneyFlow(g.transactions).disbursedCents, g.activitySplit) ?? 0n),
        0,
      );
    expect(forLand).toBeGreaterThan(0);
    for (const groups of [cost.byDonor, cost.byPartner, cost.byMethod, cost.byYear])
      expect(groups.reduce((s, g) => s + g.attributedUsd, 0)).toBeCloseTo(forLand / 100, 4);
    // The demo's tasks are each funded whole by one grant: the land of the grants stating a split, and of the others.
    const approved = async (split: boolean) =>
      (
        await t().db.landReleaseReport.aggregate({
          where: {
            status: "APPROVED",
            task: { grants: { some: { grant: { activitySplit: split ? { isNot: null } : { is: null } } } } },
          },
          _sum: { countedAreaM2: true },
        })
      )._sum.countedAreaM2!;
    expect(cost.byMethod.reduce((s, g) => s + g.attributedM2, 0)).toBeCloseTo(await approved(true), 4);
    expect(cost.notStated.m2).toBeCloseTo(await approved(false), 4);
    expect(cost.notStated.grants).toEqual(["DEMO-GRANT-2"]);
  });

  it("places a donor's grants that state no region where the tasks they fund are, and each region shows them", async () => {
    const donor = await actorFor(t().db, "donor@demo.test");
    // Independently of the rule's code: the donor's grants with a task in each region's governorates.
    const fundingWorkIn = async (region: "FEDERAL" | "KURDISTAN") =>
      (
        await t().db.grant.findMany({
          where: {
            donorId: donor.organisationId,
            region: null,
            tasks: { some: { task: { hazardAreas: { some: { hazardArea: { governorate: { region } } } } } } },
          },
          select: { code: true },
        })
      )
        .map((g) => g.code)
        .sort();
    for (const [region, filter] of [
      ["KURDISTAN", "kurdistan"],
      ["FEDERAL", "federal"],
    ] as const) {
      const expected = await fundingWorkIn(region);
      expect(expected.length).toBeGreaterThan(0);
      const { grants, summary } = await getFundingSummary(t().db, donor, { groupBy: "donor", region: filter }, labels);
      expect(grants.map((g) => g.code).sort()).toEqual(expected);
      expect(grants.every((g) => g.place.fromTasks && g.place.regions.includes(region))).toBe(true);
      expect(summary.totalUsd).toBeGreaterThan(0);
      // The grants file of the same view lists the same grants (it had listed none: it read only the stated region).
      const file = await buildExport(t().db, donor, "grants.csv", ZExportFilter.parse({ region: filter }), new Date());
      const text =
        file.body instanceof Uint8Array ? new TextDecoder().decode(file.body) : await new Response(file.body).text();
      const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
        header: true,
        skipEmptyLines: true,
      });
      expect(rows.data.map((r) => r.grantCode).sort()).toEqual(expected);
    }
    // Summed by region, each grant counts once: the groups add up to the donor's whole funding.
    const all = await getFundingSummary(t().db, donor, { groupBy: "region" }, labels);
    expect(all.summary.items.reduce((s, i) => s + i.committedUsd, 0)).toBeCloseTo(all.summary.totalUsd, 2);
    expect(all.summary.items.map((i) => i.key)).not.toContain("unspecified");
  });

  it("counts a donor's released land under the region it lies in: the two regions add up to the whole, at each grant's own price", async () => {
    const donor = await actorFor(t().db, "donor@demo.test");
    // Independently of the page's queries: approved reports in tasks the donor funds, by their hazardous area's region.
    const reports = await t().db.landReleaseReport.findMany({
      where: { status: "APPROVED", task: { grants: { some: { grant: { donorId: donor.organisationId } } } } },
      select: {
        countedAreaM2: true,
        hazardArea: { select: { governorate: { select: { region: true } } } },
        task: {
          select: {
            grants: { select: { shareBp: true, grant: { select: { donorId: true, activitySplit: true } } } },
          },
        },
      },
    });
    // Counted: the land of grants stating their split (the others are left out of cost per m²).
    const expected = { FEDERAL: 0, KURDISTAN: 0 };
    for (const r of reports)
      for (const g of r.task!.grants)
        if (g.grant.donorId === donor.organisationId && g.grant.activitySplit)
          expected[r.hazardArea.governorate.region] += (r.countedAreaM2 * g.shareBp) / 10_000;
    expect(expected.FEDERAL).toBeGreaterThan(0);
    expect(expected.KURDISTAN).toBeGreaterThan(0);

    const whole = await fundingCostInView(t().db, donor);
    const federal = await fundingCostInView(t().db, donor, { region: "federal" });
    const kurdistan = await fundingCostInView(t().db, donor, { region: "kurdistan" });
    const m2 = (groups: { attributedM2: number }[]) => groups.reduce((s, g) => s + g.attributedM2, 0);
    const usd = (groups: { attributedUsd: number }[]) => groups.reduce((s, g) => s + g.attributedUsd, 0);
    expect(m2(whole.byDonor)).toBeCloseTo(expected.FEDERAL + expected.KURDISTAN, 4);
    for (const [view, region] of [
      [federal, "FEDERAL"],
      [kurdistan, "KURDISTAN"],
    ] as const)
      for (const groups of [view.byDonor, view.byPartner, view.byMethod, view.byYear])
        expect(m2(groups)).toBeCloseTo(expected[region], 4);
    for (const k of ["byDonor", "byPartner", "byMethod", "byYear"] as const) {
      expect(m2(federal[k]) + m2(kurdistan[k])).toBeCloseTo(m2(whole[k]), 4);
      // The dollars attributed are each grant's money for the land in the region: the regions share it, not double it.
      expect(usd(federal[k]) + usd(kurdistan[k])).toBeCloseTo(usd(whole[k]), 4);
    }
    // A grant's price per m² is its money over all the land it funded, whichever region is shown.
    for (const view of [federal, kurdistan])
      for (const p of view.byPartner)
        expect(p.usdPerM2).toBeCloseTo(whole.byPartner.find((w) => w.key === p.key)!.usdPerM2!, 9);
  });

  it("shows a donor no other donor's year: a year without its grants is an empty view, not someone else's money", async () => {
    const donor = await actorFor(t().db, "donor@demo.test");
    const years = await grantYears(t().db, donor);
    const own = await t().db.grant.findMany({ where: { donorId: donor.organisationId }, select: { fiscalYear: true } });
    expect(years).toEqual([...new Set(own.map((g) => g.fiscalYear))].sort((a, b) => b - a));
    expect(years).not.toContain(2018);
    const { grants } = await getFundingSummary(t().db, donor, { groupBy: "donor", year: 2018 }, labels);
    expect(grants).toEqual([]);
    // An administrator sees Landmine Monitor's 2018 contributions in that year.
    expect(await grantYears(t().db, await actorFor(t().db, "admin@demo.test"))).toContain(2018);
  });
});

describe.each(DATABASE_KINDS)("funding import on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const rows = [
    { donor: "Netherlands", year: 2019, amountMinor: "450000000", currency: "EUR", usdCents: "503460000" },
    { donor: "Canada", year: 2019, amountMinor: "300000000", currency: "CAD", usdCents: "226000000" },
  ];

  it("imports each row as a grant with its disbursement, once, in one transaction with one audit event", async () => {
    const admin = await actorFor(t().db, "admin@demo.test");
    const grants = await t().db.grant.count();
    expect(await importFunding(t().db, admin, { source: "Test Monitor 2020", rows })).toEqual({
      created: 2,
      skipped: 0,
      rows: 2,
    });
    const nl = await t().db.grant.findFirstOrThrow({
      where: { donor: { name: "Netherlands" }, fiscalYear: 2019 },
      include: { transactions: true },
    });
    expect(nl).toMatchObject({
      currency: "EUR",
      amountMinor: 450_000_000n,
      amountUsdCents: 503_460_000n,
      source: "Test Monitor 2020",
    });
    expect(nl.transactions.map((x) => [x.type, x.amountUsdCents])).toEqual([["DISBURSEMENT", 503_460_000n]]);
    expect(await importFunding(t().db, admin, { source: "Test Monitor 2020", rows })).toEqual({
      created: 0,
      skipped: 2,
      rows: 2,
    });
    expect(await t().db.grant.count()).toBe(grants + 2);
    expect(await t().db.auditEvent.count({ where: { action: "funding.import" } })).toBe(2);
  });

  it("writes nothing when a row is wrong or a donor name is taken by another kind of organisation", async () => {
    const admin = await actorFor(t().db, "admin@demo.test");
    const before = { grants: await t().db.grant.count(), orgs: await t().db.organisation.count() };
    const bad = await refusal(
      importFunding(t().db, admin, { source: "Test", rows: [rows[0], { ...rows[1], usdCents: "12.5" }] }),
    );
    expect(bad.code).toBe("invalid_request");
    expect(JSON.stringify(bad.details)).toMatch(/rows.*1.*usdCents|usdCents/);
    const clash = await refusal(
      importFunding(t().db, admin, {
        source: "Test",
        rows: [{ ...rows[0], donor: "Zagros Clearance (demo partner)" }],
      }),
    );
    expect(clash.message).toMatch(/not a donor/);
    expect(
      (await refusal(importFunding(t().db, await actorFor(t().db, "dma@demo.test"), { source: "Test", rows }))).code,
    ).toBe("forbidden");
    expect({ grants: await t().db.grant.count(), orgs: await t().db.organisation.count() }).toEqual(before);
  });
});
