"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { getJson, postJson } from "@/components/api-client";
import { ErrorList } from "@/components/ui/error-list";
import { announce } from "@/components/ui/notice";
import { Options } from "@/components/ui/options";
import { submitWith } from "@/components/ui/submit-with";
import { TASK_WORK_SCOPES } from "@/lib/domain/accreditation";
import { formatCount, formatM2 } from "@/lib/i18n/format";
import { PriorityField } from "./priority-field";

type HazardAreaChoice = { id: string; code: string; name: string; areaM2: number; releasedM2: number };

type Props = {
  /** The first choices (highest priority, and the preselected area); the search fetches others from GET /api/hazard-areas. */
  hazardAreas: HazardAreaChoice[];
  /** How many matches the search answers with at most (the server's HAZARD_AREA_CHOICES). */
  choiceLimit: number;
  /** The operators, each with the kinds of work the caller's authority accredits it for today. */
  partners: { id: string; name: string; accreditedScopes: string[] }[];
  grants: { id: string; code: string; title: string; partnerId: string | null; donor: string }[];
  preselected?: string;
};

/** An authority issues a task order: hazardous areas, partner, priority, planned dates and the grants funding it. */
export function TaskForm({ hazardAreas, choiceLimit, partners, grants, preselected }: Props) {
  const t = useTranslations("taskForm");
  const tNotice = useTranslations("notices");
  const locale = useLocale();
  const router = useRouter();
  const tA = useTranslations("accreditations");
  const [scopes, setScopes] = useState<string[]>(["CLEARANCE"]);
  // Only operators accredited for all the work asked are offered; the server refuses others, naming what is missing.
  const offered = partners.filter((p) => scopes.every((s) => p.accreditedScopes.includes(s)));
  const [chosenPartner, setPartnerId] = useState("");
  const partnerId = offered.some((p) => p.id === chosenPartner) ? chosenPartner : "";
  const [errors, setErrors] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const available = grants.filter((g) => !g.partnerId || g.partnerId === partnerId);
  const [query, setQuery] = useState("");
  const [found, setFound] = useState(hazardAreas);
  const [chosen, setChosen] = useState<HazardAreaChoice[]>(hazardAreas.filter((h) => h.id === preselected));
  const [searchFailed, setSearchFailed] = useState(false);

  // Searching as the authority types, a quarter of a second after the last key, the latest answer only.
  useEffect(() => {
    if (!query.trim()) return setFound(hazardAreas);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson<{ items: HazardAreaChoice[] }>(`/api/hazard-areas?q=${encodeURIComponent(query)}`, {
        signal: controller.signal,
      })
        .then((b) => {
          setFound(b.items);
          setSearchFailed(false);
        })
        .catch((err: Error) => err.name !== "AbortError" && setSearchFailed(true));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, hazardAreas]);
  const toggle = (h: HazardAreaChoice, on: boolean) =>
    setChosen((c) => (on ? [...c.filter((x) => x.id !== h.id), h] : c.filter((x) => x.id !== h.id)));
  const areaLabel = (h: HazardAreaChoice) =>
    `${h.code} · ${h.name} (${t("remaining", { area: formatM2(Math.max(0, h.areaM2 - h.releasedM2), locale) })})`;

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const str = (k: string) => (data.get(k) ? String(data.get(k)) : undefined);
    setBusy(true);
    setErrors(null);
    const res = await postJson<{ id: string; code: string }>("/api/tasks", {
      title: str("title"),
      hazardAreaIds: data.getAll("hazardAreaIds").map(String),
      partnerId: partnerId || undefined,
      workScopes: scopes.map((s) => s.toLowerCase()),
      priority: Number(data.get("priority")),
      plannedStart: str("plannedStart"),
      plannedEnd: str("plannedEnd"),
      grants: data
        .getAll("grantIds")
        .map((id) => ({ grantId: String(id), shareBp: Math.round(Number(data.get(`share-${String(id)}`)) * 100) })),
    });
    setBusy(false);
    if (!res.ok) return setErrors(res.messages);
    const partner = partners.find((p) => p.id === partnerId);
    announce(
      partner
        ? tNotice("taskIssuedTo", { code: res.body.code, partner: partner.name })
        : tNotice("taskIssued", { code: res.body.code }),
      `/tasks/${res.body.id}`,
    );
    router.push(`/tasks/${res.body.id}`);
  }

  return (
    <form className="report-form" onSubmit={submitWith(submit)}>
      <div className="grid-fields">
        <label>
          {t("title")}
          <input name="title" required minLength={3} maxLength={200} />
        </label>
        <label>
          {t("partner")}
          <select value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
            <option value="">{t("planOnly")}</option>
            <Options choices={offered.map((p) => ({ value: p.id, label: p.name }))} />
          </select>
        </label>
        <p className="note">{offered.length ? tA("accreditedOnly") : tA("noneAccredited")}</p>
        <PriorityField name="priority" label={t("priority", { highest: formatCount(1, locale) })} />
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
        <legend>{tA("workScopes")}</legend>
        {TASK_WORK_SCOPES.map((s) => (
          <label key={s} className="inline">
            <input
              type="checkbox"
              name="workScopes"
              value={s}
              checked={scopes.includes(s)}
              onChange={(e) => setScopes((c) => (e.target.checked ? [...c, s] : c.filter((x) => x !== s)))}
            />{" "}
            {tA(`scope.${s}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("hazardAreas")}</legend>
        {chosen.map((h) => (
          <label key={h.id} className="block">
            <input type="checkbox" name="hazardAreaIds" value={h.id} checked onChange={() => toggle(h, false)} />{" "}
            {areaLabel(h)}
          </label>
        ))}
        <label className="block">
          {t("findAreas")}
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("findPlaceholder")}
          />
        </label>
        {searchFailed && <p className="note">{t("searchFailed")}</p>}
        {found.length === 0 && <p className="note">{query.trim() ? t("noMatch") : t("noAreas")}</p>}
        {found
          .filter((h) => !chosen.some((c) => c.id === h.id))
          .map((h) => (
            <label key={h.id} className="block">
              <input type="checkbox" checked={false} onChange={() => toggle(h, true)} /> {areaLabel(h)}
            </label>
          ))}
        {found.length >= choiceLimit && <p className="note">{t("moreAreas", { count: choiceLimit })}</p>}
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
              <input
                className="share"
                name={`share-${g.id}`}
                type="number"
                min={0.01}
                max={100}
                step={0.01}
                defaultValue={100}
              />
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
