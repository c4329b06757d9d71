"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ApiForm, count, optional } from "@/components/ui/api-form";
import { ChooseSelect } from "@/components/ui/choose-select";
import { Options } from "@/components/ui/options";
import { SEX_AGE } from "@/lib/domain/human-impact";
import { type AccidentValues, accidentFields, CasualtyGroups, DeviceChecks, LocationFields } from "./casualty-fields";

type Governorate = { pcode: string; name: string };

/**
 * The record a form corrects: its id, what to call it, its values as the
 * form's field names (so the fields start from them), and where the list is.
 */
export type Correcting = {
  id: string;
  title: string;
  values: Readonly<Record<string, string | number>>;
  list: string;
  /** An accident's devices, point and casualty groups. */
  accident?: AccidentValues;
};

const people = (d: FormData, prefix: string) => Object.fromEntries(SEX_AGE.map((k) => [k, count(d, `${prefix}${k}`)]));

/** A correction's body: the new figures with the record they replace and why, or only that and why for a withdrawal. */
function withCorrection(d: FormData, correcting: Correcting | undefined, body: Record<string, unknown>) {
  if (!correcting) return body;
  const correction = { supersedesId: correcting.id, correctionNote: optional(d, "correctionNote") };
  return d.get("withdrawn") ? { ...correction, withdrawn: true } : { ...body, ...correction };
}

/** Why the record is corrected, and whether it is withdrawn instead. */
function CorrectionFields({ correcting }: { correcting: Correcting }) {
  const t = useTranslations("humanImpact");
  return (
    <fieldset>
      <legend>{t("correction")}</legend>
      <label>
        {t("correctionNote")}
        <textarea name="correctionNote" required minLength={5} maxLength={1000} rows={2} />
      </label>
      <label className="checkbox">
        <input type="checkbox" name="withdrawn" />
        {t("withdraw")}
      </label>
      <p>
        <a href={correcting.list}>{t("cancelCorrection")}</a>
      </p>
    </fieldset>
  );
}

/** The day, the governorate and the place of a session or an accident, and any further fields. */
function WhenAndWhere({
  date,
  governorates,
  values,
  children,
}: {
  date: "heldOn" | "occurredOn";
  governorates: readonly Governorate[];
  values?: Correcting["values"];
  children?: ReactNode;
}) {
  const t = useTranslations("humanImpact");
  return (
    <div className="grid-fields">
      <label>
        {t(date)}
        <input type="date" name={date} required defaultValue={values?.[date]} />
      </label>
      <GovernorateSelect governorates={governorates} value={values?.governorate} />
      <label>
        {t("place")}
        <input name="place" required minLength={2} maxLength={200} defaultValue={values?.place} />
      </label>
      {children}
    </div>
  );
}

function GovernorateSelect({ governorates, value }: { governorates: readonly Governorate[]; value?: string | number }) {
  const t = useTranslations("humanImpact");
  return (
    <ChooseSelect label={t("governorate")} name="governorate" value={value} placeholder={t("chooseGovernorate")}>
      <Options choices={governorates.map((g) => ({ value: g.pcode, label: g.name }))} />
    </ChooseSelect>
  );
}

function PeopleFields({ legend, prefix, values }: { legend: string; prefix: string; values?: Correcting["values"] }) {
  const t = useTranslations("humanImpact");
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="grid-fields">
        {SEX_AGE.map((k) => (
          <label key={k}>
            {t(k)}
            <input
              type="number"
              name={`${prefix}${k}`}
              min={0}
              max={100000}
              defaultValue={values?.[`${prefix}${k}`] ?? 0}
              inputMode="numeric"
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The frame both records share: where the form posts, the day-and-place
 * fields every record has, and the correction fields when it corrects one.
 */
function HumanImpactRecordForm({
  url,
  correcting,
  submit,
  done,
  heading,
  fields,
  subject,
  children,
}: {
  url: string;
  /** The record's kind in the device's queue and the attachments API. */
  subject: "eoreSession" | "accident";
  correcting?: Correcting;
  submit: string;
  done: string;
  heading: string;
  fields: (d: FormData) => Record<string, unknown>;
  children: ReactNode;
}) {
  const t = useTranslations("humanImpact");
  return (
    <ApiForm
      key={correcting?.id}
      url={url}
      submit={correcting ? t("recordCorrection") : submit}
      done={correcting ? t("correctionRecorded") : done}
      then={correcting?.list}
      queue={{ subject, label: (d) => optional(d, "place") ?? "" }}
      attachTo={{ subjectType: subject, idOf: (answer) => answer.id }}
      toBody={(d) =>
        withCorrection(d, correcting, {
          governorate: optional(d, "governorate"),
          place: optional(d, "place"),
          ...fields(d),
        })
      }
    >
      <h2 id="record">{correcting ? correcting.title : heading}</h2>
      {children}
      {correcting && <CorrectionFields correcting={correcting} />}
    </ApiForm>
  );
}

/** The governorates the record may be in, and the record it corrects, if it corrects one. */
type RecordFormProps = { governorates: readonly Governorate[]; correcting?: Correcting };

/** A partner records an EORE session it delivered, or corrects one. */
export function RiskEducationForm({ governorates, correcting }: RecordFormProps) {
  const t = useTranslations("humanImpact");
  const values = correcting?.values;
  return (
    <HumanImpactRecordForm
      url="/api/risk-education"
      correcting={correcting}
      submit={t("recordSession")}
      done={t("sessionRecorded")}
      heading={t("newSession")}
      subject="eoreSession"
      fields={(d) => ({ heldOn: optional(d, "heldOn"), ...people(d, "") })}
    >
      <WhenAndWhere date="heldOn" governorates={governorates} values={values} />
      <PeopleFields legend={t("beneficiaries")} prefix="" values={values} />
    </HumanImpactRecordForm>
  );
}

/** An authority records an explosive ordnance accident in one of its governorates, or corrects one. */
export function CasualtyForm({ governorates, correcting }: RecordFormProps) {
  const t = useTranslations("humanImpact");
  const values = correcting?.values;
  return (
    <HumanImpactRecordForm
      url="/api/casualties"
      correcting={correcting}
      submit={t("recordAccident")}
      done={t("accidentRecorded")}
      heading={t("newAccident")}
      subject="accident"
      fields={(d) => ({ occurredOn: optional(d, "occurredOn"), ...accidentFields(d) })}
    >
      <WhenAndWhere date="occurredOn" governorates={governorates} values={values} />
      <DeviceChecks values={correcting?.accident} />
      <LocationFields values={correcting?.accident} />
      <CasualtyGroups values={correcting?.accident} />
    </HumanImpactRecordForm>
  );
}
