import { NextResponse } from "next/server";
import { withdrawAccreditation } from "@/lib/server/commands/withdraw-accreditation";
import { jsonBody, withPermission } from "@/lib/server/http";

/** The issuing authority withdraws or suspends an accreditation from a day on (once). */
export const POST = withPermission<{ id: string }>("accreditation:manage", async ({ req, user, db, params }) => {
  return NextResponse.json(await withdrawAccreditation(db, user, params.id, await jsonBody(req)));
});
