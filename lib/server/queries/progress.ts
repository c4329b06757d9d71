import { currentBaseline, summariseProgress, type ProgressSummary } from "../../domain/progress";
import type { Db } from "../prisma";

/**
 * National progress from the records: the national baseline records and the
 * counted area of approved land-release reports since the baseline's date.
 * Answers the dashboard and GET /api/progress alike.
 */
export async function getNationalProgress(db: Db): Promise<ProgressSummary> {
  const records = await db.contaminationBaseline.findMany({
    where: { governoratePcode: null },
    select: { kind: true, areaM2: true, asOf: true, source: true },
  });
  const since = currentBaseline(records)?.asOf;
  const sums = await db.landReleaseReport.groupBy({
    by: ["method"],
    where: { status: "APPROVED", ...(since ? { periodEnd: { gte: since } } : {}) },
    _sum: { countedAreaM2: true },
  });
  const byMethod = (m: string) => sums.find((s) => s.method === m)?._sum.countedAreaM2 ?? 0;
  return summariseProgress(records, { cancelled: byMethod("CANCELLED"), reduced: byMethod("REDUCED"), cleared: byMethod("CLEARED") });
}
