"use client";

import type { Feature, Polygon } from "geojson";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Areal, BasemapSettings, HazardFeature, ReleasedFeature } from "@/components/map/field-map";
import type { ReleaseCheck } from "@/components/map/geometry-check";
import { GeometryField } from "@/components/map/geometry-field";
import { useGeometryCheck } from "@/components/map/geometry-input";
import { useGeometrySource } from "@/components/map/geometry-preview";
import { ACCEPTED_FILES, fileProblem } from "@/components/offline/file-limits";
import { submitOrQueue } from "@/components/offline/submit-or-queue";
import { ChooseSelect } from "@/components/ui/choose-select";
import { ErrorList } from "@/components/ui/error-list";
import { announce } from "@/components/ui/notice";
import { submitWith } from "@/components/ui/submit-with";
import { formatDateTime, formatM2 } from "@/lib/i18n/format";
import { languageOf } from "@/lib/i18n/locales";
import { DEVICE_CATEGORIES } from "@/lib/schemas/land-release-report";
import { DeviceOptions } from "./device-options";
import { clearDraft, loadDraft, newClientRef, type ReportDraft, saveDraft } from "./report-draft";

export type ReportFormHazard = {
  id: string;
  code: string;
  name: string;
  geometry: Areal;
  released: Areal | null;
  feature: HazardFeature;
};

type Props = {
  taskId: string;
  /** What the device's queue calls a report kept offline. */
  taskCode?: string;
  hazardAreas: ReportFormHazard[];
  released: ReleasedFeature[];
  basemap: BasemapSettings;
  /** A correction: the approved report it replaces. */
  correcting?: { id: string; hazardAreaId: string; method: string };
};

const DEVICE_TYPES = DEVICE_CATEGORIES;
type DeviceRow = { type: (typeof DEVICE_TYPES)[number]; count: string };

/**
 * A partner logs land released on a task: a polygon drawn on the map or a
 * GPS file, checked in the browser by the server's own code (what will count
 * before anything is sent), then the method, period, depth and devices.
 */
