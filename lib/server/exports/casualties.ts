// Explosive ordnance accidents in force, in the view's place and period
// (they belong to no partner and to no hazardous area).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { batches } from "@/lib/exports/stream";
import type { Column } from "@/lib/exports/table";
import { periodFilter, placeFilter } from "@/lib/server/filters";
import { ACCIDENT_RECORD } from "@/lib/server/queries/human-impact";
import { casualtyScope } from "@/lib/server/scopes";
import { codeColumn, correctionColumns, peopleColumns, recordColumns } from "./columns";
import { tabular } from "./dataset";

const CASUALTY_SELECT = {
  ...ACCIDENT_RECORD,
  supersedesId: true,
  correctionNote: true,
  authority: { select: { name: true } },
} satisfies Prisma.CasualtyIncidentSelect;
type CasualtyRow = Prisma.CasualtyIncidentGetPayload<{ select: typeof CASUALTY_SELECT }>;

const COLUMNS: Column<CasualtyRow>[] = [
  ...recordColumns<CasualtyRow>("accidentId", {
    header: "occurredOn",
    hxl: "#date+incident",
    value: (c) => c.occurredOn,
  }),
  codeColumn("device", "#item+type", "device", (c) => c.deviceCategory),
  ...peopleColumns<CasualtyRow>("killed", "#affected+killed", (c) => ({
    women: c.killedWomen,
    men: c.killedMen,
    girls: c.killedGirls,
    boys: c.killedBoys,
  })),
  ...peopleColumns<CasualtyRow>("injured", "#affected+injured", (c) => ({
    women: c.injuredWomen,
    men: c.injuredMen,
    girls: c.injuredGirls,
    boys: c.injuredBoys,
  })),
  { header: "recordedBy", hxl: "#org+authority", type: "string", value: (c) => c.authority.name, width: 28 },
  ...correctionColumns<CasualtyRow>(),
];

export const casualties = tabular("casualties", "Casualties", "progress:read", COLUMNS, async (db, _actor, f) => {
  const where: Prisma.CasualtyIncidentWhereInput = {
    ...casualtyScope(),
    ...placeFilter(f),
    ...periodFilter("occurredOn", f),
  };
  return {
    count: () => db.casualtyIncident.count({ where }),
    rows: () => batches((p) => db.casualtyIncident.findMany({ where, select: CASUALTY_SELECT, ...p })),
  };
});
