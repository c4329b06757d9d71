"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { apiErrorFrom, errorLines } from "@/components/api-client";
import { ErrorList } from "@/components/ui/error-list";
import { FilePicker } from "@/components/ui/file-picker";
import { type ImportField, type ImportMapping, REGISTER_FIELDS, RELEASE_FIELDS } from "@/lib/domain/register-import";
import { formatM2 } from "@/lib/i18n/format";
import { CONTAMINATION_TYPES, LAND_USES } from "@/lib/schemas/hazard-area";
import { MappingChoice, SaveMapping } from "./register-import-mappings";
import { ImportProblems, type ShownProblem } from "./register-import-problems";

type Preview = {
  id: string;
  rows: number;
  accepted: number;
  overlapping: number;
  acceptedM2: number;
  /** A file of past releases: what its accepted rows count as released, what was already released, what lies outside. */
  countedM2?: number;
  alreadyReleasedM2?: number;
  outsideM2?: number;
  problems: (ShownProblem & { value?: string })[];
  columns: string[];
  mapping: ImportMapping;
};

export type ImportKind = "hazard-areas" | "releases";

/** The register's values a file's word can be mapped to, field by field (an operator: an organisation's name). */
const choicesFor = (operators: readonly string[]): Partial<Record<ImportField, readonly string[]>> => ({
  kind: ["SHA", "CHA"],
  contamination: CONTAMINATION_TYPES,
  landUse: LAND_USES,
  method: ["CANCELLED", "REDUCED", "CLEARED"],
  operator: operators,
});

/**
 * A file of hazardous areas, or of past releases on registered areas, sent to
 * be read and checked on the server (nothing registered): its columns mapped
 * to the register's fields, its unknown words mapped to the register's
 * values, checked again until the user is content, then opened for review
 * and commit.
 */
