import { NextResponse } from "next/server";
import { recordMonitoringVisit } from "@/lib/server/commands/record-monitoring-visit";
import { jsonBody, withPermission } from "@/lib/server/http";

export const POST = withPermission<{ id: string }>("qa:record", async ({ req, user, db, params }) => {
  return NextResponse.json(await recordMonitoringVisit(db, user, params.id, await jsonBody(req)), { status: 201 });
});
