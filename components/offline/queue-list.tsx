"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { saveDraft } from "@/components/reports/report-draft";
import { formatDateTime } from "@/lib/i18n/format";
import { adviceFor, canReopen, keepsOnlyThePolygon } from "./advice";
import { indexedDbQueue, type QueueItem, queueChanged } from "./queue-store";

const KIND = { landReleaseReport: "kindReport", eoreSession: "kindEoreSession", accident: "kindAccident" } as const;

/** Where a reopened form finds its fields (components/ui/api-form.tsx fills them back in). */
export const formDraftKey = (href: string) => `mat-form-draft:${new URL(href, "http://x").pathname}`;

/** The submissions kept on this device: each with its state, and a refused one with what the server said and what to do. */
export function QueueList({
  items,
  online,
  sending,
  onSend,
  onChanged,
}: {
  items: QueueItem[];
  online: boolean;
  sending: boolean;
  onSend: () => void;
  onChanged: () => void;
}) {
  const t = useTranslations("offline");
  const locale = useLocale();
  const router = useRouter();

  async function discard(item: QueueItem) {
    if (!window.confirm(t("discardConfirm"))) return;
    await indexedDbQueue().remove(item.id);
    queueChanged();
    onChanged();
  }

  // The form again as it was sent (the report's draft, with its clientRef: nothing was made with it).
  async function reopen(item: QueueItem) {
    if (item.reopen.draftName && item.reopen.draft)
      saveDraft(item.reopen.draftName, item.reopen.draft as Parameters<typeof saveDraft>[1]);
    if (item.reopen.fields) localStorage.setItem(formDraftKey(item.reopen.href), JSON.stringify(item.reopen.fields));
    await indexedDbQueue().remove(item.id);
    queueChanged();
    router.push(item.reopen.href);
  }

  // The land as drawn or read, as GeoJSON: the report form takes it back under another task.
  const polygonsOf = (item: QueueItem) =>
    (item.reopen.draft as { polygons?: unknown[] | null } | undefined)?.polygons ?? [];

  // Made when asked for and let go at once: a link's object URL made at each render would hold the file until the
  // page closes.
  function downloadPolygon(item: QueueItem) {
    const url = URL.createObjectURL(
      new Blob([JSON.stringify({ type: "FeatureCollection", features: polygonsOf(item) })], {
        type: "application/geo+json",
      }),
    );
    const link = document.createElement("a");
    link.href = url;
    link.download = `${item.label}-land-released.geojson`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <section className="queue-list" aria-label={t("listTitle")}>
      <h2>{t("listTitle")}</h2>
      {online && items.some((i) => i.state !== "refused") && (
        <button type="button" onClick={onSend} disabled={sending}>
          {sending ? t("sending") : t("sendNow")}
        </button>
      )}
      <ul>
        {items.map((item) => {
          const kind = KIND[item.subject];
          const label = t(kind, { task: item.label, place: item.label });
          const filesLeft = item.files.filter((f) => !f.sent).length;
          return (
            <li key={item.id} data-testid="queue-item" data-state={item.state}>
              <strong>{label}</strong>{" "}
              <small>{t("savedAt", { when: formatDateTime(new Date(item.createdAt), locale) })}</small>
              <p>
                {item.state === "refused"
                  ? t("stateRefused")
                  : item.state === "filesWaiting"
                    ? t("stateFilesWaiting", { count: filesLeft })
                    : t("stateWaiting")}
              </p>
              {item.refusal && (
                <div className="warning" data-testid="queue-refusal">
                  {item.refusal.lines.map((line) => (
                    <p key={line}>{line}</p>
                  ))}
                  <p>
                    {t(adviceFor(item), { name: item.refusal.fileName ?? "", reason: item.refusal.lines[0] ?? "" })}
                  </p>
                </div>
              )}
              <div className="actions">
                {item.state === "refused" && canReopen(item) && (
                  <button type="button" onClick={() => reopen(item)}>
                    {item.subject === "landReleaseReport" ? t("reopen") : t("reopenForm")}
                  </button>
                )}
                {item.state === "refused" && keepsOnlyThePolygon(item) && polygonsOf(item).length > 0 && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => downloadPolygon(item)}
                    data-testid="queue-polygon"
                  >
                    {t("polygonFile")}
                  </button>
                )}
                <button type="button" className="secondary" onClick={() => discard(item)}>
                  {t("discard")}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
