// Hazardous areas with their polygons: the caller's, in the view's place,
// contamination and land use, and of the view's partner's tasks; those the
// register holds, so their areas add up to the dashboard's registered figure.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { IN_REGISTER } from "@/lib/domain/hazard-area-status";
import { hazardAreaFilter, partnerFilter } from "@/lib/server/filters";
import { HAZARD_AREA_LISTED } from "@/lib/server/queries/hazard-areas";
import { hazardAreaScope } from "@/lib/server/scopes";
import { areal } from "./dataset";

const m2 = (v: number) => Math.round(v * 1000) / 1000;

const SELECT = {
  ...HAZARD_AREA_LISTED,
  governoratePcode: true,
  areaM2: true,
  releasedM2: true,
  status: true,
  geometry: true,
  governorate: { select: { nameEn: true, region: true } },
  authority: { select: { name: true } },
} as const;

export const hazardAreas = areal(
  "task:read",
  async (db, actor, f) => {
    const where: Prisma.HazardAreaWhereInput = {
      AND: [
        hazardAreaScope(actor),
        { status: { in: [...IN_REGISTER] } },
        hazardAreaFilter(f),
        f.partner ? { tasks: { some: { task: partnerFilter(f) } } } : {},
      ],
    };
    return {
      count: () => db.hazardArea.count({ where }),
      page: (p) => db.hazardArea.findMany({ where, select: SELECT, ...p }),
    };
  },
  (h) => ({
    geometry: h.geometry,
    // Field names fit a shapefile's 10 characters.
    properties: {
      code: h.code,
      name: h.name,
      pcode: h.governoratePcode,
      governor: h.governorate.nameEn,
      region: h.governorate.region.toLowerCase(),
      authority: h.authority.name,
      kind: h.kind.toLowerCase(),
      land_use: h.landUse.toLowerCase(),
      priority: h.priorityRank,
      area_m2: m2(h.areaM2),
      rel_m2: m2(h.releasedM2),
      remain_m2: m2(Math.max(0, h.areaM2 - h.releasedM2)),
      status: h.status.toLowerCase(),
    },
  }),
);
