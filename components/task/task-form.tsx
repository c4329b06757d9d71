"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { errorMessages } from "@/components/submit-geometry";
import { formatM2 } from "@/lib/i18n/format";
import { ErrorList } from "@/components/ui/error-list";

type Props = {
  hazardAreas: { id: string; code: string; name: string; areaM2: number; releasedM2: number }[];
  partners: { id: string; name: string }[];
  grants: { id: string; code: string; title: string; partnerId: string | null; donor: string }[];
  preselected?: string;
};

/** An authority issues a task order: hazardous areas, partner, priority, planned dates and the grants funding it. */
export function TaskForm({ hazardAreas, partners, grants, preselected }: Props) {
  const t = useTranslations("taskForm");
  const locale = useLocale();
  const router = useRouter();
  const [partnerId, setPartnerId] = useState("");
  const [errors, setErrors] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const available = grants.filter((g) => !g.partnerId || g.partnerId === partnerId);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const str = (k: string) => (data.get(k) ? String(data.get(k)) : undefined);
    setBusy(true);
    setErrors(null);
    const res = await fetch("/api/tasks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        title: str("title"),
        hazardAreaIds: data.getAll("hazardAreaIds").map(String),
        partnerId: partnerId || undefined,
        priority: Number(data.get("priority")),
        plannedStart: str("plannedStart"),
        plannedEnd: str("plannedEnd"),
        grants: data.getAll("grantIds").map((id) => ({ grantId: String(id), shareBp: Math.round(Number(data.get(`share-${String(id)}`)) * 100) })),
      }),
    });
    setBusy(false);
    if (!res.ok) return setErrors(await errorMessages(res));
    const task = (await res.json()) as { id: string };
    router.push(`/tasks/${task.id}`);
  }

  return (
    <form
      className="report-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <div className="grid-fields">
        <label>
          {t("title")}
          <input name="title" required minLength={3} maxLength={200} />
        </label>
        <label>
          {t("partner")}
          <select value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
            <option value="">{t("planOnly")}</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("priority")}
          <input name="priority" type="number" min={1} max={1000} defaultValue={3} required />
        </label>
        <label>
          {t("plannedStart")}
          <input name="plannedStart" type="date" />
        </label>
        <label>
          {t("plannedEnd")}
          <input name="plannedEnd" type="date" />
        </label>
      </div>
      <fieldset>
        <legend>{t("hazardAreas")}</legend>
        {hazardAreas.length === 0 && <p className="note">{t("noAreas")}</p>}
        {hazardAreas.map((h) => (
          <label key={h.id} className="block">
            <input type="checkbox" name="hazardAreaIds" value={h.id} defaultChecked={h.id === preselected} /> {h.code} · {h.name} ({t("remaining", { area: formatM2(Math.max(0, h.areaM2 - h.releasedM2), locale) })})
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("grants")}</legend>
        {available.length === 0 && <p className="note">{t("noGrants")}</p>}
        {available.map((g) => (
          <div key={g.id} className="grant-row">
            <label className="inline">
              <input type="checkbox" name="grantIds" value={g.id} /> {g.code} · {g.title}
            </label>
            <label className="inline">
              {t("share")}
              <input className="share" name={`share-${g.id}`} type="number" min={0.01} max={100} step={0.01} defaultValue={100} />
            </label>
          </div>
        ))}
      </fieldset>
      <ErrorList messages={errors} />
      <button type="submit" disabled={busy}>
        {t("submit")}
      </button>
    </form>
  );
}
