import { NextResponse } from "next/server";
import { recordRiskEducationSession } from "@/lib/server/commands/record-risk-education-session";
import { jsonBody, pageParam, withPermission } from "@/lib/server/http";
import { riskEducationPage } from "@/lib/server/queries/human-impact";
import { LIST_PAGE_SIZE } from "@/lib/server/queries/paging";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** EORE sessions, newest first, 100 a page: a partner its own, an authority those in its governorates, others all. */
export const GET = withPermission("progress:read", async ({ req, user, db }) => {
  const page = pageParam(req);
  const { total, rows } = await riskEducationPage(db, user, page);
  return NextResponse.json({
    total,
    page,
    pageSize: LIST_PAGE_SIZE,
    items: rows.map((s) => ({
      id: s.id,
      heldOn: day(s.heldOn),
      governorate: s.governorate.pcode,
      place: s.place,
      partner: s.partner.name,
      women: s.women,
      men: s.men,
      girls: s.girls,
      boys: s.boys,
      correctionNote: s.correctionNote,
    })),
  });
});

/** A partner records a session it delivered (`{ heldOn, governorate, place, women, men, girls, boys }`), or corrects or withdraws one of its own. */
export const POST = withPermission("riskEducation:record", async ({ req, user, db }) => {
  const { replayed, ...record } = await recordRiskEducationSession(db, user, await jsonBody(req));
  // 200 when this submission was already recorded (the same clientRef sent again from a device's queue).
  return NextResponse.json(record, { status: replayed ? 200 : 201 });
});
