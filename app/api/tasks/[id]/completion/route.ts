import { NextResponse } from "next/server";
import { completeTask } from "@/lib/server/commands/complete-task";
import { jsonBody, withPermission } from "@/lib/server/http";

export const POST = withPermission<{ id: string }>("report:submit", async ({ req, user, db, params }) => {
  return NextResponse.json(await completeTask(db, user, params.id, await jsonBody(req)), { status: 201 });
});
