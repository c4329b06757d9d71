// Taking back an import of past releases: its reports are kept, marked
// withdrawn and no longer counted, and each area's released land and total
// go back to what they were without them. Refused once anything was built on
// them: land released in those areas after the import (whose account assumed
// the imported land released), or a boundary change, split or merge since.
import { Prisma } from "@/generated/prisma/client";
import type { HazardAreaStatus } from "@/lib/domain/hazard-area-status";
import type { Areal } from "@/lib/geo/boolean";
import { refusal } from "@/lib/i18n/refusals";
import { CommandError } from "@/lib/server/command-error";
import { runInWorker } from "@/lib/server/geometry-pool";
import { toJson } from "@/lib/server/json";
import type { Actor } from "@/lib/server/permissions";
import { asAreal, lockHazardArea } from "@/lib/server/queries/land-release";
import { settleReleasedArea } from "./hazard-area-change-record";

type Tx = Prisma.TransactionClient;
/** The areas' released land measured again without the import's: one job for the whole import. */
export const WITHDRAW_BUDGET_MS = 60_000;

/** Changes the import's own commit made (an area released to its last m² closed): they do not stop its withdrawal. */
const OWN_CHANGES = ["CLOSED", "REOPENED"] as const;

export async function withdrawReleases(tx: Tx, actor: Actor, found: { id: string; createdAt: Date }) {
  const reports = await tx.landReleaseReport.findMany({
    where: { importId: found.id, status: "APPROVED" },
    select: { id: true, hazardAreaId: true, countedAreaM2: true, countedGeometry: true },
  });
  const areaIds = [...new Set(reports.map((r) => r.hazardAreaId))].sort();
  for (const areaId of areaIds) await lockHazardArea(tx, areaId);
  const [areas, later, changed] = await Promise.all([
    tx.hazardArea.findMany({
      where: { id: { in: areaIds } },
      select: { id: true, code: true, status: true, areaM2: true, releasedM2: true, releasedGeometry: true },
    }),
    tx.landReleaseReport.findMany({
      where: {
        hazardAreaId: { in: areaIds },
        reviewedAt: { gt: found.createdAt },
        status: { in: ["APPROVED", "SUPERSEDED"] },
        OR: [{ importId: null }, { importId: { not: found.id } }],
      },
      select: { hazardAreaId: true },
    }),
    tx.hazardAreaChange.findMany({
      where: { hazardAreaId: { in: areaIds }, at: { gt: found.createdAt } },
      select: { hazardAreaId: true, kind: true, before: true, after: true },
    }),
  ]);
  // An area this import closed reopens as it was before (a suspended area stays suspended).
  const closedFrom = new Map(
    changed
      .filter((c) => c.kind === "CLOSED" && (c.after as { import?: string } | null)?.import === found.id)
      .map((c) => [c.hazardAreaId, (c.before as { status: HazardAreaStatus }).status]),
  );
  const followed = new Set(
    [...later, ...changed.filter((c) => !(OWN_CHANGES as readonly string[]).includes(c.kind))].map(
      (r) => r.hazardAreaId,
    ),
  );
  const retired = areas.filter((a) => followed.has(a.id) || a.status === "SUPERSEDED");
  if (retired.length)
    throw new CommandError(
      "conflict",
      refusal("importReleasesFollowed", {
        codes: retired
          .slice(0, 10)
          .map((a) => a.code)
          .join(", "),
      }),
    );

  const ofArea = (areaId: string) => reports.filter((r) => r.hazardAreaId === areaId);
  const releasedAfter = await runInWorker(
    "releasedWithout",
    [
      areas.map((a) => ({
        released: asAreal(a.releasedGeometry),
        counted: ofArea(a.id).flatMap((r) => (r.countedGeometry ? [asAreal(r.countedGeometry) as Areal] : [])),
      })),
    ],
    WITHDRAW_BUDGET_MS,
  );
  for (const [i, area] of areas.entries()) {
    const releasedM2 = Math.max(0, area.releasedM2 - ofArea(area.id).reduce((s, r) => s + r.countedAreaM2, 0));
    const released = releasedAfter[i];
    await tx.hazardArea.update({
      where: { id: area.id },
      data: { releasedM2, releasedGeometry: released ? toJson(released) : Prisma.DbNull },
    });
    await settleReleasedArea({ tx, actor }, area, releasedM2, { importWithdrawn: found.id }, closedFrom.get(area.id));
  }
  await tx.landReleaseReport.updateMany({
    where: { importId: found.id, status: "APPROVED" },
    data: { status: "WITHDRAWN" },
  });
  return {
    reports: reports.length,
    countedM2: reports.reduce((s, r) => s + r.countedAreaM2, 0),
    areas: areas.map((a) => a.code),
  };
}
