import { attachment as disposition } from "@/lib/exports/content-disposition";
import { refusal } from "@/lib/i18n/refusals";
import { CommandError } from "@/lib/server/command-error";
import { withPermission } from "@/lib/server/http";
import { attachmentBytes, visibleAttachment } from "@/lib/server/queries/attachments";

/**
 * The file as it was attached, EXIF included (its position is the point of a
 * field photo): only to callers who see its record, never cached by others.
 */
export const GET = withPermission<{ id: string }>("progress:read", async ({ user, db, params }) => {
  const a = await visibleAttachment(db, user, params.id);
  const bytes = a && (await attachmentBytes(db, a.id, "bytes"));
  if (!a || !bytes) throw new CommandError("not_found", refusal("noSuchAttachment"));
  return new Response(bytes as BodyInit, {
    headers: {
      "content-type": a.mediaType,
      "content-length": String(bytes.byteLength),
      "content-disposition": disposition(a.fileName),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
