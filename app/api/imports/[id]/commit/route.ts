import { NextResponse } from "next/server";
import { commitRegisterImport } from "@/lib/server/commands/commit-register-import";
import { jsonBody, withPermission } from "@/lib/server/http";

/**
 * POST /api/imports/{id}/commit: registers the previewed rows. 200 with the
 * counts when done; 202 with the progress when it goes on after the answer
 * (read it with GET /api/imports/{id}; committing again resumes a stopped one).
 */
export const POST = withPermission<{ id: string }>("register:import", async ({ req, user, db, params }) => {
  // The decision is optional (no overlaps, or resuming): no body is an empty one.
  const body = req.headers.get("content-length") === "0" || !req.body ? {} : await jsonBody(req);
  const { finished, progress } = await commitRegisterImport(db, user, params.id, body);
  return NextResponse.json(progress, { status: finished ? 200 : 202 });
});
