import { NextResponse } from "next/server";
import { handOverTask } from "@/lib/server/commands/hand-over-task";
import { jsonBody, withPermission } from "@/lib/server/http";

export const POST = withPermission<{ id: string }>("task:assign", async ({ req, user, db, params }) => {
  return NextResponse.json(await handOverTask(db, user, params.id, await jsonBody(req)));
});
