"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { apiErrorFrom, errorLines } from "@/components/api-client";
import { ErrorList } from "@/components/ui/error-list";
import { type ImportMapping, RELEASE_FIELDS } from "@/lib/domain/register-import";

type Saved = { id: string; name: string; mapping: ImportMapping; builtIn: boolean };

/** A mapping of past releases names a release's fields; any other is a mapping of hazardous areas. */
const mapsReleases = (m: ImportMapping) =>
  Object.keys(m.fields).some((f) => (RELEASE_FIELDS as readonly string[]).includes(f) && f !== "sourceReference");

/**
 * The mappings to start a file from (IMSMA NG's built in, then the
 * authority's), those for the kind of file only, chosen before the first check.
 */
export function MappingChoice({
  kind,
  onChoose,
}: {
  kind: "hazard-areas" | "releases";
  onChoose: (mapping: ImportMapping | null) => void;
}) {
  const t = useTranslations("registerImport");
  const [mappings, setMappings] = useState<Saved[]>([]);
  const [chosen, setChosen] = useState("");
  // Shown until a file is first checked, and again for the next file: each time it is shown it reads the list,
  // so a mapping saved meanwhile is offered.
  useEffect(() => {
    void (async () => {
      const res = await fetch("/api/imports/mappings").catch(() => null);
      if (res?.ok)
        setMappings(
          ((await res.json()) as { mappings: Saved[] }).mappings.filter(
            (m) => mapsReleases(m.mapping) === (kind === "releases"),
          ),
        );
    })();
  }, [kind]);
  return (
    <label>
      {t("startFrom")}
      <select
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value);
          onChoose(mappings.find((m) => m.id === e.target.value)?.mapping ?? null);
        }}
      >
        <option value="">{t("recognise")}</option>
        {mappings.map((m) => (
          <option key={m.id} value={m.id}>
            {m.builtIn ? t("builtIn", { name: m.name }) : m.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Keeps the mapping on screen under a name, for the next file of the same source. */
export function SaveMapping({ mapping }: { mapping: ImportMapping }) {
  const t = useTranslations("registerImport");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const [failure, setFailure] = useState<string[] | null>(null);
  async function save() {
    setBusy(true);
    setSaid(null);
    setFailure(null);
    try {
      const res = await fetch("/api/imports/mappings", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, mapping }),
      });
      const json = await res.json().catch(() => null);
      if (!res.ok) setFailure(errorLines(apiErrorFrom(json, `HTTP ${res.status}`)));
      else {
        const saved = json as { name: string; replaced: boolean };
        setSaid(t(saved.replaced ? "mappingReplaced" : "mappingSaved", { name: saved.name }));
      }
    } catch {
      setFailure([t("network")]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="inline-form">
      <label>
        {t("saveAs")}
        <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="button" className="secondary" disabled={busy || !name.trim()} onClick={() => void save()}>
        {t("saveMapping")}
      </button>
      {said && (
        <p role="status" className="note">
          {said}
        </p>
      )}
      {failure && <ErrorList messages={failure} />}
    </div>
  );
}
