import { NextResponse } from "next/server";
import { refusal } from "@/lib/i18n/refusals";
import { CommandError, inLanguage } from "@/lib/server/command-error";
import { IMPORT_LIMITS, previewRegisterImport } from "@/lib/server/commands/preview-register-import";
import { formWithFile, language, withPermission } from "@/lib/server/http";

/** A form field holding JSON (the mapping), or a 400 that names it. */
function jsonField(form: FormData, field: string): unknown {
  const raw = form.get(field);
  if (typeof raw !== "string" || !raw.trim()) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new CommandError("invalid_request", refusal("importFormField", { field }));
  }
}

/** POST /api/imports: a file previewed (nothing registered); 201 with every row's problem and what can be committed. */
export const POST = withPermission("register:import", async ({ req, user, db }) => {
  // Its own limit: a national register as a zipped shapefile is larger than a field file (this route is outside the proxy).
  const { form, file } = await formWithFile(req, IMPORT_LIMITS.maxBytes + 1024 * 1024);
  const zone = form.get("crs") ?? form.get("utmZone");
  const utmZone = zone === "37" || zone === "EPSG:32637" ? 37 : zone === "38" || zone === "EPSG:32638" ? 38 : undefined;
  const preview = await previewRegisterImport(
    db,
    user,
    { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    {
      kind: form.get("kind") ?? undefined,
      ...(form.get("mapping") ? { mapping: jsonField(form, "mapping") } : {}),
      ...(form.get("savedMapping") === "true" ? { savedMapping: true } : {}),
      ...(utmZone ? { utmZone } : {}),
    },
  );
  const lang = language(req);
  return NextResponse.json(inLanguage({ ...preview, notes: preview.notes.map((n) => n[lang]) }, lang), { status: 201 });
});
