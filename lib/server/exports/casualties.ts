// Explosive ordnance accidents in force, in the view's place and period
// (they belong to no partner and to no hazardous area): a row per accident,
// its people by outcome, by sex and age (unknown kept apart) and by status,
// each split adding up to casualtiesTotal, and every group as recorded.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { type CasualtyTally, pointOf, tallyCasualties } from "@/lib/domain/casualties";
import { batches } from "@/lib/exports/stream";
import type { Column } from "@/lib/exports/table";
import { periodFilter, placeFilter } from "@/lib/server/filters";
import { ACCIDENT_RECORD } from "@/lib/server/queries/human-impact";
import { casualtyScope } from "@/lib/server/scopes";
import { codeWord, correctionColumns, recordColumns } from "./columns";
import { tabular } from "./dataset";

const CASUALTY_SELECT = {
  ...ACCIDENT_RECORD,
  supersedesId: true,
  correctionNote: true,
  authority: { select: { name: true } },
} satisfies Prisma.CasualtyIncidentSelect;
type CasualtyRow = Prisma.CasualtyIncidentGetPayload<{ select: typeof CASUALTY_SELECT }>;

const people = (header: string, hxl: string, value: (t: CasualtyTally) => number): Column<CasualtyRow> => ({
  header,
  hxl,
  type: "integer",
  value: (r) => value(tallyCasualties(r.counts)),
});

const COLUMNS: Column<CasualtyRow>[] = [
  ...recordColumns<CasualtyRow>("accidentId", {
    header: "occurredOn",
    hxl: "#date+incident",
    value: (c) => c.occurredOn,
  }),
  {
    header: "devices",
    hxl: "#item+type",
    type: "string",
    // Codes for scripts (`ied;uxo`), words for a reader; empty when the device is not known.
    value: (c) => c.deviceCategories.map((d) => d.toLowerCase()).join(";"),
    shown: (c, locale) => c.deviceCategories.map((d) => codeWord("device", d, locale) ?? d).join("; "),
    codes: "device" as const,
    width: 28,
  } as Column<CasualtyRow> & { codes: "device" },
  // Six decimals of a degree: about 10 cm, finer than any GPS a team carries.
  {
    header: "longitude",
    hxl: "#geo+lon",
    type: "number",
    format: "0.000000",
    value: (c) => pointOf(c.location)?.lon ?? null,
  },
  {
    header: "latitude",
    hxl: "#geo+lat",
    type: "number",
    format: "0.000000",
    value: (c) => pointOf(c.location)?.lat ?? null,
  },
  people("killed", "#affected+killed", (t) => t.byOutcome.KILLED),
  people("injured", "#affected+injured", (t) => t.byOutcome.INJURED),
  people("unknownOutcome", "#affected+outcome_unknown", (t) => t.byOutcome.UNKNOWN),
  people("casualtiesTotal", "#affected+total", (t) => t.total),
  people("women", "#affected+f+adults", (t) => t.bySexAge.FEMALE.ADULT),
  people("men", "#affected+m+adults", (t) => t.bySexAge.MALE.ADULT),
  people("girls", "#affected+f+children", (t) => t.bySexAge.FEMALE.CHILD),
  people("boys", "#affected+m+children", (t) => t.bySexAge.MALE.CHILD),
  people("femaleAgeUnknown", "#affected+f+age_unknown", (t) => t.bySexAge.FEMALE.UNKNOWN),
  people("maleAgeUnknown", "#affected+m+age_unknown", (t) => t.bySexAge.MALE.UNKNOWN),
  people("adultsSexUnknown", "#affected+adults+sex_unknown", (t) => t.bySexAge.UNKNOWN.ADULT),
  people("childrenSexUnknown", "#affected+children+sex_unknown", (t) => t.bySexAge.UNKNOWN.CHILD),
  people("sexAgeUnknown", "#affected+sex_unknown+age_unknown", (t) => t.bySexAge.UNKNOWN.UNKNOWN),
  people("civilians", "#affected+civilian", (t) => t.byStatus.CIVILIAN),
  people("deminers", "#affected+deminer", (t) => t.byStatus.DEMINER),
  people("securityForces", "#affected+security_forces", (t) => t.byStatus.SECURITY_FORCES),
  people("statusUnknown", "#affected+status_unknown", (t) => t.byStatus.UNKNOWN),
  {
    header: "casualtyGroups",
    hxl: "#affected+groups",
    type: "string",
    // Every group as recorded, outcome/sex/age/status=count, so the outcome × sex × age × status detail is kept.
    value: (c) => c.counts.map((g) => `${g.outcome}/${g.sex}/${g.age}/${g.status}=${g.count}`.toLowerCase()).join("; "),
    width: 40,
  },
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
