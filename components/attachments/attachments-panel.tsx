"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { readApiError } from "@/components/api-client";
import { ErrorList } from "@/components/ui/error-list";
import {
  type AttachmentSubjectType,
  MAX_FILE_BYTES,
  MAX_RECORD_BYTES,
  megabytes,
  SNIFF_BYTES,
  sizeRefusal,
  sniffMediaType,
} from "@/lib/domain/attachments";
import { formatCount, formatDecimal } from "@/lib/i18n/format";

/** An attachment as the page shows it: times already written in Iraq's time by the server. */
export type AttachmentItem = {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  takenText: string | null;
  position: { lon: number; lat: number } | null;
  hasThumbnail: boolean;
};

type Props = {
  subjectType: AttachmentSubjectType;
  /** The record's id as attachments are kept under it. */
  subjectId: string;
  items: AttachmentItem[];
  /** Whether the reader may attach files to this record (the server decides again). */
  canAttach: boolean;
  /** The section's heading, when not the usual one (a handover's certificate). */
  title?: string;
};

/**
 * A record's photos and signed forms: thumbnails, names, sizes, when and where
 * each photo was taken, a zip of all, and (for those who may) a control that
 * checks each chosen file's size and content before sending it.
 */
export function AttachmentsPanel({ subjectType, subjectId, items, canAttach, title }: Props) {
  const t = useTranslations("attachments");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const mb = (bytes: number) => formatDecimal(megabytes(bytes), locale);
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? t("sizeKb", { size: formatCount(Math.max(1, Math.round(bytes / 1024)), locale) })
      : t("sizeMb", { size: mb(bytes) });
  const query = `subjectType=${subjectType}&subjectId=${encodeURIComponent(subjectId)}`;

  /** What is wrong with a file before it is sent, in the reader's words; null when it may go. */
  async function precheck(file: File, recordBytes: number): Promise<string | null> {
    const over = sizeRefusal(file.size, recordBytes);
    if (over?.limit === "file") return t("tooLarge", { name: file.name, size: mb(file.size), max: mb(MAX_FILE_BYTES) });
    if (over?.limit === "record")
      return t("recordFull", {
        name: file.name,
        size: mb(file.size),
        held: mb(recordBytes),
        max: mb(MAX_RECORD_BYTES),
      });
    const sniffed = await sniffMediaType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
    if (sniffed.accepted) return null;
    return sniffed.found
      ? t("wrongType", { name: file.name, found: sniffed.found })
      : t("wrongTypeUnknown", { name: file.name });
  }

  async function attach(files: File[]) {
    setErrors([]);
    setDone(null);
    const problems: string[] = [];
    let held = items.reduce((n, a) => n + a.sizeBytes, 0);
    let attached = 0;
    for (const file of files) {
      const problem = await precheck(file, held);
      if (problem) {
        problems.push(problem);
        continue;
      }
      setBusy(file.name);
      const body = new FormData();
      body.set("subjectType", subjectType);
      body.set("subjectId", subjectId);
      body.set("file", file);
      try {
        const res = await fetch("/api/attachments", { method: "POST", body });
        if (res.status === 201) {
          attached += 1;
          held += file.size;
        } else if (res.status === 200) problems.push(t("alreadyAttached", { name: file.name }));
        else problems.push(t("refused", { name: file.name, reason: (await readApiError(res)).message }));
      } catch {
        problems.push(t("offline", { name: file.name }));
      }
    }
    setBusy(null);
    setErrors(problems);
    if (attached) {
      setDone(t("attached", { count: attached }));
      router.refresh();
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="attachments" data-testid="attachments">
      <h2 id={`${id}-title`}>{title ?? t("title")}</h2>
      {items.length ? (
        <ul className="attachment-list">
          {items.map((a) => (
            <li key={a.id} data-testid="attachment">
              {a.hasThumbnail ? (
                // biome-ignore lint/performance/noImgElement: a thumbnail the API made already small, behind the caller's session.
                <img
                  className="attachment-thumb"
                  src={`/api/attachments/${a.id}/thumbnail`}
                  alt={t("thumbnailOf", { name: a.fileName })}
                  loading="lazy"
                />
              ) : (
                <span className="attachment-thumb attachment-placeholder">
                  {t(a.mediaType === "application/pdf" ? "noPreviewPdf" : "noPreviewPhoto")}
                </span>
              )}
              <a href={`/api/attachments/${a.id}`} download dir="auto">
                {a.fileName}
              </a>
              <span className="note">{size(a.sizeBytes)}</span>
              {a.takenText && <span className="note">{t("taken", { when: a.takenText })}</span>}
              {a.position && (
                <span className="note">
                  {t("position", { lat: a.position.lat.toFixed(5), lon: a.position.lon.toFixed(5) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="note">{t("none")}</p>
      )}
      {items.length > 0 && (
        <p>
          <a className="button secondary" href={`/api/attachments/archive?${query}`} download>
            {t("downloadAll")}
          </a>
        </p>
      )}
      {canAttach && (
        <div className="file-picker">
          <span id={`${id}-label`} className="file-picker-label">
            {t("add")}
          </span>
          <label className="button secondary">
            <input
              type="file"
              multiple
              accept="image/jpeg,image/png,image/heic,image/heif,application/pdf,.heic,.heif"
              aria-labelledby={`${id}-label`}
              aria-describedby={`${id}-help`}
              disabled={busy !== null}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = "";
                if (files.length) void attach(files);
              }}
            />
            {t("choose")}
          </label>
          <span id={`${id}-help`} className="note">
            {busy
              ? t("sending", { name: busy })
              : t("accepts", { maxFile: mb(MAX_FILE_BYTES), maxRecord: mb(MAX_RECORD_BYTES) })}
          </span>
        </div>
      )}
      {done && (
        <p className="note" role="status">
          {done}
        </p>
      )}
      <ErrorList messages={errors} />
    </section>
  );
}
