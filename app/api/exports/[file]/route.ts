import { exportFilterFrom, ZExportFile } from "@/lib/schemas/export-filter";
import { buildExport } from "@/lib/server/exports";
import { CommandError, fieldIssues } from "@/lib/server/command-error";
import { refusal } from "@/lib/i18n/refusals";
import { withPermission } from "@/lib/server/http";

/**
 * GET /api/exports/{dataset}.{format}?<dashboard filters>&status=&donor=&hxl=1
 * Every signed-in role exports something; which datasets each may read is
 * decided in lib/server/exports.ts by the permission of the matching screen.
 */
export const GET = withPermission<{ file: string }>("progress:read", async ({ req, user, db, params }) => {
  const file = ZExportFile.safeParse(params.file);
  if (!file.success) throw new CommandError("not_found", refusal("noSuchExport", { file: params.file }));
  const filter = exportFilterFrom(new URL(req.url).searchParams);
  if (!filter.success) throw new CommandError("invalid_request", refusal("filterMalformed"), fieldIssues(filter.error.issues));
  const out = await buildExport(db, user, file.data, filter.data);
  return new Response(out.body as BodyInit, {
    headers: {
      "content-type": out.contentType,
      "content-disposition": `attachment; filename="${out.fileName}"`,
      // Lets the download show its progress while a large export streams.
      "x-export-rows": String(out.rows),
      "cache-control": "no-store",
    },
  });
});
