// Risk education sessions: the list's scope (a partner its own sessions),
// then the view's place, period and partner.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { batches } from "@/lib/exports/stream";
import type { Column } from "@/lib/exports/table";
import type { ExportFilter } from "@/lib/schemas/export-filter";
import { partnerFilter, periodFilter, placeFilter } from "@/lib/server/filters";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { SESSION_RECORD } from "@/lib/server/queries/human-impact";
import { riskEducationScope } from "@/lib/server/scopes";
import { correctionColumns, peopleColumns, recordColumns } from "./columns";
import { tabular } from "./dataset";

const SESSION_SELECT = {
  ...SESSION_RECORD,
  createdAt: true,
  supersedesId: true,
  correctionNote: true,
  partner: { select: { name: true } },
} satisfies Prisma.RiskEducationSessionSelect;
type SessionRow = Prisma.RiskEducationSessionGetPayload<{ select: typeof SESSION_SELECT }>;

const COLUMNS: Column<SessionRow>[] = [
  ...recordColumns<SessionRow>("sessionId", { header: "heldOn", hxl: "#date", value: (s) => s.heldOn }),
  { header: "partner", hxl: "#org+impl", type: "string", value: (s) => s.partner.name, width: 28 },
  ...peopleColumns<SessionRow>("", "#reached", (s) => s),
  { header: "total", hxl: "#reached+total", type: "integer", value: (s) => s.women + s.men + s.girls + s.boys },
  ...correctionColumns<SessionRow>(),
];

/** The list's scope (a partner its own sessions), then the view's place, period and partner. */
async function sessions(db: Db, actor: Actor, f: ExportFilter) {
  const where: Prisma.RiskEducationSessionWhereInput = {
    AND: [riskEducationScope(actor), placeFilter(f), periodFilter("heldOn", f), partnerFilter(f)],
  };
  return {
    count: () => db.riskEducationSession.count({ where }),
    rows: () => batches((p) => db.riskEducationSession.findMany({ where, select: SESSION_SELECT, ...p })),
  };
}

export const riskEducation = tabular("risk-education", "Risk education sessions", "progress:read", COLUMNS, sessions);
