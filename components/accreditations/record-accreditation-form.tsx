"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postJson } from "@/components/api-client";
import { ErrorList } from "@/components/ui/error-list";
import { announce } from "@/components/ui/notice";
import { Options } from "@/components/ui/options";
import { submitWith } from "@/components/ui/submit-with";
import { ACCREDITATION_SCOPES } from "@/lib/domain/accreditation";

/** An authority records an accreditation it issued to an operator: kinds of work, period and certificate number. */
export function RecordAccreditationForm({ operators }: { operators: { id: string; name: string }[] }) {
  const t = useTranslations("accreditations");
  const router = useRouter();
  const [errors, setErrors] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setErrors(null);
    const res = await postJson<{ id: string; reference: string }>("/api/accreditations", {
      operatorId: String(data.get("operatorId") ?? ""),
      scopes: data.getAll("scopes").map(String),
      validFrom: String(data.get("validFrom") ?? ""),
      validTo: String(data.get("validTo") ?? ""),
      reference: String(data.get("reference") ?? ""),
    });
    setBusy(false);
    if (!res.ok) return setErrors(res.messages);
    form.reset();
    announce(t("recorded", { reference: res.body.reference }));
    router.refresh();
  }

  return (
    <form className="report-form card" aria-labelledby="record-accreditation" onSubmit={submitWith(submit)}>
      <h2 id="record-accreditation">{t("record")}</h2>
      <div className="grid-fields">
        <label>
          {t("operator")}
          <select name="operatorId" required>
            <Options choices={operators.map((o) => ({ value: o.id, label: o.name }))} />
          </select>
        </label>
        <label>
          {t("reference")}
          <input name="reference" required maxLength={80} dir="ltr" />
        </label>
        <label>
          {t("validFrom")}
          <input name="validFrom" type="date" required />
        </label>
        <label>
          {t("validTo")}
          <input name="validTo" type="date" required />
        </label>
      </div>
      <fieldset>
        <legend>{t("scopes")}</legend>
        {ACCREDITATION_SCOPES.map((s) => (
          <label key={s} className="inline">
            <input type="checkbox" name="scopes" value={s} /> {t(`scope.${s}`)}
          </label>
        ))}
      </fieldset>
      <ErrorList messages={errors} />
      <button type="submit" disabled={busy}>
        {t("submit")}
      </button>
    </form>
  );
}
