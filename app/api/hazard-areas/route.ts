import { NextResponse } from "next/server";
import { registerHazardArea } from "@/lib/server/commands/register-hazard-area";
import { bodyWithGeometry, withPermission } from "@/lib/server/http";

export const POST = withPermission("hazardArea:write", async ({ req, user, db }) => {
  const area = await registerHazardArea(db, user, await bodyWithGeometry(req));
  return NextResponse.json(area, { status: 201 });
});
