import { attachmentsZip } from "@/lib/exports/attachment-archive";
import { attachment as disposition } from "@/lib/exports/content-disposition";
import { attachmentsOfRequest } from "@/lib/server/attachment-request";
import { withPermission } from "@/lib/server/http";
import { attachmentContents } from "@/lib/server/queries/attachments";

/** All of a record's attachments as one zip (`?subjectType=&subjectId=`), the files as they were attached. */
export const GET = withPermission("progress:read", async ({ req, user, db }) => {
  const found = await attachmentsOfRequest(db, user, req);
  const contents = await attachmentContents(
    db,
    found.attachments.map((a) => a.id),
  );
  const zip = await attachmentsZip(
    found.attachments.map((a) => ({ fileName: a.fileName, bytes: contents.get(a.id)!, attachedAt: a.createdAt })),
  );
  return new Response(zip as BodyInit, {
    headers: {
      "content-type": "application/zip",
      "content-length": String(zip.byteLength),
      "content-disposition": disposition(`${found.subjectType}-${found.subjectId}-attachments.zip`),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
