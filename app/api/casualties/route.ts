import { NextResponse } from "next/server";
import { recordCasualtyIncident } from "@/lib/server/commands/record-casualty-incident";
import { jsonBody, pageParam, withPermission } from "@/lib/server/http";
import { casualtyPage } from "@/lib/server/queries/human-impact";
import { LIST_PAGE_SIZE } from "@/lib/server/queries/paging";

/** Explosive ordnance accidents, newest first, 100 a page, with the people killed and injured by sex and age. */
export const GET = withPermission("progress:read", async ({ req, db }) => {
  const page = pageParam(req);
  const { total, rows } = await casualtyPage(db, page);
  return NextResponse.json({
    total,
    page,
    pageSize: LIST_PAGE_SIZE,
    items: rows.map((c) => ({
      id: c.id,
      occurredOn: c.occurredOn.toISOString().slice(0, 10),
      governorate: c.governorate.pcode,
      place: c.place,
      deviceCategory: c.deviceCategory,
      authority: c.authority.name,
      killed: { women: c.killedWomen, men: c.killedMen, girls: c.killedGirls, boys: c.killedBoys },
      injured: { women: c.injuredWomen, men: c.injuredMen, girls: c.injuredGirls, boys: c.injuredBoys },
      correctionNote: c.correctionNote,
    })),
  });
});

/** An authority records an accident in its governorates (`{ occurredOn, governorate, place, deviceCategory, killed: {women,men,girls,boys}, injured: {…} }`), or corrects or withdraws one it recorded. */
export const POST = withPermission("casualty:record", async ({ req, user, db }) => {
  const { replayed, ...record } = await recordCasualtyIncident(db, user, await jsonBody(req));
  // 200 when this submission was already recorded (the same clientRef sent again from a device's queue).
  return NextResponse.json(record, { status: replayed ? 200 : 201 });
});
