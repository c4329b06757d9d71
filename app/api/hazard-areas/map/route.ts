import { NextResponse } from "next/server";
import { ZRegisterView } from "@/lib/schemas/hazard-area";
import { parseOrRefuse } from "@/lib/server/command-error";
import { withPermission } from "@/lib/server/http";
import { registerMap } from "@/lib/server/queries/register-map";

/** The caller's hazardous areas in a map view (`bbox=west,south,east,north`, `zoom`): each area, or cells counting them. */
export const GET = withPermission("hazardArea:read", async ({ req, user, db }) => {
  const view = parseOrRefuse(ZRegisterView, Object.fromEntries(new URL(req.url).searchParams), "filterMalformed");
  return NextResponse.json(await registerMap(db, user, view));
});
