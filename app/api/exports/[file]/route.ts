import { exportFilterFrom, ZExportFile } from "@/lib/schemas/export-filter";
import { buildExport } from "@/lib/server/exports";
import { apiError, withPermission } from "@/lib/server/http";

/**
 * GET /api/exports/{dataset}.{format}?<dashboard filters>&status=&donor=&hxl=1
 * Every signed-in role exports something; which datasets each may read is
 * decided in lib/server/exports.ts by the permission of the matching screen.
 */
export const GET = withPermission<{ file: string }>("progress:read", async ({ req, user, db, params }) => {
  const file = ZExportFile.safeParse(params.file);
  if (!file.success) {
    return apiError("not_found", `No export is called '${params.file}'. Ask for reports, devices, tasks, grants or transactions as .csv or .xlsx, tables.xlsx for all of them, or hazard-areas or released as .geojson, .kml or .zip (shapefile).`);
  }
  const filter = exportFilterFrom(new URL(req.url).searchParams);
  if (!filter.success) return apiError("invalid_request", "A filter is malformed.", filter.error.issues);
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
