import { describe, expect, it } from "vitest";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { openDb } from "@/lib/server/prisma";
import { getDashboard } from "@/lib/server/queries/progress";
import { actorFor } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

describe.each(DATABASE_KINDS)("dashboard cache on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("serves the aggregates from the cache until an approval changes them, then recomputes", async () => {
    const before = await getDashboard(t().db);
    // A write that bypasses the use cases is not seen: proof the figures come from the cache.
    const hazard = await t().db.hazardArea.findFirstOrThrow({ where: { code: "DEMO-NIN-001" } });
    await t().db.hazardArea.update({ where: { id: hazard.id }, data: { areaM2: hazard.areaM2 + 1 } });
    expect((await getDashboard(t().db, {})).byGovernorate).toEqual(before.byGovernorate);
    await t().db.hazardArea.update({ where: { id: hazard.id }, data: { areaM2: hazard.areaM2 } });

    const pending = await t().db.landReleaseReport.findFirstOrThrow({
      where: { status: "SUBMITTED", hazardArea: { authority: { shortName: "DMA" } } },
    });
    const approved = await reviewLandReleaseReport(t().db, await actorFor(t().db, "dma@demo.test"), pending.id, {
      decision: "approve",
    });
    const after = await getDashboard(t().db);
    expect(after.releasedM2.total - before.releasedM2.total).toBeCloseTo(approved.countedAreaM2, 4);
  });
});

// Two app instances share one PostgreSQL server (PGlite is one process's).
describe.each(DATABASE_KINDS.filter((k) => k === "postgresql"))("dashboard cache across instances on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("a second app instance on the same database sees an approval made by the first", async () => {
    const other = await openDb({ databaseUrl: t().url! });
    try {
      const seen = await getDashboard(other.db);
      const pending = await t().db.landReleaseReport.findFirstOrThrow({
        where: { status: "SUBMITTED" },
        include: { hazardArea: { include: { authority: true } } },
      });
      const reviewer = pending.hazardArea.authority.shortName === "DMA" ? "dma@demo.test" : "ikmaa@demo.test";
      const approved = await reviewLandReleaseReport(t().db, await actorFor(t().db, reviewer), pending.id, {
        decision: "approve",
      });
      expect((await getDashboard(other.db)).releasedM2.total - seen.releasedM2.total).toBeCloseTo(
        approved.countedAreaM2,
        4,
      );
    } finally {
      await other.close();
    }
  });
});
