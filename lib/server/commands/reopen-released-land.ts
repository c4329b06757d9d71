// What a failed post-clearance inspection does to the released land it
// sampled (IMAS 09.20): nothing is erased; approved entries of kind REOPENING
// take it back, so every sum of released land moves back by exactly that land.
import { Prisma } from "@/generated/prisma/client";
import { settledStatus } from "@/lib/domain/hazard-area-status";
import { reopenedByArea } from "@/lib/domain/reopening";
import type { Areal } from "@/lib/geo/boolean";
import { runGeometry } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import type { Actor } from "@/lib/server/permissions";
import { asAreal, lockHazardArea } from "@/lib/server/queries/land-release";
import { releasesToSample } from "@/lib/server/queries/quality";
import { recordChange } from "./hazard-area-change-record";

type Tx = Prisma.TransactionClient;

/**
 * Writes, for each approved release of the task whose counted land the sample
 * covers, a reopening entry of minus that land (the release's method and
 * operator, dated on the inspection), and takes the land out of its hazardous
 * area's released land and total; an area closed by release opens again.
 * The areas are locked first (in id order), as approvals lock them, so no
 * approval counts the land while it is being taken back. Returns the m² reopened.
 */
export async function reopenSampledRelease(
  tx: Tx,
  actor: Actor,
  inspection: { id: string; taskId: string; inspectedOn: string; sample: Areal; evidence: string },
  hazardAreaIds: readonly string[],
): Promise<number> {
  for (const id of [...hazardAreaIds].sort()) await lockHazardArea(tx, id);
  const releases = await releasesToSample(tx, inspection.taskId);
  const reopenings = await runGeometry(
    "reopenSampledLand",
    inspection.sample,
    releases.map(({ id, hazardAreaId, counted, reopened }) => ({ id, hazardAreaId, counted, reopened })),
  );
  if (!reopenings.length) return 0;
  const release = new Map(releases.map((r) => [r.id, r]));
  const day = new Date(`${inspection.inspectedOn}T00:00:00Z`);
  await tx.landReleaseReport.createMany({
    data: reopenings.map((r) => {
      const of = release.get(r.releaseId)!;
      const land = toJson(r.geometry);
      return {
        kind: "REOPENING" as const,
        status: "APPROVED" as const,
        taskId: inspection.taskId,
        hazardAreaId: r.hazardAreaId,
        partnerId: of.partnerId,
        method: of.method,
        clearanceDepthCm: of.clearanceDepthCm,
        periodStart: day,
        periodEnd: day,
        submittedGeometry: land,
        submittedAreaM2: r.areaM2,
        outsideHazardM2: 0,
        alreadyReleasedM2: 0,
        countedAreaM2: -r.areaM2,
        countedGeometry: land,
        submittedById: actor.id,
        reviewedById: actor.id,
        reviewedAt: new Date(),
        reopensId: r.releaseId,
        inspectionId: inspection.id,
      };
    }),
  });
  const byArea = reopenedByArea(reopenings);
  const areas = await tx.hazardArea.findMany({
    where: { id: { in: [...byArea.keys()] } },
    select: { id: true, status: true, areaM2: true, releasedM2: true, releasedGeometry: true },
    orderBy: { id: "asc" },
  });
  const after = await runGeometry(
    "releasedWithout",
    areas.map((a) => ({ released: asAreal(a.releasedGeometry), counted: byArea.get(a.id)!.land })),
  );
  let totalM2 = 0;
  for (const [i, area] of areas.entries()) {
    const reopenedM2 = byArea.get(area.id)!.areaM2;
    totalM2 += reopenedM2;
    // The total is the sum of the counted areas, so it drops by exactly what the entries count.
    const releasedM2 = area.releasedM2 - reopenedM2;
    const status = settledStatus(area.status, area.areaM2, releasedM2);
    await tx.hazardArea.update({
      where: { id: area.id },
      data: { releasedM2, status, releasedGeometry: after[i] ? toJson(after[i]) : Prisma.DbNull },
    });
    await recordChange({ tx, actor }, area.id, {
      kind: "REOPENED",
      effectiveDate: inspection.inspectedOn,
      evidence: inspection.evidence,
      before: { status: area.status, releasedM2: area.releasedM2 },
      after: { status, releasedM2, reopenedM2, inspection: inspection.id },
    });
  }
  return totalM2;
}
