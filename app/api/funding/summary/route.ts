import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { refusal } from "@/lib/i18n/refusals";
import { fundingFilterFrom } from "@/lib/schemas/funding-filter";
import { CommandError, fieldIssues } from "@/lib/server/command-error";
import { withPermission } from "@/lib/server/http";
import { fundingLabels, getFundingSummary } from "@/lib/server/queries/funding";

export const GET = withPermission("funding:read", async ({ req, user, db }) => {
  const filter = fundingFilterFrom(new URL(req.url).searchParams);
  if (!filter.success)
    throw new CommandError("invalid_request", refusal("filterMalformed"), fieldIssues(filter.error.issues));
  const labels = fundingLabels(await getTranslations("funding"));
  return NextResponse.json((await getFundingSummary(db, user, filter.data, labels)).summary);
});
