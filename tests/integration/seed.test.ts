import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/server/password";
import { findUserForSignIn } from "@/lib/server/queries/users";
import { DEMO_ACCOUNTS, DEMO_HAZARDS } from "@/prisma/demo-data";
import { LANDMINE_MONITOR_2018_TOTAL_USD } from "@/prisma/reference-data";
import { demoSeedWanted, seed } from "@/prisma/seed";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

describe.each(DATABASE_KINDS)("seed on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("loads the 19 governorates, each under the authority of its region", async () => {
    const governorates = await t().db.governorate.findMany({ include: { authority: true } });
    expect(governorates).toHaveLength(19);
    const kurdistan = governorates
      .filter((g) => g.region === "KURDISTAN")
      .map((g) => g.nameEn)
      .sort();
    expect(kurdistan).toEqual(["Al-Sulaymaniyah", "Duhok", "Erbil", "Halabja"]);
    for (const g of governorates) expect(g.authority?.shortName).toBe(g.region === "KURDISTAN" ? "IKMAA" : "DMA");
    expect(governorates.every((g) => g.nameAr && g.nameCkb && g.source.includes("OCHA"))).toBe(true);
  });

  it("records the national baseline with its date and source", async () => {
    const [b] = await t().db.contaminationBaseline.findMany({ where: { kind: "BASELINE" } });
    expect(b?.areaM2).toBe(650_000_000);
    expect(b?.asOf.toISOString().slice(0, 4)).toBe("2024");
    expect(b?.source).toMatch(/Office of Weapons Removal and Abatement/);
  });

  it("reproduces Landmine Monitor's 2018 total for Iraq in integer cents", async () => {
    const sum = await t().db.grant.aggregate({
      where: { fiscalYear: 2018, source: { contains: "Landmine Monitor" } },
      _sum: { amountUsdCents: true },
    });
    expect(sum._sum.amountUsdCents).toBe(BigInt(LANDMINE_MONITOR_2018_TOTAL_USD) * 100n);
    const us = await t().db.grant.findFirstOrThrow({ where: { donor: { name: "United States" }, fiscalYear: 2018 } });
    expect(us.amountUsdCents).toBe(4_000_000_000n);
  });

  it("creates one demo account per role that signs in with the demo password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await findUserForSignIn(t().db, account.email);
      expect(user?.role).toBe(account.role);
      expect(await verifyPassword("demo-password", user!.passwordHash)).toBe(true);
    }
  });

  it("keeps demo data marked as demo and inside its stated governorates", async () => {
    const hazards = await t().db.hazardArea.findMany();
    expect(hazards).toHaveLength(DEMO_HAZARDS.length);
    for (const h of hazards) {
      expect(h.isDemo).toBe(true);
      expect(h.governoratePcode).toBe(DEMO_HAZARDS.find((d) => d.code === h.code)!.expectedPcode);
    }
    const demoOrgs = await t().db.organisation.findMany({ where: { isDemo: true } });
    expect(demoOrgs.every((o) => /\(demo/.test(o.name))).toBe(true);
  });

  it("accounts demo releases once: per hazardous area, approved counted m² = released m² ≤ area", async () => {
    const hazards = await t().db.hazardArea.findMany({ include: { reports: { where: { status: "APPROVED" } } } });
    for (const h of hazards) {
      const counted = h.reports.reduce((s, r) => s + r.countedAreaM2, 0);
      expect(counted).toBeCloseTo(h.releasedM2, 0);
      expect(h.releasedM2).toBeLessThanOrEqual(h.areaM2 + 1e-6);
    }
  });

  it("dates each demo area's survey before any report on it, so the review warns of nothing the demo did not do", async () => {
    const areas = await t().db.hazardArea.findMany({
      where: { isDemo: true },
      select: { code: true, informationDate: true, reports: { select: { periodStart: true } } },
    });
    for (const a of areas) {
      expect(a.informationDate, a.code).not.toBeNull();
      for (const r of a.reports)
        expect(r.periodStart.getTime(), a.code).toBeGreaterThanOrEqual(a.informationDate!.getTime());
    }
  });

  it("is idempotent: a second run adds nothing", async () => {
    const count = async () => ({
      organisations: await t().db.organisation.count(),
      users: await t().db.user.count(),
      hazards: await t().db.hazardArea.count(),
      reports: await t().db.landReleaseReport.count(),
      grants: await t().db.grant.count(),
      transactions: await t().db.fundingTransaction.count(),
      baselines: await t().db.contaminationBaseline.count(),
      audit: await t().db.auditEvent.count(),
    });
    const before = await count();
    await seed(t().db, { demo: true });
    expect(await count()).toEqual(before);
  });
});

describe("demo seeding", () => {
  it.each([
    [{}, true],
    [{ NODE_ENV: "development" }, true],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "production", SEED_DEMO: "1" }, true],
    [{ SEED_DEMO: "0" }, false],
  ])("with %j seeds demo accounts: %s", (env, expected) => {
    expect(demoSeedWanted(env)).toBe(expected);
  });
});
