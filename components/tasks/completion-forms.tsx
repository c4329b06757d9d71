"use client";

import { useTranslations } from "next-intl";
import { ApiForm, count, optional } from "@/components/ui/api-form";

/** The partner's completion report. */
export function CompletionForm({ taskId }: { taskId: string }) {
  const t = useTranslations("completion");
  return (
    <ApiForm
      url={`/api/tasks/${taskId}/completion`}
      submit={t("complete")}
      done={t("completedNotice")}
      attachTo={{ subjectType: "completionReport", idOf: (answer) => answer.completionReportId }}
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
      done={t("handedOverNotice")}
      attachTo={{ subjectType: "handover", idOf: (answer) => answer.completionReportId }}
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
