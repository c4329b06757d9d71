import { refusal } from "@/lib/i18n/refusals";
import { CommandError } from "@/lib/server/command-error";
import { withPermission } from "@/lib/server/http";
import { attachmentBytes, visibleAttachment } from "@/lib/server/queries/attachments";

/** A small JPEG of a photo, re-encoded without metadata; 404 for a PDF or a HEIC photo the server cannot decode. */
export const GET = withPermission<{ id: string }>("progress:read", async ({ user, db, params }) => {
  const a = await visibleAttachment(db, user, params.id);
  if (!a) throw new CommandError("not_found", refusal("noSuchAttachment"));
  const bytes = await attachmentBytes(db, a.id, "thumbnail");
  if (!bytes) throw new CommandError("not_found", refusal("noThumbnail"));
  return new Response(bytes as BodyInit, {
    headers: {
      "content-type": "image/jpeg",
      "content-length": String(bytes.byteLength),
      "x-content-type-options": "nosniff",
      // The same id is always the same picture: the browser may keep it, no one else.
      "cache-control": "private, max-age=86400, immutable",
    },
  });
});
