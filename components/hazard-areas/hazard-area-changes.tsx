"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { postJson, postWithGeometry } from "@/components/api-client";
import type { BasemapSettings, MapLayers } from "@/components/map/field-map";
import type { HazardCheck } from "@/components/map/geometry-check";
import { GeometryField } from "@/components/map/geometry-field";
import { useGeometryCheck } from "@/components/map/geometry-input";
import { useGeometrySource } from "@/components/map/geometry-preview";
import { ErrorList } from "@/components/ui/error-list";
import { announce } from "@/components/ui/notice";
import { submitWith } from "@/components/ui/submit-with";
import { programmeDay } from "@/lib/domain/calendar";
import { formatList, formatM2 } from "@/lib/i18n/format";
import { CONTAMINATION_TYPES } from "@/lib/schemas/hazard-area";

const CHANGES = [
  "reclassify",
  "revise",
  "split",
  "merge",
  "suspend",
  "reopen",
  "withdraw",
  "closeInvestigation",
] as const;
type Change = (typeof CHANGES)[number];

/**
 * An authority's changes to one of its areas, each with the day it took
 * effect and what it rests on: the form shows the fields of the change
 * chosen, and a polygon to draw or upload for a revised boundary or a split.
 */
export function HazardAreaChanges({
  id,
  code,
  kind,
  contamination,
  offered,
  basemap,
  hazards,
}: {
  id: string;
  code: string;
  kind: "SHA" | "CHA";
  contamination: string[];
  /** The changes the area's state allows (suspend only when active, …). */
  offered: Change[];
  basemap: BasemapSettings;
  hazards: MapLayers["hazards"];
}) {
  const t = useTranslations("areaChanges");
  const tNotice = useTranslations("notices");
  const tCont = useTranslations("contamination");
  const locale = useLocale();
  const router = useRouter();
  const [change, setChange] = useState<Change>(offered[0] ?? "reclassify");
  const [errors, setErrors] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const shape = useGeometrySource();
  const drawn = change === "revise" || change === "split";
  const { result: check, checking } = useGeometryCheck<HazardCheck>(
    drawn ? shape.source : null,
    (c, s) => c.checkHazardArea(s),
    [],
  );

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const fields: Record<string, unknown> = {
      change,
      effectiveDate: text("effectiveDate"),
      evidence: text("evidence"),
      ...(change === "reclassify"
        ? { kind: text("kind"), contamination: data.getAll("contamination").map(String) }
        : change === "split"
          ? {
              parts: [
                { code: text("code0").toUpperCase(), name: text("name0") },
                { code: text("code1").toUpperCase(), name: text("name1") },
              ],
            }
          : change === "merge"
            ? {
                with: text("with")
                  .split(/[\s,;]+/)
                  .filter(Boolean)
                  .map((c) => c.toUpperCase()),
                code: text("code").toUpperCase(),
                name: text("name"),
              }
            : {}),
    };
    if (drawn && !shape.source) return;
    setBusy(true);
    setErrors(null);
    const url = `/api/hazard-areas/${id}/changes`;
    const res = drawn && shape.source ? await postWithGeometry(url, fields, shape.source) : await postJson(url, fields);
    setBusy(false);
    if (!res.ok) return setErrors(res.messages);
    // A split or merge makes new areas: the first is where the work goes on.
    const created = (res.body as { created?: { id: string; code: string }[] }).created;
    const codes = formatList(created?.map((c) => c.code) ?? [], locale);
    const where = created?.[0] ? `/hazard-areas/${created[0].id}` : undefined;
    announce(tNotice(`areaChanged.${change}`, { code, codes }), where);
    if (where) router.push(where);
    else {
      form.reset();
      router.refresh();
    }
  }

  return (
    <form className="report-form" onSubmit={submitWith(submit)} data-testid="area-changes">
      <label>
        {t("change")}
        <select
          name="change"
          value={change}
          onChange={(e) => {
            setChange(e.target.value as Change);
            setErrors(null);
          }}
        >
          {offered.map((c) => (
            <option key={c} value={c}>
              {t(`kinds.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t(`explain.${change}`, { code })}</p>
      {change === "reclassify" && (
        <>
          <label>
            {t("kind")}
            <select name="kind" defaultValue={kind}>
              <option value="SHA">{t("sha")}</option>
              <option value="CHA">{t("cha")}</option>
            </select>
          </label>
          <fieldset>
            <legend>{t("contamination")}</legend>
            {CONTAMINATION_TYPES.map((c) => (
              <label key={c} className="inline">
                <input type="checkbox" name="contamination" value={c} defaultChecked={contamination.includes(c)} />{" "}
                {tCont(c)}
              </label>
            ))}
          </fieldset>
        </>
      )}
      {drawn && (
        <GeometryField
          messages="hazardForm"
          testId="change-preview"
          basemap={basemap}
          hazards={hazards}
          shape={shape}
          check={check}
          checking={checking}
        >
          {check?.ok && (
            <dl className="figures">
              <dt>{t("drawnArea")}</dt>
              <dd data-testid="change-area-m2">{formatM2(check.areaM2, locale)}</dd>
            </dl>
          )}
        </GeometryField>
      )}
      {change === "split" && (
        <div className="grid-fields">
          {[0, 1].map((i) => (
            <fieldset key={i}>
              <legend>{t(i === 0 ? "insidePart" : "outsidePart")}</legend>
              <label>
                {t("newCode")}
                <input name={`code${i}`} required pattern="[A-Za-z0-9][A-Za-z0-9\-]{2,39}" />
              </label>
              <label>
                {t("newName")}
                <input name={`name${i}`} required minLength={3} maxLength={200} />
              </label>
            </fieldset>
          ))}
        </div>
      )}
      {change === "merge" && (
        <div className="grid-fields">
          <label>
            {t("mergeWith")}
            <input name="with" required placeholder="CHA-KRK-0042, CHA-KRK-0043" />
          </label>
          <label>
            {t("newCode")}
            <input name="code" required pattern="[A-Za-z0-9][A-Za-z0-9\-]{2,39}" />
          </label>
          <label>
            {t("newName")}
            <input name="name" required minLength={3} maxLength={200} />
          </label>
        </div>
      )}
      <div className="grid-fields">
        <label>
          {t("effectiveDate")}
          <input type="date" name="effectiveDate" required max={programmeDay()} defaultValue={programmeDay()} />
        </label>
        <label>
          {t("evidence")}
          <textarea name="evidence" required minLength={3} maxLength={2000} placeholder={t("evidenceHint")} />
        </label>
      </div>
      <ErrorList messages={errors} />
      <button type="submit" disabled={busy || (drawn && !check?.ok)}>
        {t(`submit.${change}`)}
      </button>
    </form>
  );
}
