import { z } from "zod";
import { ATTACHMENT_SUBJECTS } from "@/lib/domain/attachments";

/** Which record: its kind as the API names it and its id as the API that created it returned it. */
export const ZAttachmentSubject = z.object({
  subjectType: z.enum(ATTACHMENT_SUBJECTS, {
    error: "Name the record's kind: landReleaseReport, completionReport, handover, eoreSession or accident.",
  }),
  subjectId: z.string().trim().min(1, "Give the record's id.").max(64),
});

/**
 * The upload's fields besides its bytes. The name is kept as the file's
 * name for downloads, without any folder a browser or phone put before it.
 */
export const ZAttachmentUpload = ZAttachmentSubject.extend({
  fileName: z
    .string()
    .transform((name) =>
      name
        .split(/[\\/]/)
        .pop()!
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
        .replace(/[\u0000-\u001f\u007f"]/g, "")
        .trim()
        .slice(0, 200),
    )
    .pipe(z.string().min(1, "Give the file a name.")),
});
