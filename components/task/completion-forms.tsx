"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { errorMessages } from "@/components/submit-geometry";
import { ErrorList } from "@/components/ui/error-list";

function ApiForm({ url, toBody, submit, children }: { url: string; toBody: (d: FormData) => unknown; submit: string; children: ReactNode }) {
  const router = useRouter();
  const [errors, setErrors] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="card report-form no-print"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setErrors(null);
        const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(toBody(new FormData(e.currentTarget))) });
        setBusy(false);
        if (!res.ok) return setErrors(await errorMessages(res));
        router.refresh();
      }}
    >
      {children}
      <ErrorList messages={errors} />
      <button type="submit" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

const optional = (d: FormData, k: string) => (d.get(k) ? String(d.get(k)) : undefined);
const count = (d: FormData, k: string) => Number(d.get(k) || 0);

/** The partner's completion report. */
export function CompletionForm({ taskId }: { taskId: string }) {
  const t = useTranslations("completion");
  return (
    <ApiForm
      url={`/api/tasks/${taskId}/completion`}
      submit={t("complete")}
      toBody={(d) => ({
        completedOn: optional(d, "completedOn"),
        clearanceDepthCm: d.get("clearanceDepthCm") ? Number(d.get("clearanceDepthCm")) : undefined,
        qaNotes: optional(d, "qaNotes"),
      })}
    >
      <h2>{t("formTitle")}</h2>
      <div className="grid-fields">
        <label>
          {t("completedOn")}
          <input type="date" name="completedOn" required />
        </label>
        <label>
          {t("depth")}
          <input type="number" name="clearanceDepthCm" min={1} max={1000} />
        </label>
      </div>
      <label>
        {t("qaNotes")}
        <textarea name="qaNotes" rows={3} maxLength={5000} />
      </label>
    </ApiForm>
  );
}

/** The authority's handover: date, recipient, attendees by sex and age. */
export function HandoverForm({ taskId }: { taskId: string }) {
  const t = useTranslations("completion");
  return (
    <ApiForm
      url={`/api/tasks/${taskId}/handover`}
      submit={t("handOver")}
      toBody={(d) => ({
        handoverDate: optional(d, "handoverDate"),
        recipient: optional(d, "recipient"),
        attendeesWomen: count(d, "attendeesWomen"),
        attendeesMen: count(d, "attendeesMen"),
        attendeesGirls: count(d, "attendeesGirls"),
        attendeesBoys: count(d, "attendeesBoys"),
      })}
    >
      <div className="grid-fields">
        <label>
          {t("handoverDate")}
          <input type="date" name="handoverDate" required />
        </label>
        <label>
          {t("recipient")}
          <input name="recipient" required minLength={3} maxLength={300} />
        </label>
        {(["attendeesWomen", "attendeesMen", "attendeesGirls", "attendeesBoys"] as const).map((k) => (
          <label key={k}>
            {t(k)}
            <input type="number" name={k} min={0} defaultValue={0} />
          </label>
        ))}
      </div>
    </ApiForm>
  );
}

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="secondary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
