import { attachmentsZip } from "@/lib/exports/attachment-archive";
import { attachment as disposition } from "@/lib/exports/content-disposition";
import { refusal } from "@/lib/i18n/refusals";
import { ZAttachmentSubject } from "@/lib/schemas/attachment";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { withPermission } from "@/lib/server/http";
import { attachmentContents, attachmentsOf } from "@/lib/server/queries/attachments";

/** All of a record's attachments as one zip (`?subjectType=&subjectId=`), the files as they were attached. */
export const GET = withPermission("progress:read", async ({ req, user, db }) => {
  const q = new URL(req.url).searchParams;
  const { subjectType, subjectId } = parseOrRefuse(
    ZAttachmentSubject,
    { subjectType: q.get("subjectType") ?? undefined, subjectId: q.get("subjectId") ?? undefined },
    "attachmentMalformed",
  );
  const found = await attachmentsOf(db, user, subjectType, subjectId);
  if (!found) throw new CommandError("not_found", refusal("attachmentNoSuchRecord"));
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
      "content-disposition": disposition(`${subjectType}-${found.subjectId}-attachments.zip`),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
