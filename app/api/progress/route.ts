import { NextResponse } from "next/server";
import { progressFilterFrom } from "@/lib/schemas/progress-filter";
import { apiError, withPermission } from "@/lib/server/http";
import { getDashboard } from "@/lib/server/queries/progress";

export const GET = withPermission("progress:read", async ({ req, db }) => {
  const filter = progressFilterFrom(new URL(req.url).searchParams);
  if (!filter.success) return apiError("invalid_request", "A filter is malformed.", filter.error.issues);
  return NextResponse.json(await getDashboard(db, filter.data));
});
