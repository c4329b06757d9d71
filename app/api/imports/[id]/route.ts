import { NextResponse } from "next/server";
import { refusal } from "@/lib/i18n/refusals";
import { CommandError, inLanguage } from "@/lib/server/command-error";
import { language, withPermission } from "@/lib/server/http";
import { getRegisterImport } from "@/lib/server/queries/register-imports";

/** GET /api/imports/{id}: an import of the caller's authority, its problems and the progress of its commit. */
export const GET = withPermission<{ id: string }>("register:import", async ({ req, user, db, params }) => {
  const found = await getRegisterImport(db, user, params.id);
  if (!found) throw new CommandError("not_found", refusal("importNotFound"));
  return NextResponse.json(inLanguage(found, language(req)));
});
