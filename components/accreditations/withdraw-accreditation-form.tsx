"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postJson } from "@/components/api-client";
import { ErrorList } from "@/components/ui/error-list";
import { announce } from "@/components/ui/notice";
import { submitWith } from "@/components/ui/submit-with";

/** The issuing authority withdraws or suspends an accreditation from a day on, with the reason (once). */
export function WithdrawAccreditationForm({ id, reference }: { id: string; reference: string }) {
  const t = useTranslations("accreditations");
  const router = useRouter();
  const [errors, setErrors] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setErrors(null);
    const res = await postJson(`/api/accreditations/${encodeURIComponent(id)}/withdrawal`, {
      withdrawnOn: String(data.get("withdrawnOn") ?? ""),
      reason: String(data.get("reason") ?? ""),
    });
    setBusy(false);
    if (!res.ok) return setErrors(res.messages);
    announce(t("withdrawn", { reference }));
    router.refresh();
  }

  return (
    <details>
      <summary>{t("withdraw")}</summary>
      <form onSubmit={submitWith(submit)} aria-label={`${t("withdraw")} ${reference}`}>
        <label>
          {t("withdrawnOn")}
          <input name="withdrawnOn" type="date" required />
        </label>
        <label>
          {t("withdrawalReason")}
          <input name="reason" required minLength={3} maxLength={2000} />
        </label>
        <ErrorList messages={errors} />
        <button type="submit" className="secondary" disabled={busy}>
          {t("withdrawSubmit")}
        </button>
      </form>
    </details>
  );
}
