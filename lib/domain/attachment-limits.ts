// What an attachment may be, apart from the readers of its bytes (attachments.ts), so a form that only checks
// sizes and offers the file picker does not carry the EXIF and file-type readers to a phone.
/** One file at most 10 MB; one record's files at most 50 MB together. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_RECORD_BYTES = 50 * 1024 * 1024;

/** The records a file can be attached to, as the API names them. */
export const ATTACHMENT_SUBJECTS = [
  "landReleaseReport",
  "completionReport",
  "handover",
  "eoreSession",
  "accident",
] as const;
export type AttachmentSubjectType = (typeof ATTACHMENT_SUBJECTS)[number];

/** Photos (JPEG, PNG, HEIC/HEIF from phones) and PDFs of signed forms. */
export const ACCEPTED_MEDIA_TYPES = ["image/jpeg", "image/png", "image/heic", "image/heif", "application/pdf"] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];
