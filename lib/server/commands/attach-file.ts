import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import {
  ACCEPTED_MEDIA_TYPES,
  megabytes,
  readPhotoMetadata,
  type SizeRefusal,
  sizeRefusal,
  sniffMediaType,
} from "@/lib/domain/attachments";
import { refusal } from "@/lib/i18n/refusals";
import { ZAttachmentUpload } from "@/lib/schemas/attachment";
import { CommandError, parseOrRefuse } from "@/lib/server/command-error";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { ATTACHMENT_FIELDS, readableSubject } from "@/lib/server/queries/attachments";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { makeThumbnail } from "@/lib/server/thumbnails";

export function tooLarge(r: SizeRefusal): CommandError {
  const details = { limit: r.limit, sizeBytes: r.sizeBytes, maxBytes: r.maxBytes };
  return r.limit === "file"
    ? new CommandError(
        "too_large",
        refusal("attachmentFileTooLarge", { size: megabytes(r.sizeBytes), max: megabytes(r.maxBytes) }),
        details,
      )
    : new CommandError(
        "too_large",
        refusal("attachmentRecordFull", {
          size: megabytes(r.sizeBytes),
          held: megabytes(r.recordBytes),
          max: megabytes(r.maxBytes),
        }),
        { ...details, recordBytes: r.recordBytes },
      );
}

/**
 * Attaches a file to a record the caller may attach to: its type read from
 * its bytes, its photo's EXIF position and time kept, a thumbnail made
 * without metadata. The same bytes sent again to the same record are the
 * attachment already there (`created: false`), so a queued upload sent twice
 * arrives once. Refused, nothing is written.
 */
export async function attachFile(db: Db, actor: Actor, input: unknown, bytes: Uint8Array) {
  if (!can(actor, "attachment:add")) throw new CommandError("forbidden", refusal("attachmentRoleMayNot"));
  const { subjectType, subjectId: askedId, fileName } = parseOrRefuse(ZAttachmentUpload, input, "attachmentMalformed");
  const subject = await readableSubject(db, actor, subjectType, askedId);
  if (!subject) throw new CommandError("not_found", refusal("attachmentNoSuchRecord"));
  if (!subject.attachable) throw new CommandError("forbidden", refusal("attachmentNotYours"));
  const subjectId = subject.subjectId;
  const oversize = sizeRefusal(bytes.byteLength, 0);
  if (oversize) throw tooLarge(oversize);
  const sniffed = await sniffMediaType(bytes);
  if (!sniffed.accepted)
    throw new CommandError(
      "unsupported_media_type",
      refusal(sniffed.found ? "attachmentTypeRefused" : "attachmentTypeUnknown", {
        found: sniffed.found ?? "",
        accepted: "JPEG, PNG, HEIC/HEIF, PDF",
      }),
      { found: sniffed.found, accepted: ACCEPTED_MEDIA_TYPES },
    );
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const key = { subjectType, subjectId, sha256 };
  const already = () =>
    db.attachment.findUnique({ where: { subjectType_subjectId_sha256: key }, select: ATTACHMENT_FIELDS });
  const existing = await already();
  if (existing) return { attachment: existing, created: false };
  const meta = sniffed.mediaType.startsWith("image/")
    ? await readPhotoMetadata(bytes)
    : { takenAt: null, position: null };
  const thumbnail = await makeThumbnail(bytes, sniffed.mediaType);
  try {
    return await db.$transaction(async (tx) => {
      // One upload at a time per record, so two at once cannot pass its 50 MB together.
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`attachments:${subjectType}:${subjectId}`}))::text`;
      const same = await tx.attachment.findUnique({
        where: { subjectType_subjectId_sha256: key },
        select: ATTACHMENT_FIELDS,
      });
      if (same) return { attachment: same, created: false };
      const held = await tx.attachment.aggregate({ where: { subjectType, subjectId }, _sum: { sizeBytes: true } });
      const full = sizeRefusal(bytes.byteLength, held._sum.sizeBytes ?? 0);
      if (full) throw tooLarge(full);
      const attachment = await tx.attachment.create({
        data: {
          ...key,
          fileName,
          mediaType: sniffed.mediaType,
          sizeBytes: bytes.byteLength,
          takenAt: meta.takenAt,
          lon: meta.position?.lon ?? null,
          lat: meta.position?.lat ?? null,
          uploadedById: actor.id,
          content: { create: { bytes: new Uint8Array(bytes), thumbnail: thumbnail && new Uint8Array(thumbnail) } },
        },
        select: ATTACHMENT_FIELDS,
      });
      await recordAuditEvent(tx, {
        actorUserId: actor.id,
        action: "attachment.add",
        entityType: "Attachment",
        entityId: attachment.id,
        after: { subjectType, subjectId, fileName, mediaType: sniffed.mediaType, sizeBytes: bytes.byteLength, sha256 },
      });
      return { attachment, created: true };
    });
  } catch (err) {
    // Sent twice at the same moment on a server of several processes: the other copy won.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const won = await already();
      if (won) return { attachment: won, created: false };
    }
    throw err;
  }
}
