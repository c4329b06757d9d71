import { NextResponse } from "next/server";
import { MAX_FILE_BYTES, megabytes } from "@/lib/domain/attachments";
import { refusal } from "@/lib/i18n/refusals";
import { attachmentsOfRequest } from "@/lib/server/attachment-request";
import { CommandError } from "@/lib/server/command-error";
import { attachFile } from "@/lib/server/commands/attach-file";
import { formWithFile, withPermission } from "@/lib/server/http";
import { attachmentJson } from "@/lib/server/queries/attachments";

/** Room for the form's other fields and its boundaries around a file of the largest size. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** A record's attachments (`?subjectType=&subjectId=`), without their bytes. */
export const GET = withPermission("progress:read", async ({ req, user, db }) => {
  const found = await attachmentsOfRequest(db, user, req);
  return NextResponse.json({ attachments: found.attachments.map(attachmentJson) });
});

/**
 * Attaches one file (multipart: subjectType, subjectId, file) to a record:
 * 201 with it, or 200 with the attachment already there when the same bytes
 * were attached to the record before.
 */
export const POST = withPermission("attachment:add", async ({ req, user, db }) => {
  let upload: Awaited<ReturnType<typeof formWithFile>>;
  try {
    upload = await formWithFile(req, MAX_FILE_BYTES + FORM_OVERHEAD_BYTES);
  } catch (err) {
    // The body's own limit is the file's: say so in the file's terms.
    if (err instanceof CommandError && err.code === "too_large")
      throw new CommandError("too_large", refusal("attachmentUploadTooLarge", { max: megabytes(MAX_FILE_BYTES) }), {
        limit: "file",
        maxBytes: MAX_FILE_BYTES,
      });
    throw err;
  }
  const { form, file } = upload;
  const fields = { subjectType: form.get("subjectType"), subjectId: form.get("subjectId"), fileName: file.name };
  const { attachment, created } = await attachFile(db, user, fields, new Uint8Array(await file.arrayBuffer()));
  return NextResponse.json({ attachment: attachmentJson(attachment) }, { status: created ? 201 : 200 });
});
