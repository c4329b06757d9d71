import { NextResponse } from "next/server";
import { refusal } from "@/lib/i18n/refusals";
import { progressFilterFrom } from "@/lib/schemas/progress-filter";
import { CommandError, fieldIssues } from "@/lib/server/command-error";
import { withPermission } from "@/lib/server/http";
import { getDashboard } from "@/lib/server/queries/progress";

export const GET = withPermission("progress:read", async ({ req, db }) => {
  const filter = progressFilterFrom(new URL(req.url).searchParams);
  if (!filter.success)
    throw new CommandError("invalid_request", refusal("filterMalformed"), fieldIssues(filter.error.issues));
  return NextResponse.json(await getDashboard(db, filter.data));
});
