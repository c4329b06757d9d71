import { NextResponse } from "next/server";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { jsonBody, withPermission } from "@/lib/server/http";

export const POST = withPermission<{ id: string }>("report:review", async ({ req, user, db, params }) => {
  const body = (await jsonBody(req)) as { reason?: unknown };
  const r = await reviewLandReleaseReport(db, user, params.id, { decision: "reject", reason: body?.reason });
  return NextResponse.json({ id: r.id, status: r.status.toLowerCase() });
});
