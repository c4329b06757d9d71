// Reading attachments: which record a caller may see or attach to, its files'
// list (never their bytes), one file's bytes, its thumbnail.
import type { AttachmentSubjectType } from "@/lib/domain/attachments";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { attachableSubjectScopes, attachmentReadScopes, type SubjectScopes as Scopes } from "@/lib/server/scopes";

/**
 * The record's id as attachments are kept under it, when it is in `scopes`:
 * a handover is its task's completion report once the handover is recorded,
 * named by that report's id or (as the handover's API answers) the task's.
 */
async function subjectIn(db: Db, scopes: Scopes, type: AttachmentSubjectType, id: string): Promise<string | null> {
  const select = { id: true } as const;
  let found: { id: string } | null;
  switch (type) {
    case "landReleaseReport":
      found = await db.landReleaseReport.findFirst({ where: { AND: [{ id }, scopes.landReleaseReport] }, select });
      break;
    case "completionReport":
      found = await db.completionReport.findFirst({ where: { AND: [{ id }, scopes.completion] }, select });
      break;
    case "handover":
      found = await db.completionReport.findFirst({
        where: { AND: [{ OR: [{ id }, { taskId: id }] }, { handoverDate: { not: null } }, scopes.completion] },
        select,
      });
      break;
    case "eoreSession":
      found = await db.riskEducationSession.findFirst({ where: { AND: [{ id }, scopes.eoreSession] }, select });
      break;
    case "accident":
      found = await db.casualtyIncident.findFirst({ where: { AND: [{ id }, scopes.accident] }, select });
      break;
  }
  return found?.id ?? null;
}

/** The record as the caller sees it: null when it does not exist or is outside the caller's scope (a 404 either way). */
export async function readableSubject(db: Db, actor: Actor, type: AttachmentSubjectType, id: string) {
  const subjectId = await subjectIn(db, attachmentReadScopes(actor), type, id);
  if (!subjectId) return null;
  return { subjectId, attachable: (await subjectIn(db, attachableSubjectScopes(actor), type, subjectId)) !== null };
}

/** What the list, the API and the archive show of an attachment; `hasThumbnail` for pages, not the API. */
export const ATTACHMENT_FIELDS = {
  id: true,
  subjectType: true,
  subjectId: true,
  fileName: true,
  mediaType: true,
  sizeBytes: true,
  sha256: true,
  takenAt: true,
  lon: true,
  lat: true,
  createdAt: true,
} as const;

export type AttachmentRow = {
  id: string;
  subjectType: AttachmentSubjectType;
  subjectId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  takenAt: Date | null;
  lon: number | null;
  lat: number | null;
  createdAt: Date;
};

/** The API's shape of an attachment (docs/ATTACHMENTS.md). */
export function attachmentJson(a: AttachmentRow) {
  return {
    id: a.id,
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    takenAt: a.takenAt?.toISOString() ?? null,
    position: a.lon !== null && a.lat !== null ? { lon: a.lon, lat: a.lat } : null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** A record's attachments with whether each has a thumbnail, for pages and the API: null when the caller may not see the record. */
export async function attachmentsOf(db: Db, actor: Actor, type: AttachmentSubjectType, id: string) {
  const subject = await readableSubject(db, actor, type, id);
  if (!subject) return null;
  const rows = await db.attachment.findMany({
    where: { subjectType: type, subjectId: subject.subjectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: ATTACHMENT_FIELDS,
  });
  const withThumbnail = new Set(
    (
      await db.attachmentContent.findMany({
        where: { attachmentId: { in: rows.map((r) => r.id) }, thumbnail: { not: null } },
        select: { attachmentId: true },
      })
    ).map((c) => c.attachmentId),
  );
  return {
    ...subject,
    attachments: rows.map((r) => ({ ...r, hasThumbnail: withThumbnail.has(r.id) })),
  };
}

/** One attachment the caller may see (its record in the caller's scope), without its bytes. */
export async function visibleAttachment(db: Db, actor: Actor, id: string) {
  const a = await db.attachment.findUnique({ where: { id }, select: ATTACHMENT_FIELDS });
  if (!a) return null;
  return (await readableSubject(db, actor, a.subjectType, a.subjectId)) ? a : null;
}

/** The stored bytes (or the thumbnail's) of an attachment already found visible. */
export async function attachmentBytes(db: Db, id: string, which: "bytes" | "thumbnail") {
  const where = { attachmentId: id };
  const bytes =
    which === "bytes"
      ? (await db.attachmentContent.findUnique({ where, select: { bytes: true } }))?.bytes
      : (await db.attachmentContent.findUnique({ where, select: { thumbnail: true } }))?.thumbnail;
  return bytes ? new Uint8Array(bytes) : null;
}

/** Bytes of each of a record's attachments, for the zip (at most 50 MB: the record's limit). */
export async function attachmentContents(db: Db, ids: string[]) {
  const rows = await db.attachmentContent.findMany({
    where: { attachmentId: { in: ids } },
    select: { attachmentId: true, bytes: true },
  });
  return new Map(rows.map((r) => [r.attachmentId, new Uint8Array(r.bytes)]));
}

/**
 * The completion report's and its handover's attachments for the PDF (the
 * caller already sees the task): names, kinds, sizes and the photos'
 * thumbnails, which carry no metadata; never the files' own bytes.
 */
export async function attachmentsForPdf(db: Db, completionReportId: string) {
  const rows = await db.attachment.findMany({
    where: { subjectType: { in: ["completionReport", "handover"] }, subjectId: completionReportId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      subjectType: true,
      fileName: true,
      mediaType: true,
      sizeBytes: true,
      content: { select: { thumbnail: true } },
    },
  });
  return rows.map((r) => ({
    of: r.subjectType === "handover" ? ("handover" as const) : ("completion" as const),
    fileName: r.fileName,
    mediaType: r.mediaType,
    sizeBytes: r.sizeBytes,
    thumbnail: r.content?.thumbnail ? new Uint8Array(r.content.thumbnail) : null,
  }));
}
