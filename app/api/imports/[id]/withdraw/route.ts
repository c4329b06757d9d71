import { NextResponse } from "next/server";
import { withdrawRegisterImport } from "@/lib/server/commands/withdraw-register-import";
import { withPermission } from "@/lib/server/http";

/** POST /api/imports/{id}/withdraw: its areas leave the register while none is in use; a preview is discarded. */
export const POST = withPermission<{ id: string }>("register:import", async ({ user, db, params }) =>
  NextResponse.json(await withdrawRegisterImport(db, user, params.id)),
);
