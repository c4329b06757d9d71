import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { ZExportFilter } from "@/lib/schemas/export-filter";
import { importFunding } from "@/lib/server/commands/import-funding";
import { buildExport } from "@/lib/server/exports";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { fundingCostInView } from "@/lib/server/queries/funding";
import { approvedRelease, authority, donor, hazardArea, partner, task, uniqueCode } from "@/tests/factories";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { rectangle, strip } from "@/tests/helpers/shapes";

type Split = { landReleaseBp: number; eoreBp: number; victimAssistanceBp: number; capacityBp: number };

/** A grant from the donor with one disbursement (US cents), its split if stated, funding the tasks by share. */
async function grant(db: Db, donorId: string, cents: bigint, split: Split | null, tasks: [string, number][]) {
  return db.grant.create({
    data: {
      code: uniqueCode("GRANT"),
      title: "Test grant",
      donorId,
      amountMinor: cents,
      currency: "USD",
      amountUsdCents: cents,
      fiscalYear: 2026,
      ...(split ? { activitySplit: { create: split } } : {}),
      transactions: {
        create: {
          donorId,
          type: "DISBURSEMENT",
          date: new Date("2026-02-01"),
          amountMinor: cents,
          currency: "USD",
          amountUsdCents: cents,
        },
      },
      tasks: { create: tasks.map(([taskId, shareBp]) => ({ taskId, shareBp })) },
    },
  });
}

/** Approved m² of a task, by method, summed from the reports themselves. */
async function approvedM2(db: Db, taskId: string, method: "CANCELLED" | "REDUCED" | "CLEARED") {
  const s = await db.landReleaseReport.aggregate({
    where: { taskId, method, status: "APPROVED" },
    _sum: { countedAreaM2: true },
  });
  return s._sum.countedAreaM2 ?? 0;
}

