"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { postWithGeometry } from "@/components/api-client";
import type { BasemapSettings, MapLayers } from "@/components/map/field-map";
import type { HazardCheck } from "@/components/map/geometry-check";
import { GeometryField } from "@/components/map/geometry-field";
import { useGeometryCheck } from "@/components/map/geometry-input";
import { useGeometrySource } from "@/components/map/geometry-preview";
import { ApiForm, count, optional } from "@/components/ui/api-form";
import { ErrorList } from "@/components/ui/error-list";
import { announce } from "@/components/ui/notice";
import { submitWith } from "@/components/ui/submit-with";
import { formatM2 } from "@/lib/i18n/format";

const SEVERITIES = ["MINOR", "MAJOR", "CRITICAL"] as const;

/** The authority's monitoring visit (IMAS 07.40), with as many non-conformity rows as were found. */
export function MonitoringVisitForm({ taskId }: { taskId: string }) {
  const t = useTranslations("quality");
  // Each row's key, so removing one keeps what was typed in the others.
  const [rows, setRows] = useState<number[]>([]);
  const [next, setNext] = useState(0);
  return (
    <ApiForm
      url={`/api/tasks/${taskId}/monitoring-visits`}
      submit={t("submitVisit")}
      done={t("visitRecorded")}
      toBody={(d) => {
        const [description, severity, action, deadline] = ["ncDescription", "ncSeverity", "ncAction", "ncDeadline"].map(
          (k) => d.getAll(k).map(String),
        ) as [string[], string[], string[], string[]];
        return {
          team: optional(d, "team"),
          visitedOn: optional(d, "visitedOn"),
          inspector: optional(d, "inspector"),
          findings: optional(d, "findings"),
          nonConformities: description.map((text, i) => ({
            description: text,
            severity: severity[i],
            correctiveAction: action[i],
            deadline: deadline[i],
          })),
        };
      }}
    >
      <h3>{t("recordVisit")}</h3>
      <div className="grid-fields">
        <label>
          {t("team")}
          <input name="team" required maxLength={200} />
        </label>
        <label>
          {t("visitedOn")}
          <input type="date" name="visitedOn" required />
        </label>
        <label>
          {t("inspector")}
          <input name="inspector" required maxLength={200} />
        </label>
      </div>
      <label>
        {t("findings")}
        <textarea name="findings" rows={3} required maxLength={5000} />
      </label>
      {rows.map((key, i) => (
        <fieldset key={key} data-testid="non-conformity-row">
          <legend>
            {t("nonConformity")} {i + 1}
          </legend>
          <div className="grid-fields">
            <label>
              {t("nonConformity")}
              <textarea name="ncDescription" rows={2} required maxLength={2000} />
            </label>
            <label>
              {t("severity")}
              <select name="ncSeverity" defaultValue="MINOR">
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {t(`severity_${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("correctiveAction")}
              <textarea name="ncAction" rows={2} required maxLength={2000} />
            </label>
            <label>
              {t("deadline")}
              <input type="date" name="ncDeadline" required />
            </label>
          </div>
          <button type="button" className="secondary" onClick={() => setRows(rows.filter((r) => r !== key))}>
            {t("remove")}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setRows([...rows, next]);
          setNext(next + 1);
        }}
      >
        {t("addNonConformity")}
      </button>
    </ApiForm>
  );
}

/** Closing one open non-conformity once its corrective action is verified. */
export function CloseNonConformityForm({ id }: { id: string }) {
  const t = useTranslations("quality");
  return (
    <ApiForm
      url={`/api/non-conformities/${id}/close`}
      submit={t("close")}
      done={t("closed")}
      toBody={(d) => ({ closedOn: optional(d, "closedOn"), note: optional(d, "note") })}
    >
      <div className="grid-fields">
        <label>
          {t("closedOn")}
          <input type="date" name="closedOn" required />
        </label>
        <label>
          {t("closureNote")}
          <input name="note" required maxLength={2000} />
        </label>
      </div>
    </ApiForm>
  );
}

/**
 * A post-clearance inspection (IMAS 09.20): the sampled area drawn or uploaded
 * as a report's polygon is, checked in the browser (valid, in Iraq); the server
 * checks it lies within the task's hazardous areas.
 */
export function InspectionForm({
  taskId,
  basemap,
  hazards,
  released,
}: { taskId: string; basemap: BasemapSettings } & Pick<MapLayers, "hazards" | "released">) {
  const t = useTranslations("quality");
  const locale = useLocale();
  const router = useRouter();
  const shape = useGeometrySource();
  const { source } = shape;
  const [errors, setErrors] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { result: check, checking } = useGeometryCheck<HazardCheck>(source, (c, s) => c.checkHazardArea(s), []);

  async function submit(form: HTMLFormElement) {
    if (!source || !check?.ok) return;
    const d = new FormData(form);
    setBusy(true);
    setErrors(null);
    const res = await postWithGeometry(
      `/api/tasks/${taskId}/inspections`,
      {
        inspectedOn: optional(d, "inspectedOn"),
        inspector: optional(d, "inspector"),
        itemsFound: count(d, "itemsFound"),
        result: String(d.get("result")),
        findings: optional(d, "findings"),
      },
      source,
    );
    setBusy(false);
    if (!res.ok) return setErrors(res.messages);
    const answer = res.body as unknown as { result: "PASSED" | "FAILED"; reopenedM2: number };
    announce(
      t("inspectionRecorded", {
        result: t(`result_${answer.result}`),
        reopened: formatM2(answer.reopenedM2, locale),
      }),
    );
    router.refresh();
  }

  return (
    <form className="report-form" onSubmit={submitWith(submit)} data-testid="inspection-form">
      <h3>{t("recordInspection")}</h3>
      <p className="note">{t("inspectionNote")}</p>
      <GeometryField
        messages="quality"
        testId="inspection-preview"
        basemap={basemap}
        hazards={hazards}
        released={released}
        shape={shape}
        check={check}
        checking={checking}
      >
        {check?.ok && (
          <dl className="figures">
            <dt>{t("sampledArea")}</dt>
            <dd data-testid="sampled-area-m2">{formatM2(check.areaM2, locale)}</dd>
          </dl>
        )}
      </GeometryField>
      <div className="grid-fields">
        <label>
          {t("inspectedOn")}
          <input type="date" name="inspectedOn" required />
        </label>
        <label>
          {t("inspector")}
          <input name="inspector" required maxLength={200} />
        </label>
        <label>
          {t("itemsFound")}
          <input type="number" name="itemsFound" min={0} defaultValue={0} required />
        </label>
        <label>
          {t("result")}
          <select name="result" defaultValue="PASSED">
            <option value="PASSED">{t("result_PASSED")}</option>
            <option value="FAILED">{t("result_FAILED")}</option>
          </select>
        </label>
      </div>
      <label>
        {t("findings")}
        <textarea name="findings" rows={3} maxLength={5000} />
      </label>
      <ErrorList messages={errors} />
      <button type="submit" disabled={!check?.ok || busy}>
        {t("submitInspection")}
      </button>
    </form>
  );
}
