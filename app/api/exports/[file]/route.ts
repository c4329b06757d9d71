import { attachment } from "@/lib/exports/content-disposition";
import { resumeAfter } from "@/lib/exports/stream";
import { refusal } from "@/lib/i18n/refusals";
import { exportFilterFrom, ZExportFile } from "@/lib/schemas/export-filter";
import { CommandError, fieldIssues } from "@/lib/server/command-error";
import { buildExport } from "@/lib/server/exports";
import { language, withPermission } from "@/lib/server/http";

/**
 * GET /api/exports/{dataset}.{format}?<dashboard filters>&status=&donor=&hxl=1
 * Every signed-in role exports something; which datasets each may read is
 * decided in lib/server/exports/ by the permission of the matching screen.
 * A dropped download resumes: `X-Resume-From: <bytes received>` with
 * `X-Resume-Sha256: <their SHA-256, hex>` answers the rest (and says
 * `X-Export-Resumed-From`), or 412 when the file is no longer the same.
 */
export const GET = withPermission<{ file: string }>("progress:read", async ({ req, user, db, params }) => {
  const file = ZExportFile.safeParse(params.file);
  if (!file.success) throw new CommandError("not_found", refusal("noSuchExport", { file: params.file }));
  const filter = exportFilterFrom(new URL(req.url).searchParams);
  if (!filter.success)
    throw new CommandError("invalid_request", refusal("filterMalformed"), fieldIssues(filter.error.issues));
  const resume = resumeRequest(req);
  const out = await buildExport(db, user, file.data, filter.data, new Date(), language(req));
  const body = resume ? await resumeAfter(out.body, resume.from, resume.sha256) : out.body;
  if (!body) throw new CommandError("precondition_failed", refusal("exportChanged"));
  return new Response(body as BodyInit, {
    headers: {
      ...(resume ? { "x-export-resumed-from": String(resume.from) } : {}),
      "content-type": out.contentType,
      "content-disposition": attachment(out.fileName),
      // Lets the download show its progress while a large export streams.
      "x-export-rows": String(out.rows),
      "cache-control": "no-store",
    },
  });
});

function resumeRequest(req: Request): { from: number; sha256: string } | null {
  const from = req.headers.get("x-resume-from");
  if (from === null) return null;
  const sha256 = req.headers.get("x-resume-sha256") ?? "";
  if (!/^\d{1,12}$/.test(from) || !/^[0-9a-f]{64}$/.test(sha256))
    throw new CommandError("invalid_request", refusal("resumeHeaders"));
  return Number(from) > 0 ? { from: Number(from), sha256 } : null;
}
