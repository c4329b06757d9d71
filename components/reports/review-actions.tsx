"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postJson } from "@/components/api-client";

/** Approve, or reject with a reason the partner can act on; the server checks the authority again. */
export function ReviewActions({ reportId }: { reportId: string }) {
  const t = useTranslations("review");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function decide(decision: "approve" | "reject") {
    setBusy(true);
    setError(null);
    const res = await postJson(`/api/reports/${reportId}/${decision}`, decision === "reject" ? { reason } : {});
    setBusy(false);
    if (!res.ok) {
      const { error } = res;
      return setError(
        [error.message, ...(Array.isArray(error.details) ? error.details.map((d) => d.message) : [])].join(" "),
      );
    }
    router.refresh();
  }
  return (
    <section className="card review">
      <h2>{t("title")}</h2>
      <button type="button" disabled={busy} onClick={() => decide("approve")}>
        {t("approve")}
      </button>
      <label>
        {t("reason")}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={2000} />
      </label>
      <button type="button" className="danger" disabled={busy} onClick={() => decide("reject")}>
        {t("reject")}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
