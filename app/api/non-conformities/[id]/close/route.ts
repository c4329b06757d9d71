import { NextResponse } from "next/server";
import { closeNonConformity } from "@/lib/server/commands/close-non-conformity";
import { jsonBody, withPermission } from "@/lib/server/http";

export const POST = withPermission<{ id: string }>("qa:record", async ({ req, user, db, params }) => {
  return NextResponse.json(await closeNonConformity(db, user, params.id, await jsonBody(req)));
});
