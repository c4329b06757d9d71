import { NextResponse } from "next/server";
import { transitionTask } from "@/lib/server/commands/transition-task";
import { jsonBody, withPermission } from "@/lib/server/http";

/** The authority or the partner moves its task one step along its lifecycle. */
export const POST = withPermission<{ id: string }>("task:read", async ({ req, user, db, params }) => {
  return NextResponse.json(await transitionTask(db, user, params.id, await jsonBody(req)));
});
