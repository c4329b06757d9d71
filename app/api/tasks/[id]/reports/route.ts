import { NextResponse } from "next/server";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import { geometryUpload, language, withPermission } from "@/lib/server/http";

export const POST = withPermission<{ id: string }>("report:submit", async ({ req, user, db, params }) => {
  const upload = await geometryUpload(req);
  const r = await submitLandReleaseReport(db, user, params.id, upload.body);
  return NextResponse.json(
    {
      id: r.id,
      status: r.status.toLowerCase(),
      submittedAreaM2: r.submittedAreaM2,
      outsideAreaM2: r.outsideHazardM2,
      alreadyReleasedAreaM2: r.alreadyReleasedM2,
      countedAreaM2: r.countedAreaM2,
      // An uploaded file's coordinate system, and the reader's notes (the datum shift applied) before the checks' own.
      ...(upload.read ? { sourceCrs: upload.read.sourceCrs } : {}),
      notes: [...(upload.read?.notes ?? []), ...r.notes].map((n) => n[language(req)]),
    },
    // 200 when this submission was already made (the same clientRef sent again after a dropped connection).
    { status: r.replayed ? 200 : 201 },
  );
});
