"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { postWithGeometry } from "@/components/api-client";
import type { BasemapSettings } from "@/components/map/field-map";
import type { HazardCheck } from "@/components/map/geometry-check";
import { GeometryField } from "@/components/map/geometry-field";
import { useGeometryCheck } from "@/components/map/geometry-input";
import { useGeometrySource } from "@/components/map/geometry-preview";
import { PriorityField } from "@/components/tasks/priority-field";
import { ChooseSelect } from "@/components/ui/choose-select";
import { ErrorList } from "@/components/ui/error-list";
import { announce } from "@/components/ui/notice";
import { Options } from "@/components/ui/options";
import { submitWith } from "@/components/ui/submit-with";
import { formatCount, formatM2 } from "@/lib/i18n/format";
import { languageOf } from "@/lib/i18n/locales";
import { type GovernorateNames, governorateName } from "@/lib/i18n/names";
import { CONTAMINATION_TYPES, LAND_USES } from "@/lib/schemas/hazard-area";

/**
 * An authority registers a hazardous area: drawn or uploaded, checked in the
 * browser (valid, in Iraq, which governorate and so which authority), then
 * its code, name, kind, contamination and the land use behind its priority.
 */
export function HazardAreaForm({
  basemap,
  kurdistanAuthority,
  governorates,
}: {
  basemap: BasemapSettings;
  /** Every governorate's names by P-code: the browser's boundaries name them in English only. */
  governorates: Record<string, GovernorateNames>;
  kurdistanAuthority: boolean;
}) {
  const t = useTranslations("hazardForm");
  const tNotice = useTranslations("notices");
  const tLand = useTranslations("landUse");
  const tCont = useTranslations("contamination");
  const locale = useLocale();
  const router = useRouter();
  const shape = useGeometrySource();
  const { source } = shape;
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
    const registered = res.body as { id: string; code: string; areaM2: number; governorate: GovernorateNames };
    const next = `/tasks/new?hazardAreaId=${registered.id}`;
    announce(
      tNotice("areaRegistered", {
        code: registered.code,
        area: formatM2(registered.areaM2, locale),
        governorate: governorateName(registered.governorate, locale),
      }),
      next,
    );
    router.push(next);
  }

  return (
    <form className="report-form" onSubmit={submitWith(submit)}>
      <GeometryField
        messages="hazardForm"
        testId="hazard-preview"
        basemap={basemap}
        shape={shape}
        check={check}
        checking={checking}
      >
        {check?.ok && (
          <dl className="figures">
            <dt>{t("area")}</dt>
            <dd data-testid="hazard-area-m2">{formatM2(check.areaM2, locale)}</dd>
            <dt>{t("governorate")}</dt>
            <dd>
              {check.governorate
                ? governorates[check.governorate.pcode]
                  ? governorateName(governorates[check.governorate.pcode]!, locale)
                  : check.governorate.name
                : t("noGovernorate")}
            </dd>
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
      </GeometryField>
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
        <ChooseSelect label={t("landUse")} name="landUse" placeholder={t("choose")}>
          <Options choices={LAND_USES.map((l) => ({ value: l, label: tLand(l) }))} />
        </ChooseSelect>
        <PriorityField name="priorityRank" label={t("priorityRank", { highest: formatCount(1, locale) })} />
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