export function ReportForm({ taskId, taskCode, hazardAreas, released, basemap, correcting }: Props) {
  const t = useTranslations("reportForm");
  const tNotice = useTranslations("notices");
  const tMethod = useTranslations("method");
  const tOffline = useTranslations("offline");
  const locale = useLocale();
  const language = languageOf(locale);
  const router = useRouter();
  const [hazardAreaId, setHazardAreaId] = useState(correcting?.hazardAreaId ?? hazardAreas[0]!.id);
  const shape = useGeometrySource();
  const { source, setRepair } = shape;
  const [devices, setDevices] = useState<DeviceRow[]>([]);
  // The method decides the depth field: required when cleared, not asked when cancelled (IMAS 09.10).
  const [method, setMethod] = useState(correcting?.method ?? "");
  const [submitError, setSubmitError] = useState<string[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [clientRef, setClientRef] = useState(newClientRef);
  const [restored, setRestored] = useState<ReportDraft | null>(null);
  const [queued, setQueued] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const draftName = `${taskId}:${correcting?.id ?? "new"}`;
  const hazard = hazardAreas.find((h) => h.id === hazardAreaId)!;
  const { result: check, checking } = useGeometryCheck<ReleaseCheck>(
    source,
    (c, s) => c.checkRelease(s, { code: hazard.code, geometry: hazard.geometry, released: hazard.released }),
    [hazard],
  );

  // What the partner has entered so far, kept on this device.
  const keepDraft = useCallback(() => {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    // A check outlives its shape by a render (a report queued, a draft discarded): only a standing shape counts.
    const polygons =
      source && check?.ok && check.geometry
        ? (check.geometry.features as Feature<Polygon>[])
        : (restored?.polygons ?? null);
    const draft = {
      clientRef,
      savedAt: new Date().toISOString(),
      hazardAreaId,
      method: String(data.get("method") ?? ""),
      periodStart: String(data.get("periodStart") ?? ""),
      periodEnd: String(data.get("periodEnd") ?? ""),
      clearanceDepthCm: String(data.get("clearanceDepthCm") ?? ""),
      devices,
      polygons,
    };
    const entered =
      polygons?.length ||
      devices.length ||
      draft.method ||
      draft.periodStart ||
      draft.periodEnd ||
      draft.clearanceDepthCm;
    // Nothing entered is no draft: the form would say one was restored.
    if (entered) saveDraft(draftName, draft);
    else clearDraft(draftName);
  }, [check, source, restored, draftName, clientRef, hazardAreaId, devices]);

  // A draft left on this device is filled back in, its polygon checked again like a drawn one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: Once, when the form opens: a draft is restored then, never over what the user typed since.
  useEffect(() => {
    const draft = loadDraft(draftName);
    const form = formRef.current;
    if (!draft || !form) return;
    setRestored(draft);
    setClientRef(draft.clientRef);
    if (hazardAreas.some((h) => h.id === draft.hazardAreaId) && !correcting) setHazardAreaId(draft.hazardAreaId);
    for (const name of ["method", "periodStart", "periodEnd", "clearanceDepthCm"] as const) {
      const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (field && draft[name]) field.value = draft[name];
    }
    setMethod(draft.method);
    setDevices(draft.devices.filter((d): d is DeviceRow => (DEVICE_TYPES as readonly string[]).includes(d.type)));
    if (draft.polygons?.length) setRepair({ kind: "drawn", polygons: draft.polygons });
  }, []);

  useEffect(() => {
    // Not once the shape is gone (a report queued or discarded): its last check still stands for this render.
    if (check?.ok && source) keepDraft();
  }, [check, keepDraft, source]);

  // Devices change through state, after the form's change event: keep them once they have (not on opening).
  const opened = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: Keeps the draft when the devices change, not each time keepDraft is remade.
  useEffect(() => {
    if (opened.current) keepDraft();
    opened.current = true;
  }, [devices]);

  function discardDraft() {
    clearDraft(draftName);
    setRestored(null);
    // The shape goes too: while its check stands, the draft would be kept again (and the form reopened with it).
    shape.onSource(null);
    setDevices([]);
    setClientRef(newClientRef());
    formRef.current?.reset();
    setMethod(correcting?.method ?? "");
  }

  async function submit(form: HTMLFormElement) {
    if (!source || !check?.ok) return;
    const data = new FormData(form);
    const files = data.getAll("attachments").filter((f): f is File => f instanceof File && f.size > 0);
    const tooLarge = fileProblem(files);
    if (tooLarge) return setSubmitError([tOffline(tooLarge.key, tooLarge.values)]);
    setSubmitting(true);
    setSubmitError(null);
    setQueued(false);
    keepDraft();
    const fields = {
      hazardAreaId,
      method: String(data.get("method")),
      periodStart: String(data.get("periodStart")),
      periodEnd: String(data.get("periodEnd")),
      ...(data.get("clearanceDepthCm") && method !== "cancelled"
        ? { clearanceDepthCm: Number(data.get("clearanceDepthCm")) }
        : {}),
      devices: devices.filter((d) => d.count !== "").map((d) => ({ type: d.type, count: Number(d.count) })),
      ...(correcting ? { supersedesId: correcting.id } : {}),
    };
    // Offline, or no answer: kept in the device's queue with its clientRef and sent when the connection returns
    // (components/offline/offline-status.tsx); "open again" there brings this draft back.
    const outcome = await submitOrQueue({
      url: `/api/tasks/${taskId}/reports`,
      subject: "landReleaseReport",
      clientRef,
      fields,
      source,
      files,
      label: taskCode ?? hazard.code,
      reopen: { href: window.location.pathname + window.location.search, draftName, draft: loadDraft(draftName) },
    });
    setSubmitting(false);
    if (outcome.kind === "refused") return setSubmitError(outcome.messages);
    if (outcome.kind === "queued") {
      // The next report on this device is another submission, with its own clientRef.
      discardDraft();
      setQueued(true);
      return;
    }
    clearDraft(draftName);
    const report = outcome.body as { id: string; countedAreaM2: number };
    const said = correcting
      ? tNotice("correctionSubmitted")
      : report.countedAreaM2 > 0
        ? tNotice("reportSubmitted", { counted: formatM2(report.countedAreaM2, locale) })
        : tNotice("reportSubmittedCountsNothing");
    const filesSaid = outcome.refusedFiles.length
      ? ` ${tOffline("attachmentsFailed", { count: outcome.refusedFiles.length, reasons: outcome.refusedFiles.join("; ") })}`
      : "";
    announce(said + filesSaid, `/reports/${report.id}`);
    router.push(`/reports/${report.id}`);
    router.refresh();
  }

  return (
    <form
      ref={formRef}
      className="report-form"
      onChange={(e) => {
        const field = e.target as EventTarget as HTMLSelectElement;
        if (field.name === "method") setMethod(field.value);
        keepDraft();
      }}
      onSubmit={submitWith(submit)}
    >
      {restored && (
        <p className="warning" role="status" data-testid="draft-restored">
          {t("draftRestored", { when: formatDateTime(new Date(restored.savedAt), locale) })}{" "}
          <button type="button" className="secondary" onClick={discardDraft}>
            {t("discardDraft")}
          </button>
        </p>
      )}
      {hazardAreas.length > 1 && (
        <label>
          {t("hazardArea")}
          <select value={hazardAreaId} onChange={(e) => setHazardAreaId(e.target.value)} disabled={Boolean(correcting)}>
            {hazardAreas.map((h) => (
              <option key={h.id} value={h.id}>
                {h.code} · {h.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <GeometryField
        messages="reportForm"
        testId="release-preview"
        basemap={basemap}
        hazards={[hazard.feature]}
        released={released}
        shape={shape}
        check={check}
        checking={checking}
      >
        {check?.ok && (
          <>
            <dl className="figures">
              <dt>{t("submitted")}</dt>
              <dd data-testid="preview-submitted">{formatM2(check.submittedAreaM2, locale)}</dd>
              <dt>{t("outside")}</dt>
              <dd data-testid="preview-outside">{formatM2(check.outsideHazardM2, locale)}</dd>
              <dt>{t("alreadyReleased")}</dt>
              <dd data-testid="preview-already">{formatM2(check.alreadyReleasedM2, locale)}</dd>
              <dt>{t("counted")}</dt>
              <dd data-testid="preview-counted" data-m2={check.countedAreaM2}>
                {formatM2(check.countedAreaM2, locale)}
              </dd>
            </dl>
            <p className="note">{correcting ? t("previewNoteCorrection") : t("previewNote")}</p>
            {check.notes.length > 0 && (
              <ul className="note">
                {check.notes.map((n) => (
                  <li key={n.en}>{n[language]}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </GeometryField>
      <div className="grid-fields">
        <ChooseSelect label={t("method")} name="method" value={correcting?.method} placeholder={t("choose")}>
          <option value="cancelled">
            {tMethod("CANCELLED")} — {t("nts")}
          </option>
          <option value="reduced">
            {tMethod("REDUCED")} — {t("ts")}
          </option>
          <option value="cleared">
            {tMethod("CLEARED")} — {t("clearance")}
          </option>
        </ChooseSelect>
        <label>
          {t("periodStart")}
          <input type="date" name="periodStart" required />
        </label>
        <label>
          {t("periodEnd")}
          <input type="date" name="periodEnd" required />
        </label>
        <div>
          <label>
            {t("depth")}
            <input
              type="number"
              name="clearanceDepthCm"
              min={1}
              max={1000}
              step={1}
              inputMode="numeric"
              required={method === "cleared"}
              disabled={method === "cancelled"}
              aria-describedby="depth-hint"
            />
          </label>
          <small id="depth-hint" className="note">
            {method === "cleared"
              ? t("depthHintCleared")
              : method === "cancelled"
                ? t("depthHintCancelled")
                : t("depthHintReduced")}
          </small>
        </div>
      </div>
      <fieldset>
        <legend>{t("devices")}</legend>
        {devices.map((d, i) => (
          <div key={i} className="device-row">
            <label>
              {t("deviceType")}
              <select
                value={d.type}
                onChange={(e) =>
                  setDevices(devices.map((x, j) => (j === i ? { ...x, type: e.target.value as DeviceRow["type"] } : x)))
                }
              >
                <DeviceOptions />
              </select>
            </label>
            <label>
              {t("deviceCount")}
              <input
                type="number"
                min={1}
                required
                value={d.count}
                onChange={(e) => setDevices(devices.map((x, j) => (j === i ? { ...x, count: e.target.value } : x)))}
              />
            </label>
            <button type="button" className="secondary" onClick={() => setDevices(devices.filter((_, j) => j !== i))}>
              {t("removeDevice")}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setDevices([...devices, { type: "AP_MINE", count: "" }])}
        >
          {t("addDevice")}
        </button>
      </fieldset>
      <label>
        {tOffline("attachments")}
        <input type="file" name="attachments" accept={ACCEPTED_FILES} multiple />
      </label>
      <ErrorList messages={submitError} />
      {queued && (
        <p className="warning" role="alert" data-testid="offline">
          {tOffline("queued")}
        </p>
      )}
      <button type="submit" disabled={!check?.ok || submitting}>
        {submitting ? t("submitting") : correcting ? t("submitCorrection") : t("submit")}
      </button>
    </form>
  );
}