describe.each(DATABASE_KINDS)("cost per m² by what the money bought, on %s", (kind) => {
  const t = useSeededDatabase(kind);

  // One donor's view: a cleared-only task funded 60 % by a grant stating 80 % land release and 40 % by one stating
  // no split; a task both cancelled and cleared, funded by a grant stating 50 % land release.
  async function scene() {
    const db = t().db;
    const dma = await authority(db, "FEDERAL");
    const { organisation: p, actor: partnerActor } = await partner(db);
    const { organisation: d, actor: donorActor } = await donor(db);
    const who = { partner: partnerActor, reviewer: dma };
    const boundaries = [rectangle([43.1, 36.32], 600, 400), rectangle([43.16, 36.32], 600, 400)];
    const [a, b] = [
      await task(db, dma, { hazardAreas: [await hazardArea(db, dma, { geometry: boundaries[0]! })], partnerId: p.id }),
      await task(db, dma, { hazardAreas: [await hazardArea(db, dma, { geometry: boundaries[1]! })], partnerId: p.id }),
    ];
    await approvedRelease(db, who, a.id, { geometry: strip(boundaries[0]!, 0, 0.5), method: "cleared" });
    await approvedRelease(db, who, b.id, { geometry: strip(boundaries[1]!, 0, 0.3), method: "cancelled" });
    await approvedRelease(db, who, b.id, { geometry: strip(boundaries[1]!, 0.3, 0.6), method: "cleared" });
    const stated = { landReleaseBp: 8_000, eoreBp: 1_000, victimAssistanceBp: 500, capacityBp: 500 };
    const single = await grant(db, d.id, 100_000_00n, stated, [[a.id, 6_000]]);
    const unstated = await grant(db, d.id, 30_000_00n, null, [[a.id, 4_000]]);
    const half = { landReleaseBp: 5_000, eoreBp: 5_000, victimAssistanceBp: 0, capacityBp: 0 };
    const mixed = await grant(db, d.id, 50_000_00n, half, [[b.id, 10_000]]);
    return { db, donorActor: donorActor as Actor, a, b, single, unstated, mixed };
  }

  it("counts the land-release share only, leaves out a grant with no split, prices a method if separable", async () => {
    const { db, donorActor, a, b, single, unstated, mixed } = await scene();
    const cost = await fundingCostInView(db, donorActor);
    const aCleared = await approvedM2(db, a.id, "CLEARED");
    const [bCancelled, bCleared] = [await approvedM2(db, b.id, "CANCELLED"), await approvedM2(db, b.id, "CLEARED")];
    expect(aCleared * bCancelled * bCleared).toBeGreaterThan(0);

    // The single-method grant: 80 % of US$100,000 over its 60 % of task A, all cleared.
    const cleared = cost.byMethod.find((g) => g.key === "cleared")!;
    expect(cleared.grants).toEqual([single.code]);
    expect(cleared.attributedM2).toBeCloseTo(aCleared * 0.6, 4);
    expect(cleared.attributedUsd).toBeCloseTo(80_000, 4);
    expect(cleared.usdPerM2).toBeCloseTo(80_000 / (aCleared * 0.6), 9);
    expect(cleared.mixedM2).toBeCloseTo(bCleared, 4);
    // Cancelled land was all released alongside clearance: not separable, no price.
    expect(cost.byMethod.find((g) => g.key === "cancelled")).toMatchObject({ usdPerM2: null, attributedM2: 0 });
    expect(cost.byMethod.find((g) => g.key === "cancelled")!.mixedM2).toBeCloseTo(bCancelled, 4);
    const several = cost.byMethod.find((g) => g.key === "mixed")!;
    expect(several).toMatchObject({ usdPerM2: null, grants: [mixed.code] });
    expect(several.attributedM2).toBeCloseTo(bCancelled + bCleared, 4);
    expect(several.attributedUsd).toBeCloseTo(25_000, 4);

    // The grant stating no split: out of every figure, and named with its money and land.
    expect(cost.notStated.grants).toEqual([unstated.code]);
    expect(cost.notStated.disbursedCents).toBe(30_000_00n);
    expect(cost.notStated.m2).toBeCloseTo(aCleared * 0.4, 4);
    for (const groups of [cost.byDonor, cost.byPartner, cost.byMethod, cost.byYear]) {
      expect(groups.reduce((s, g) => s + g.attributedUsd, 0)).toBeCloseTo(80_000 + 25_000, 4);
      expect(groups.reduce((s, g) => s + g.attributedM2, 0)).toBeCloseTo(aCleared * 0.6 + bCancelled + bCleared, 4);
      expect(groups.flatMap((g) => g.grants)).not.toContain(unstated.code);
    }

    // The grants file says the same: each grant's split and the money counted against land, empty where not stated.
    const file = await buildExport(db, donorActor, "grants.csv", ZExportFilter.parse({}), new Date());
    const text =
      file.body instanceof Uint8Array ? new TextDecoder().decode(file.body) : await new Response(file.body).text();
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    });
    const row = (code: string) => rows.data.find((r) => r.grantCode === code)!;
    expect([row(single.code).landReleaseShareBp, Number(row(single.code).landReleaseUsd)]).toEqual(["8000", 80_000]);
    expect([row(mixed.code).eoreShareBp, Number(row(mixed.code).landReleaseUsd)]).toEqual(["5000", 25_000]);
    expect([row(unstated.code).landReleaseShareBp, row(unstated.code).landReleaseUsd]).toEqual(["", ""]);
  });

  it("refuses, in the database too, a split that does not add up to the whole grant", async () => {
    const db = t().db;
    const { organisation: d } = await donor(db);
    const g = await grant(db, d.id, 1_000_00n, null, []);
    await expect(
      db.grantActivitySplit.create({
        data: { grantId: g.id, landReleaseBp: 6_000, eoreBp: 2_000, victimAssistanceBp: 0, capacityBp: 0 },
      }),
    ).rejects.toThrow();
    expect(await db.grantActivitySplit.count({ where: { grantId: g.id } })).toBe(0);
  });

  it("imports a grant's split from the file, and refuses one that does not add up with a clear message", async () => {
    const db = t().db;
    const admin = await actorFor(db, "admin@demo.test");
    const row = { donor: "Finland", year: 2021, amountMinor: "100000000", currency: "EUR", usdCents: "118000000" };
    const split = { landReleaseBp: 7_000, eoreBp: 2_000, victimAssistanceBp: 1_000, capacityBp: 0 };
    await importFunding(db, admin, {
      source: "Test split",
      rows: [
        { ...row, split },
        { ...row, year: 2022 },
      ],
    });
    const imported = await db.grant.findMany({
      where: { donor: { name: "Finland" } },
      orderBy: { fiscalYear: "asc" },
      select: {
        activitySplit: { select: { landReleaseBp: true, eoreBp: true, victimAssistanceBp: true, capacityBp: true } },
      },
    });
    expect(imported.map((g) => g.activitySplit)).toEqual([split, null]);
    const before = await db.grant.count();
    const bad = await refusal(
      importFunding(db, admin, {
        source: "Test split",
        rows: [{ ...row, year: 2023, split: { ...split, capacityBp: 500 } }],
      }),
    );
    expect(bad.code).toBe("invalid_request");
    expect(JSON.stringify(bad.details)).toMatch(/must add up to 10000 basis points/);
    expect(await db.grant.count()).toBe(before);
  });
});
