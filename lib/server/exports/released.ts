// Released land: the counted polygons of the approved reports in the view,
// summed exactly as the dashboard sums them.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { areal } from "./dataset";
import { approvedWhere } from "./reports";

const SELECT = {
  id: true,
  method: true,
  periodEnd: true,
  countedAreaM2: true,
  countedGeometry: true,
  kind: true,
  task: { select: { code: true } },
  hazardArea: { select: { code: true, governoratePcode: true } },
  partner: { select: { name: true } },
} as const;

export const released = areal(
  "progress:read",
  async (db, _actor, f) => {
    const where: Prisma.LandReleaseReportWhereInput = {
      AND: [await approvedWhere(db, f), { countedGeometry: { not: Prisma.DbNull } }],
    };
    return {
      count: () => db.landReleaseReport.count({ where }),
      page: (p) => db.landReleaseReport.findMany({ where, select: SELECT, ...p }),
    };
  },
  (r) => ({
    geometry: r.countedGeometry,
    properties: {
      name: `${r.hazardArea.code} ${r.method.toLowerCase()} ${r.periodEnd.toISOString().slice(0, 10)}`,
      report_id: r.id,
      task: r.task?.code ?? "",
      hazard: r.hazardArea.code,
      pcode: r.hazardArea.governoratePcode,
      method: r.method.toLowerCase(),
      period_end: r.periodEnd.toISOString().slice(0, 10),
      counted_m2: r.countedAreaM2,
      partner: r.partner.name,
      // "reopening": land a failed post-clearance inspection took back (counted_m2 below zero), drawn over its release.
      kind: r.kind.toLowerCase(),
    },
  }),
);
