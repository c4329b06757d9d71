import { NextResponse } from "next/server";
import { recordVictimAssistance } from "@/lib/server/commands/record-victim-assistance";
import { jsonBody, pageParam, withPermission } from "@/lib/server/http";
import { LIST_PAGE_SIZE } from "@/lib/server/queries/paging";
import { victimAssistancePage } from "@/lib/server/queries/victim-assistance";

/** Victim assistance records in force, newest period first, 100 a page: an operator's own, an authority's region's. */
export const GET = withPermission("progress:read", async ({ req, user, db }) => {
  const page = pageParam(req);
  const { total, rows } = await victimAssistancePage(db, user, page);
  return NextResponse.json({
    total,
    page,
    pageSize: LIST_PAGE_SIZE,
    items: rows.map((r) => ({
      id: r.id,
      periodStart: r.periodStart.toISOString().slice(0, 10),
      periodEnd: r.periodEnd.toISOString().slice(0, 10),
      governorate: r.governoratePcode,
      service: r.service,
      survivors: { women: r.women, men: r.men, girls: r.girls, boys: r.boys, unknown: r.unknown },
      incidentId: r.incidentId,
      correctionNote: r.correctionNote,
    })),
  });
});

/**
 * An authority or operator records survivors referred or assisted (`{ periodStart, periodEnd, governorate,
 * service, women, men, girls, boys, unknown, incidentId? }`), or corrects or withdraws one it recorded.
 */
export const POST = withPermission("victimAssistance:record", async ({ req, user, db }) => {
  const { replayed, ...record } = await recordVictimAssistance(db, user, await jsonBody(req));
  return NextResponse.json(record, { status: replayed ? 200 : 201 });
});
