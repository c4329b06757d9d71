"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ApiForm, count, optional } from "@/components/ui/api-form";
import { SEX_AGE } from "@/lib/domain/human-impact";
import { DEVICE_CATEGORIES } from "@/lib/schemas/land-release-report";

type Governorate = { pcode: string; name: string };

const people = (d: FormData, prefix: string) => Object.fromEntries(SEX_AGE.map((k) => [k, count(d, `${prefix}${k}`)]));

/** The day, the governorate and the place of a session or an accident, and any further fields. */
function WhenAndWhere({ date, governorates, children }: { date: "heldOn" | "occurredOn"; governorates: readonly Governorate[]; children?: ReactNode }) {
  const t = useTranslations("humanImpact");
  return (
    <div className="grid-fields">
      <label>
        {t(date)}
        <input type="date" name={date} required />
      </label>
      <GovernorateSelect governorates={governorates} />
      <label>
        {t("place")}
        <input name="place" required minLength={2} maxLength={200} />
      </label>
      {children}
    </div>
  );
}

function GovernorateSelect({ governorates }: { governorates: readonly Governorate[] }) {
  const t = useTranslations("humanImpact");
  return (
    <label>
      {t("governorate")}
      <select name="governorate" required defaultValue="">
        <option value="" disabled>
          {t("chooseGovernorate")}
        </option>
        {governorates.map((g) => (
          <option key={g.pcode} value={g.pcode}>
            {g.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function PeopleFields({ legend, prefix }: { legend: string; prefix: string }) {
  const t = useTranslations("humanImpact");
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="grid-fields">
        {SEX_AGE.map((k) => (
          <label key={k}>
            {t(k)}
            <input type="number" name={`${prefix}${k}`} min={0} max={100000} defaultValue={0} inputMode="numeric" />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A partner records an EORE session it delivered. */
export function RiskEducationForm({ governorates }: { governorates: readonly Governorate[] }) {
  const t = useTranslations("humanImpact");
  return (
    <ApiForm
      url="/api/risk-education"
      submit={t("recordSession")}
      done={t("sessionRecorded")}
      toBody={(d) => ({ heldOn: optional(d, "heldOn"), governorate: optional(d, "governorate"), place: optional(d, "place"), ...people(d, "") })}
    >
      <h2>{t("newSession")}</h2>
      <WhenAndWhere date="heldOn" governorates={governorates} />
      <PeopleFields legend={t("beneficiaries")} prefix="" />
    </ApiForm>
  );
}

/** An authority records an explosive ordnance accident in one of its governorates. */
export function CasualtyForm({ governorates }: { governorates: readonly Governorate[] }) {
  const t = useTranslations("humanImpact");
  const tDevice = useTranslations("device");
  return (
    <ApiForm
      url="/api/casualties"
      submit={t("recordAccident")}
      done={t("accidentRecorded")}
      toBody={(d) => ({
        occurredOn: optional(d, "occurredOn"),
        governorate: optional(d, "governorate"),
        place: optional(d, "place"),
        deviceCategory: optional(d, "deviceCategory"),
        killed: people(d, "killed-"),
        injured: people(d, "injured-"),
      })}
    >
      <h2>{t("newAccident")}</h2>
      <WhenAndWhere date="occurredOn" governorates={governorates}>
        <label>
          {t("device")}
          <select name="deviceCategory" required defaultValue="">
            <option value="" disabled>
              {t("chooseDevice")}
            </option>
            {DEVICE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tDevice(c)}
              </option>
            ))}
          </select>
        </label>
      </WhenAndWhere>
      <PeopleFields legend={t("killed")} prefix="killed-" />
      <PeopleFields legend={t("injured")} prefix="injured-" />
    </ApiForm>
  );
}
