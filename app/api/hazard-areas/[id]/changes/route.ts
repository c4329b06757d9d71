import { NextResponse } from "next/server";
import { refusal } from "@/lib/i18n/refusals";
import { CommandError } from "@/lib/server/command-error";
import { changeHazardArea } from "@/lib/server/commands/change-hazard-area";
import { geometryUpload, withPermission } from "@/lib/server/http";
import { hazardAreaHistory } from "@/lib/server/queries/hazard-area-life";
import { getHazardAreaRecord } from "@/lib/server/queries/hazard-areas";

/** GET /api/hazard-areas/{id}/changes: the area's history, newest first. */
export const GET = withPermission<{ id: string }>("hazardArea:read", async ({ user, db, params }) => {
  if (!(await getHazardAreaRecord(db, user, params.id)))
    throw new CommandError("not_found", refusal("noSuchHazardAreaOfYours"));
  return NextResponse.json({ items: await hazardAreaHistory(db, params.id) });
});

/**
 * POST /api/hazard-areas/{id}/changes: reclassify, revise, split, merge,
 * suspend, reopen, withdraw or close the investigation (`change`). A revised
 * boundary or a split's polygon comes as GeoJSON, or as a field file in a form.
 */
export const POST = withPermission<{ id: string }>("hazardArea:write", async ({ req, user, db, params }) => {
  const upload = await geometryUpload(req);
  return NextResponse.json(await changeHazardArea(db, user, params.id, upload.body));
});
