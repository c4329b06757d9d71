// A record's attachments on its page: what the query found, written for the
// reader (times in Iraq's time), and where its photos were taken for the map.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { type AttachmentItem, AttachmentsPanel } from "@/components/attachments/attachments-panel";
import type { PhotoPoint } from "@/components/map/photo-markers";
import type { AttachmentSubjectType } from "@/lib/domain/attachments";
import { formatPhotoTime } from "@/lib/i18n/format";
import type { attachmentsOf } from "@/lib/server/queries/attachments";

type Found = NonNullable<Awaited<ReturnType<typeof attachmentsOf>>>;

export async function RecordAttachments({ subjectType, found }: { subjectType: AttachmentSubjectType; found: Found }) {
  const [t, locale] = await Promise.all([getTranslations("attachments"), getLocale()]);
  const items: AttachmentItem[] = found.attachments.map((a) => ({
    id: a.id,
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    takenText: a.takenAt ? formatPhotoTime(a.takenAt, locale) : null,
    position: a.lon !== null && a.lat !== null ? { lon: a.lon, lat: a.lat } : null,
    hasThumbnail: a.hasThumbnail,
  }));
  return (
    <AttachmentsPanel
      subjectType={subjectType}
      subjectId={found.subjectId}
      items={items}
      canAttach={found.attachable}
      title={t(subjectType === "handover" ? "handoverTitle" : "title")}
    />
  );
}

/** The record's photos that say where they were taken, as camera markers titled with name and time. */
export async function photoPoints(found: Found | null): Promise<PhotoPoint[]> {
  if (!found) return [];
  const [t, locale] = await Promise.all([getTranslations("attachments"), getLocale()]);
  return found.attachments.flatMap((a) =>
    a.lon !== null && a.lat !== null
      ? [
          {
            id: a.id,
            lon: a.lon,
            lat: a.lat,
            label: a.takenAt
              ? t("markerLabel", { name: a.fileName, when: formatPhotoTime(a.takenAt, locale) })
              : a.fileName,
          },
        ]
      : [],
  );
}

/** The files of one record picked from a list (`?attachments=<id>`), or why they cannot be shown. */
export async function FilesOfListedRecord({
  subjectType,
  found,
  closeHref,
}: {
  subjectType: AttachmentSubjectType;
  found: Found | null;
  closeHref: string;
}) {
  const t = await getTranslations("attachments");
  return (
    <div id="attachments">
      {found ? (
        <RecordAttachments subjectType={subjectType} found={found} />
      ) : (
        <p className="error" role="alert">
          {t("noSuchRecord")}
        </p>
      )}
      <p>
        <Link href={closeHref}>{t("close")}</Link>
      </p>
    </div>
  );
}
