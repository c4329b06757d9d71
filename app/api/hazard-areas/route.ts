import { NextResponse } from "next/server";
import { registerHazardArea } from "@/lib/server/commands/register-hazard-area";
import { geometryUpload, language, withPermission } from "@/lib/server/http";
import { hazardAreaChoices } from "@/lib/server/queries/hazard-areas";

/** Search the caller's hazardous areas with land left to release (`q`: code, name or governorate), 50 at most, highest priority first. */
export const GET = withPermission("hazardArea:read", async ({ req, user, db }) => {
  const q = (new URL(req.url).searchParams.get("q") ?? "").slice(0, 100);
  return NextResponse.json({ items: await hazardAreaChoices(db, user, q) });
});

export const POST = withPermission("hazardArea:write", async ({ req, user, db }) => {
  const upload = await geometryUpload(req);
  const area = await registerHazardArea(db, user, upload.body);
  // An uploaded file's coordinate system, and the reader's notes (the datum shift applied) before the checks' own.
  const notes = [...(upload.read?.notes ?? []), ...area.notes].map((n) => n[language(req)]);
  return NextResponse.json(
    { ...area, ...(upload.read ? { sourceCrs: upload.read.sourceCrs } : {}), notes },
    { status: 201 },
  );
});
