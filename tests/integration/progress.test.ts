import { describe, expect, it } from "vitest";
import { getNationalProgress } from "@/lib/server/queries/progress";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

describe.each(DATABASE_KINDS)("national progress on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("sums exactly the counted area of approved reports, by method", async () => {
    const progress = await getNationalProgress(t().db);
    const approved = await t().db.landReleaseReport.findMany({ where: { status: "APPROVED" } });
    for (const [method, key] of [
      ["CANCELLED", "cancelled"],
      ["REDUCED", "reduced"],
      ["CLEARED", "cleared"],
    ] as const) {
      const expected = approved.filter((r) => r.method === method).reduce((s, r) => s + r.countedAreaM2, 0);
      expect(progress.releasedM2[key]).toBeCloseTo(expected, 6);
      expect(expected).toBeGreaterThan(0);
    }
    expect(progress.releasedM2.total + progress.remainingM2).toBeCloseTo(progress.baselineM2, 4);
  });

  it("ignores submitted and rejected reports until they are approved", async () => {
    const before = await getNationalProgress(t().db);
    const pending = await t().db.landReleaseReport.findFirstOrThrow({ where: { status: "SUBMITTED" } });
    expect(pending.countedAreaM2).toBeGreaterThan(0);
    await t().db.landReleaseReport.update({ where: { id: pending.id }, data: { status: "APPROVED" } });
    const after = await getNationalProgress(t().db);
    expect(after.releasedM2.cleared - before.releasedM2.cleared).toBeCloseTo(pending.countedAreaM2, 6);
    expect(after.remainingM2).toBeCloseTo(before.remainingM2 - pending.countedAreaM2, 4);
  });

  it("adds contamination found after the baseline to it", async () => {
    const before = await getNationalProgress(t().db);
    await t().db.contaminationBaseline.create({
      data: {
        kind: "NEWLY_FOUND",
        areaM2: 1_250_000,
        asOf: new Date("2025-05-01T00:00:00Z"),
        source: "Test re-survey",
      },
    });
    const after = await getNationalProgress(t().db);
    expect(after.baselineM2).toBe(before.baselineM2 + 1_250_000);
    expect(after.remainingM2).toBeCloseTo(before.remainingM2 + 1_250_000, 4);
  });
});
