"use client";

import { useTranslations } from "next-intl";
import { ApiForm, count, optional } from "@/components/ui/api-form";
import { ChooseSelect } from "@/components/ui/choose-select";
import { Options } from "@/components/ui/options";
import { SURVIVOR_GROUPS, VA_SERVICES } from "@/lib/domain/victim-assistance";

type Choice = { value: string; label: string };

/** An authority or operator records survivors referred or assisted, linked to an accident where known. */
export function VictimAssistanceForm({
  governorates,
  accidents,
}: {
  governorates: readonly Choice[];
  accidents: readonly Choice[];
}) {
  const t = useTranslations("victimAssistance");
  const tService = useTranslations("victimService");
  const tPeople = useTranslations("humanImpact");
  return (
    <ApiForm
      url="/api/victim-assistance"
      submit={t("record")}
      done={t("recorded")}
      toBody={(d) => ({
        periodStart: optional(d, "periodStart"),
        periodEnd: optional(d, "periodEnd"),
        governorate: optional(d, "governorate"),
        service: optional(d, "service"),
        incidentId: optional(d, "incidentId"),
        ...Object.fromEntries(SURVIVOR_GROUPS.map((k) => [k, count(d, `survivors-${k}`)])),
      })}
    >
      <h2 id="record-assistance">{t("newRecord")}</h2>
      <div className="grid-fields">
        <label>
          {t("periodStart")}
          <input type="date" name="periodStart" required />
        </label>
        <label>
          {t("periodEnd")}
          <input type="date" name="periodEnd" required />
        </label>
        <ChooseSelect label={tPeople("governorate")} name="governorate" placeholder={tPeople("chooseGovernorate")}>
          <Options choices={governorates} />
        </ChooseSelect>
        <ChooseSelect label={t("service")} name="service" placeholder={t("chooseService")}>
          <Options choices={VA_SERVICES.map((s) => ({ value: s, label: tService(s) }))} />
        </ChooseSelect>
        <label>
          {t("incident")}
          <select name="incidentId" defaultValue="">
            <option value="">{t("noIncident")}</option>
            <Options choices={accidents} />
          </select>
        </label>
      </div>
      <fieldset>
        <legend>{t("survivors")}</legend>
        <div className="grid-fields">
          {SURVIVOR_GROUPS.map((k) => (
            <label key={k}>
              {k === "unknown" ? t("unknown") : tPeople(k)}
              <input type="number" name={`survivors-${k}`} min={0} max={100000} defaultValue={0} inputMode="numeric" />
            </label>
          ))}
        </div>
      </fieldset>
    </ApiForm>
  );
}
