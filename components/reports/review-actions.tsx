"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useRef, useState } from "react";
import { postJson } from "@/components/api-client";
import { formatCount, formatM2 } from "@/lib/i18n/format";

/** The shortest reason the server takes (ZReportReview): checked here first so the dialog never opens for nothing. */
const REASON_MIN_CHARS = 5;

type Props = {
  reportId: string;
  hazardCode: string;
  method: string;
  /** What approving now would count, m² (null when it cannot be accounted: a correction whose report was replaced). */
  countedM2: number | null;
  /** For a correction: how the area's released total moves, m². */
  netChangeM2: number | null;
  warningCount: number;
  /** The warnings as the page shows them, repeated in the confirmation. */
  warnings: ReactNode;
};

/**
 * Approve, or reject with a reason the partner can act on, each confirmed in
 * a modal dialog that says what the decision does (the m² approval counts,
 * the warnings); the server checks the authority again. Once decided, the
 * page says what happened (?decided=…).
 */
export function ReviewActions({ reportId, hazardCode, method, countedM2, netChangeM2, warningCount, warnings }: Props) {
  const t = useTranslations("review");
  const tMethod = useTranslations("method");
  const locale = useLocale();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const [asked, setAsked] = useState<"approve" | "reject" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function ask(decision: "approve" | "reject") {
    setError(null);
    if (decision === "reject" && reason.trim().length < REASON_MIN_CHARS) {
      setReasonMissing(true);
      return reasonField.current?.focus();
    }
    setAsked(decision);
    // Modal: the page behind is inert, Escape cancels and focus returns to the button (the dialog's own behaviour).
    // Focus starts on Cancel: an approval cannot be undone, so Enter at once must not decide.
    dialog.current?.showModal();
    cancel.current?.focus();
  }

  async function decide() {
    if (!asked) return;
    setBusy(true);
    const res = await postJson(`/api/reports/${reportId}/${asked}`, asked === "reject" ? { reason } : {});
    setBusy(false);
    dialog.current?.close();
    if (!res.ok) return setError(res.messages.join(" "));
    router.replace(`/reports/${reportId}?decided=${asked === "approve" ? "approved" : "rejected"}`);
    router.refresh();
  }

  const area = countedM2 === null ? null : formatM2(countedM2, locale);
  return (
    <section className="card review">
      <h2>{t("title")}</h2>
      <button type="button" disabled={busy} onClick={() => ask("approve")}>
        {t("approve")}
      </button>
      <label>
        {t("reason")}
        <textarea
          ref={reasonField}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim().length >= REASON_MIN_CHARS) setReasonMissing(false);
          }}
          rows={3}
          maxLength={2000}
          aria-invalid={reasonMissing || undefined}
          aria-describedby={reasonMissing ? "review-reason-needed" : undefined}
        />
      </label>
      {reasonMissing && (
        <p id="review-reason-needed" className="error">
          {t("reasonNeeded", { min: formatCount(REASON_MIN_CHARS, locale) })}
        </p>
      )}
      <button type="button" className="danger" disabled={busy} onClick={() => ask("reject")}>
        {t("reject")}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby="review-confirm-title"
        onClose={() => setAsked(null)}
      >
        <h2 id="review-confirm-title">{t(asked === "reject" ? "confirmRejectTitle" : "confirmApproveTitle")}</h2>
        {asked === "approve" && (
          <>
            {area !== null && (
              <p data-testid="confirm-counted" data-m2={countedM2}>
                {netChangeM2 === null
                  ? t("willCount", { area, method: tMethod(method), hazard: hazardCode })
                  : t("willCountCorrection", {
                      area,
                      method: tMethod(method),
                      hazard: hazardCode,
                      net: formatM2(netChangeM2, locale),
                    })}
              </p>
            )}
            {warningCount > 0 ? (
              <>
                <p>{t("warningsBefore", { count: warningCount, countText: formatCount(warningCount, locale) })}</p>
                {warnings}
              </>
            ) : (
              <p>{t("noWarnings")}</p>
            )}
            <p className="note">{t("approveIsFinal")}</p>
          </>
        )}
        {asked === "reject" && (
          <>
            <blockquote>{reason.trim()}</blockquote>
            <p className="note">{t("rejectTells")}</p>
          </>
        )}
        <div className="dialog-actions">
          <button type="button" className={asked === "reject" ? "danger" : undefined} disabled={busy} onClick={decide}>
            {t(asked === "reject" ? "yesReject" : "yesApprove")}
          </button>
          <button
            ref={cancel}
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => dialog.current?.close()}
          >
            {t("cancel")}
          </button>
        </div>
      </dialog>
    </section>
  );
}
