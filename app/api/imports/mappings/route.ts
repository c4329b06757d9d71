import { NextResponse } from "next/server";
import { saveImportMapping } from "@/lib/server/commands/save-import-mapping";
import { jsonBody, withPermission } from "@/lib/server/http";
import { importMappings } from "@/lib/server/queries/register-imports";

/** GET /api/imports/mappings: the column mappings the caller's authority can start a file from, IMSMA NG's first. */
export const GET = withPermission("register:import", async ({ user, db }) =>
  NextResponse.json({ mappings: user.organisationId ? await importMappings(db, user.organisationId) : [] }),
);

/** POST /api/imports/mappings: `{ name, mapping }` kept for the caller's authority; the same name replaces it. 201, or 200 when replaced. */
export const POST = withPermission("register:import", async ({ req, user, db }) => {
  const saved = await saveImportMapping(db, user, await jsonBody(req));
  return NextResponse.json(saved, { status: saved.replaced ? 200 : 201 });
});
