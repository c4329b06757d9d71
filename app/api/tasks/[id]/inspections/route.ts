import { NextResponse } from "next/server";
import { recordInspection } from "@/lib/server/commands/record-inspection";
import { geometryUpload, withPermission } from "@/lib/server/http";

export const POST = withPermission<{ id: string }>("qa:record", async ({ req, user, db, params }) => {
  const upload = await geometryUpload(req);
  const recorded = await recordInspection(db, user, params.id, upload.body);
  return NextResponse.json(
    { ...recorded, ...(upload.read ? { sourceCrs: upload.read.sourceCrs } : {}) },
    { status: 201 },
  );
});
