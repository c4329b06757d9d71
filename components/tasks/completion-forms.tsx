"use client";

import { useTranslations } from "next-intl";
import { ApiForm, count, optional } from "@/components/ui/api-form";

const number = (d: FormData, k: string) => (d.get(k) ? Number(d.get(k)) : undefined);

/**
 * The partner's completion report (IMAS 08.30): marking, benchmark, residual
 * risk and its holder are required; the depth when the task cleared land; the
 * remainder's reason only when part of the task's hazardous areas is left
 * unreleased (the server measures its m² and says so when it is needed).
 */
export function CompletionForm({ taskId }: { taskId: string }) {
  const t = useTranslations("completion");
  return (
    <ApiForm
      url={`/api/tasks/${taskId}/completion`}
      submit={t("complete")}
      done={t("completedNotice")}
      attachTo={{ subjectType: "completionReport", idOf: (answer) => answer.completionReportId }}
      toBody={(d) => {
        const [lat, lon] = [number(d, "benchmarkLat"), number(d, "benchmarkLon")];
        return {
          completedOn: optional(d, "completedOn"),
          clearanceDepthCm: number(d, "clearanceDepthCm"),
          qaNotes: optional(d, "qaNotes"),
          markers: optional(d, "markers"),
          benchmark: lat === undefined || lon === undefined ? undefined : { type: "Point", coordinates: [lon, lat] },
          benchmarkDescription: optional(d, "benchmarkDescription"),
          residualRisk: optional(d, "residualRisk"),
          residualRiskHolder: optional(d, "residualRiskHolder"),
          remainderReason: optional(d, "remainderReason"),
        };
      }}
    >
      <h2>{t("formTitle")}</h2>
      <div className="grid-fields">
        <label>
          {t("completedOn")}
          <input type="date" name="completedOn" required />
        </label>
        <label>
          {t("depth")}
          <input type="number" name="clearanceDepthCm" min={1} max={1000} aria-describedby="depth-hint" />
          <small id="depth-hint">{t("depthHint")}</small>
        </label>
        <label>
          {t("benchmarkLat")}
          <input type="number" name="benchmarkLat" required min={-90} max={90} step="any" dir="ltr" />
        </label>
        <label>
          {t("benchmarkLon")}
          <input type="number" name="benchmarkLon" required min={-180} max={180} step="any" dir="ltr" />
        </label>
      </div>
      <label>
        {t("benchmarkDescription")}
        <input name="benchmarkDescription" required minLength={3} maxLength={1000} />
      </label>
      <label>
        {t("markers")}
        <textarea name="markers" rows={2} required minLength={3} maxLength={2000} />
      </label>
      <label>
        {t("residualRisk")}
        <textarea name="residualRisk" rows={3} required minLength={10} maxLength={5000} />
      </label>
      <label>
        {t("residualRiskHolder")}
        <input name="residualRiskHolder" required minLength={3} maxLength={300} />
      </label>
      <label>
        {t("remainderReason")}
        <textarea name="remainderReason" rows={2} maxLength={2000} aria-describedby="remainder-hint" />
        <small id="remainder-hint">{t("remainderHint")}</small>
      </label>
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
