import { NextResponse } from "next/server";
import { importFunding } from "@/lib/server/commands/import-funding";
import { jsonBody, withPermission } from "@/lib/server/http";

export const POST = withPermission("funding:write", async ({ req, user, db }) =>
  NextResponse.json(await importFunding(db, user, await jsonBody(req)), { status: 201 }),
);
