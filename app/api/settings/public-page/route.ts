import { NextResponse } from "next/server";
import { setPublicPage } from "@/lib/server/commands/set-public-page";
import { jsonBody, withPermission } from "@/lib/server/http";

export const POST = withPermission("publicPage:manage", async ({ req, user, db }) =>
  NextResponse.json(await setPublicPage(db, user, await jsonBody(req))),
);
