"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { BasemapSettings } from "@/components/map/field-map";
import type { GeometrySource, HazardCheck } from "@/components/map/geometry-check";
import { GeometryInput, GeometryProblems, shownShape, useGeometryCheck } from "@/components/map/geometry-input";
import { postWithGeometry } from "@/components/api-client";
import { formatCount, formatM2 } from "@/lib/i18n/format";
import { languageOf } from "@/lib/i18n/locales";
import { CONTAMINATION_TYPES, LAND_USES } from "@/lib/schemas/hazard-area";
import { ErrorList } from "@/components/ui/error-list";

/**
 * An authority registers a hazardous area: drawn or uploaded, checked in the
 * browser (valid, in Iraq, which governorate and so which authority), then
 * its code, name, kind, contamination and the land use behind its priority.
 */
export function HazardAreaForm({ basemap, kurdistanAuthority }: { basemap: BasemapSettings; kurdistanAuthority: boolean }) {
  const t = useTranslations("hazardForm");
  const tLand = useTranslations("landUse");
  const tCont = useTranslations("contamination");
  const locale = useLocale();
  const router = useRouter();
  const [picked, setPicked] = useState<GeometrySource | null>(null);
  // A repaired shape the user confirmed replaces what was drawn or uploaded, until they change it.
  const [repair, setRepair] = useState<GeometrySource | null>(null);
  const source = repair ?? picked;
  const onSource = useCallback((s: GeometrySource | null) => {
    setRepair(null);
    setPicked(s);
  }, []);
  const [errors, setErrors] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { result: check, checking } = useGeometryCheck<HazardCheck>(source, (c, s) => c.checkHazardArea(s), []);
  const wrongAuthority = check?.ok && check.governorate && check.governorate.kurdistanRegion !== kurdistanAuthority;

  async function submit(form: HTMLFormElement) {
    if (!source || !check?.ok) return;
    const data = new FormData(form);
    setBusy(true);
    setErrors(null);
    const res = await postWithGeometry(
      "/api/hazard-areas",
      {
        code: String(data.get("code")).trim().toUpperCase(),
        name: String(data.get("name")),
        kind: String(data.get("kind")),
        contamination: data.getAll("contamination").map(String),
        landUse: String(data.get("landUse")),
        priorityRank: Number(data.get("priorityRank")),
      },
      source,
    );
    setBusy(false);
    if (!res.ok) return setErrors(res.messages);
    router.push(`/tasks/new?hazardAreaId=${res.body.id}`);
  }

  return (
    <form
      className="report-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <GeometryInput label={t("mapLabel")} basemap={basemap} {...shownShape(check, Boolean(repair))} onSource={onSource} />
      <section className="card preview" aria-live="polite" data-testid="hazard-preview">
        <h2>{t("previewTitle")}</h2>
        {!source && <p className="note">{t("previewEmpty")}</p>}
        {checking && <p className="note">{t("checking")}</p>}
        {check?.ok && (
          <dl className="figures">
            <dt>{t("area")}</dt>
            <dd data-testid="hazard-area-m2">{formatM2(check.areaM2, locale)}</dd>
            <dt>{t("governorate")}</dt>
            <dd>{check.governorate ? `${check.governorate.name} (${check.governorate.pcode})` : t("noGovernorate")}</dd>
          </dl>
        )}
        {/* What the reader did with the file: the coordinate system and datum shift it applied, closed tracks, ignored points. */}
        {check?.ok && check.notes.length > 0 && (
          <ul className="note" data-testid="hazard-notes">
            {check.notes.map((n) => (
              <li key={n.en}>{n[languageOf(locale)]}</li>
            ))}
          </ul>
        )}
        {wrongAuthority && <p className="error">{t("wrongAuthority")}</p>}
        {check && !check.ok && <GeometryProblems problems={check.problems} repaired={check.repaired} onUseRepaired={setRepair} />}
      </section>
      <div className="grid-fields">
        <label>
          {t("code")}
          <input name="code" required pattern="[A-Za-z0-9][A-Za-z0-9\-]{2,39}" placeholder="CHA-NIN-0042" />
        </label>
        <label>
          {t("name")}
          <input name="name" required minLength={3} maxLength={200} />
        </label>
        <label>
          {t("kind")}
          <select name="kind" defaultValue="CHA">
            <option value="SHA">{t("sha")}</option>
            <option value="CHA">{t("cha")}</option>
          </select>
        </label>
        <label>
          {t("landUse")}
          <select name="landUse" required defaultValue="">
            <option value="" disabled>
              {t("choose")}
            </option>
            {LAND_USES.map((l) => (
              <option key={l} value={l}>
                {tLand(l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("priorityRank", { highest: formatCount(1, locale) })}
          <input name="priorityRank" type="number" min={1} max={1000} defaultValue={3} required />
        </label>
      </div>
      <fieldset>
        <legend>{t("contamination")}</legend>
        {CONTAMINATION_TYPES.map((c) => (
          <label key={c} className="inline">
            <input type="checkbox" name="contamination" value={c} /> {tCont(c)}
          </label>
        ))}
      </fieldset>
      <ErrorList messages={errors} />
      <button type="submit" disabled={!check?.ok || busy}>
        {t("submit")}
      </button>
    </form>
  );
}