export function RegisterImportUpload({ operators }: { operators: readonly string[] }) {
  const t = useTranslations("registerImport");
  const tContamination = useTranslations("contamination");
  const tLand = useTranslations("landUse");
  const tMethod = useTranslations("method");
  const [kind, setKind] = useState<ImportKind>("hazard-areas");
  const fields: readonly ImportField[] = kind === "releases" ? RELEASE_FIELDS : REGISTER_FIELDS;
  const CHOICES = choicesFor(operators);
  const locale = useLocale();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [zone, setZone] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string[] | null>(null);
  const [columns, setColumns] = useState<string[] | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({ fields: {}, values: {} });
  const [preview, setPreview] = useState<Preview | null>(null);
  // A saved mapping chosen before the first check is sent with it; otherwise the server recognises the columns.
  const [startFrom, setStartFrom] = useState<ImportMapping | null>(null);

  async function check(withMapping: ImportMapping | null) {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    // A new check replaces the last: the preview it made is discarded, not left waiting.
    if (preview) await fetch(`/api/imports/${preview.id}/withdraw`, { method: "POST" }).catch(() => undefined);
    setPreview(null);
    const body = new FormData();
    body.set("file", file);
    body.set("kind", kind);
    if (zone) body.set("crs", `EPSG:326${zone}`);
    if (withMapping) body.set("mapping", JSON.stringify(withMapping));
    if (withMapping && withMapping === startFrom) body.set("savedMapping", "true");
    try {
      const res = await fetch("/api/imports", { method: "POST", body });
      const json = await res.json().catch(() => null);
      if (res.ok) {
        const p = json as Preview;
        setPreview(p);
        setColumns(p.columns);
        setMapping(p.mapping);
      } else {
        const error = apiErrorFrom(json, `HTTP ${res.status}`);
        const details = error.details as unknown as { columns?: string[]; mapping?: ImportMapping } | undefined;
        if (details?.columns) {
          setColumns(details.columns);
          if (details.mapping) setMapping(details.mapping);
        }
        setFailure(errorLines(error));
      }
    } catch {
      setFailure([t("network")]);
    } finally {
      setBusy(false);
    }
  }

  const unknown = new Map<string, { field: ImportField; value: string; rows: number }>();
  for (const p of preview?.problems ?? [])
    if ((p.code === "UNKNOWN_VALUE" || p.code === "UNKNOWN_OPERATOR") && p.value !== undefined && p.field in CHOICES) {
      const key = `${p.field}\u0000${p.value}`;
      const seen = unknown.get(key) ?? { field: p.field as ImportField, value: p.value, rows: 0 };
      seen.rows++;
      unknown.set(key, seen);
    }
  const label = (field: ImportField, value: string) =>
    field === "contamination"
      ? tContamination(value)
      : field === "landUse"
        ? tLand(value)
        : field === "method"
          ? tMethod(value)
          : value;
  const forget = () => {
    setPreview(null);
    setColumns(null);
    setFailure(null);
    setMapping({ fields: {}, values: {} });
  };

  return (
    <div className="report-form">
      <label>
        {t("kindLabel")}
        <select
          name="kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as ImportKind);
            setStartFrom(null);
            forget();
          }}
        >
          <option value="hazard-areas">{t("kinds.hazardAreas")}</option>
          <option value="releases">{t("kinds.releases")}</option>
        </select>
      </label>
      {kind === "releases" && <p className="note">{t("releasesIntro")}</p>}
      <FilePicker
        label={t(kind === "releases" ? "releasesFile" : "file")}
        accept=".zip,.gpkg,.geojson,.json,.kml,.kmz,.csv,.xlsx"
        onFile={(f) => {
          setFile(f);
          forget();
        }}
      />
      <label>
        {t("utmZone")}
        <select value={zone} onChange={(e) => setZone(e.target.value)}>
          <option value="">{t("zoneFromFile")}</option>
          <option value="37">UTM 37N (EPSG:32637)</option>
          <option value="38">UTM 38N (EPSG:32638)</option>
        </select>
      </label>
      {!columns && <MappingChoice key={kind} kind={kind} onChoose={setStartFrom} />}
      <button type="button" disabled={!file || busy} onClick={() => void check(columns ? mapping : startFrom)}>
        {t("check")}
      </button>
      {busy && file && (
        <p role="status" className="note">
          {t("checking", { name: file.name })}
        </p>
      )}
      {failure && <ErrorList messages={failure} />}

      {columns && (
        <section className="card" data-testid="import-mapping">
          <h2>{t("mapping")}</h2>
          <p className="note">{t(kind === "releases" ? "releasesMappingIntro" : "mappingIntro")}</p>
          {fields.map((field) => (
            <label key={field}>
              {t(`fields.${field}`)}
              <select
                name={`column-${field}`}
                value={mapping.fields[field] ?? ""}
                onChange={(e) =>
                  setMapping((m) => ({ ...m, fields: { ...m.fields, [field]: e.target.value || undefined } }))
                }
              >
                <option value="">{t("noColumn")}</option>
                {columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <SaveMapping mapping={mapping} />
        </section>
      )}

      {unknown.size > 0 && (
        <section className="card" data-testid="import-values">
          <h2>{t("values")}</h2>
          <p className="note">{t("valuesIntro")}</p>
          {[...unknown.values()].map((u) => (
            <label key={`${u.field}:${u.value}`}>
              {t(`fields.${u.field}`)}: “{u.value}” ({t("rowsWith", { count: u.rows })})
              <select
                value={mapping.values[u.field]?.[u.value] ?? ""}
                onChange={(e) =>
                  setMapping((m) => ({
                    ...m,
                    values: { ...m.values, [u.field]: { ...m.values[u.field], [u.value]: e.target.value } },
                  }))
                }
              >
                <option value="">{t("chooseValue")}</option>
                {CHOICES[u.field]!.map((v) => (
                  <option key={v} value={v}>
                    {label(u.field, v)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </section>
      )}
      {columns && (
        <button type="button" className="secondary" disabled={!file || busy} onClick={() => void check(mapping)}>
          {t("checkAgain")}
        </button>
      )}

      {preview && (
        <section className="card" data-testid="import-preview">
          <p role="status">
            {preview.countedM2 === undefined
              ? t("summary", {
                  rows: preview.rows,
                  accepted: preview.accepted,
                  area: formatM2(preview.acceptedM2, locale),
                  problems: preview.problems.length,
                })
              : t("releasesSummary", {
                  rows: preview.rows,
                  accepted: preview.accepted,
                  counted: formatM2(preview.countedM2, locale),
                  already: formatM2(preview.alreadyReleasedM2 ?? 0, locale),
                  outside: formatM2(preview.outsideM2 ?? 0, locale),
                  problems: preview.problems.length,
                })}
          </p>
          {preview.overlapping > 0 && <p className="note">{t("overlappingNote", { count: preview.overlapping })}</p>}
          <ImportProblems problems={preview.problems} importId={preview.id} />
          {preview.accepted > 0 ? (
            <button type="button" onClick={() => router.push(`/hazard-areas/import?id=${preview.id}`)}>
              {t("review")}
            </button>
          ) : (
            <p>{t(kind === "releases" ? "nothingReleases" : "nothing")}</p>
          )}
        </section>
      )}
    </div>
  );
}
