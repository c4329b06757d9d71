import type { Prisma } from "@/generated/prisma/client";
import { programmeDay } from "@/lib/domain/calendar";
import type { Overlap } from "@/lib/domain/hazard-area-overlap";
import type { Areal } from "@/lib/geo/boolean";
import { runGeometry } from "@/lib/server/geometry-pool";
import type { Actor } from "@/lib/server/permissions";
import { asAreal } from "@/lib/server/queries/land-release";
import { recordChange } from "./hazard-area-change-record";

/**
 * A new area registered over land earlier areas released: its history names
 * those areas and the approved reports whose released land it covers, so the
 * investigation (a missed device? a wrong boundary?) starts from the records.
 */
export async function recordFoundOnReleasedLand(
  tx: Prisma.TransactionClient,
  actor: Actor,
  areaId: string,
  geometry: Areal,
  onReleased: Overlap[],
) {
  const ids = onReleased.flatMap((o) => (o.id ? [o.id] : []));
  // The areas' own reports and those they carry on, asked apart: one OR of both read every report in the
  // register (a registration over released land took 0.5 s with 200,000 reports; npm run bench:register).
  const carried = await tx.inheritedRelease.findMany({
    where: { hazardAreaId: { in: ids } },
    select: { reportId: true },
  });
  const select = { id: true, countedGeometry: true, periodEnd: true, partner: { select: { name: true } } } as const;
  const reports = [
    ...(await tx.landReleaseReport.findMany({
      where: { status: "APPROVED", kind: "RELEASE", hazardAreaId: { in: ids } },
      select,
    })),
    ...(carried.length
      ? await tx.landReleaseReport.findMany({
          where: { status: "APPROVED", id: { in: carried.map((c) => c.reportId) } },
          select,
        })
      : []),
  ];
  const found = await runGeometry(
    "overlapsWithRegistered",
    geometry,
    reports.flatMap((r) => {
      const counted = asAreal(r.countedGeometry);
      return counted ? [{ id: r.id, code: r.id, name: r.partner.name, geometry: counted }] : [];
    }),
  );
  const byId = new Map(reports.map((r) => [r.id, r]));
  await recordChange({ tx, actor }, areaId, {
    kind: "FOUND_ON_RELEASED_LAND",
    effectiveDate: programmeDay(),
    // Recorded by the system as the area is registered; the history names the kind of change in the reader's language.
    evidence: "",
    after: {
      areas: onReleased.map((o) => ({ code: o.code, onReleasedM2: o.onReleasedM2 })),
      reports: found.map((f) => ({
        id: f.id,
        partner: f.name,
        periodEnd: byId.get(f.id!)?.periodEnd.toISOString().slice(0, 10),
        m2: f.overlapM2,
      })),
    },
    related: ids,
  });
}
