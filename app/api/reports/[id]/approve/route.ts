import { NextResponse } from "next/server";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { withPermission } from "@/lib/server/http";

export const POST = withPermission<{ id: string }>("report:review", async ({ user, db, params }) => {
  const r = await reviewLandReleaseReport(db, user, params.id, { decision: "approve" });
  return NextResponse.json({ id: r.id, status: r.status.toLowerCase(), countedAreaM2: r.countedAreaM2 });
});
