import { NextResponse } from "next/server";
import { casualtyTotals } from "@/lib/domain/casualties";
import { recordCasualtyIncident } from "@/lib/server/commands/record-casualty-incident";
import { jsonBody, pageParam, withPermission } from "@/lib/server/http";
import { casualtyPage } from "@/lib/server/queries/human-impact";
import { LIST_PAGE_SIZE } from "@/lib/server/queries/paging";

/**
 * Explosive ordnance accidents, newest first, 100 a page: the devices, the point if recorded, and the casualties
 * in groups by outcome, sex, age and status, with the totals by outcome (killed + injured + unknown = total).
 */
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
      devices: c.deviceCategories,
      location: c.location,
      authority: c.authority.name,
      casualties: c.counts,
      ...casualtyTotals(c.counts),
      correctionNote: c.correctionNote,
    })),
  });
});

/**
 * An authority records an accident in its governorates (`{ occurredOn, governorate, place, devices: [...],
 * location?: { type: "Point", coordinates: [lon, lat] }, casualties: [{ outcome, sex, age, status, count }] }`),
 * or corrects or withdraws one it recorded.
 */
export const POST = withPermission("casualty:record", async ({ req, user, db }) => {
  const { replayed, ...record } = await recordCasualtyIncident(db, user, await jsonBody(req));
  // 200 when this submission was already recorded (the same clientRef sent again from a device's queue).
  return NextResponse.json(record, { status: replayed ? 200 : 201 });
});
