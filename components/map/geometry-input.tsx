"use client";

import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FilePicker } from "@/components/ui/file-picker";
import { checkFailedProblem, type GeometryProblem } from "@/lib/geo/errors";
import { typedTurningPointsCsv } from "@/lib/geo/read/csv";
import { DEFAULT_READ_LIMITS } from "@/lib/geo/read/types";
import { formatArea, formatCount } from "@/lib/i18n/format";
import { languageOf } from "@/lib/i18n/locales";
import { type Areal, type BasemapSettings, FieldMap, type MapLayers } from "./field-map";
import type { GeometrySource, Repaired } from "./geometry-check";

type Props = MapLayers & {
  basemap: BasemapSettings;
  label: string;
  /** The uploaded file's polygons once read, drawn dashed on the map. */
  uploaded?: FeatureCollection;
  /** Draw `uploaded` whatever the source (a repaired shape the user confirmed). */
  showUploaded?: boolean;
  onSource: (source: GeometrySource | null) => void;
};

/**
 * Where a polygon comes from: drawn on the map, or a field GPS file
 * (GeoJSON, KML, GPX, zipped shapefile, CSV of turning points), with the UTM
 * zone for projected coordinates that do not say theirs.
 */
export function GeometryInput({
  basemap,
  label,
  uploaded,
  repaired,
  showUploaded,
  onSource,
  hazards,
  released,
}: Props) {
  const t = useTranslations("geometryInput");
  const locale = useLocale();
  const [kind, setKind] = useState<"drawn" | "file" | "typed">("drawn");
  const [typed, setTyped] = useState("");
  const [drawn, setDrawn] = useState<Feature<Polygon>[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [utmZone, setUtmZone] = useState<"" | "37" | "38">("");
  const [reset, setReset] = useState(0);

  useEffect(() => {
    const zone = utmZone ? (Number(utmZone) as 37 | 38) : undefined;
    if (kind === "file") onSource(file ? { kind: "file", file, utmZone: zone } : null);
    else if (kind === "typed")
      onSource(
        typed.trim()
          ? {
              kind: "file",
              file: new File([typedTurningPointsCsv(typed, zone)], "turning-points.csv", { type: "text/csv" }),
              utmZone: zone,
            }
          : null,
      );
    else onSource(drawn.length ? { kind: "drawn", polygons: drawn } : null);
  }, [kind, file, typed, utmZone, drawn, onSource]);

  const zoneSelect = (
    <label>
      {t("utmZone")}
      <select value={utmZone} onChange={(e) => setUtmZone(e.target.value as "" | "37" | "38")}>
        <option value="">{t("utmFromFile")}</option>
        <option value="37">UTM 37N (EPSG:32637)</option>
        <option value="38">UTM 38N (EPSG:32638)</option>
      </select>
    </label>
  );

  return (
    <>
      <fieldset>
        <legend>{t("where")}</legend>
        <label className="inline">
          <input type="radio" name="geometry-source" checked={kind === "drawn"} onChange={() => setKind("drawn")} />{" "}
          {t("draw")}
        </label>
        <label className="inline">
          <input type="radio" name="geometry-source" checked={kind === "file"} onChange={() => setKind("file")} />{" "}
          {t("upload")}
        </label>
        <label className="inline">
          <input type="radio" name="geometry-source" checked={kind === "typed"} onChange={() => setKind("typed")} />{" "}
          {t("type")}
        </label>
        {kind === "file" ? (
          <div className="upload">
            <FilePicker label={t("file")} accept=".geojson,.json,.kml,.kmz,.gpx,.zip,.csv,.xlsx" onFile={setFile} />
            {zoneSelect}
            <p className="note">
              {t("fileHelp", { megabytes: formatCount(DEFAULT_READ_LIMITS.maxBytes / 1024 / 1024, locale) })}
            </p>
          </div>
        ) : kind === "typed" ? (
          <div className="upload">
            <label>
              {t("typed")}
              <textarea
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                rows={6}
                dir="ltr"
                spellCheck={false}
                aria-describedby="typed-help"
              />
            </label>
            <p className="note" id="typed-help">
              {t("typedHelp")}
            </p>
            {zoneSelect}
          </div>
        ) : (
          <button type="button" className="secondary" onClick={() => setReset((n) => n + 1)}>
            {t("clearDrawing")}
          </button>
        )}
      </fieldset>
      <FieldMap
        label={label}
        basemap={basemap}
        hazards={hazards}
        released={released}
        submitted={(kind !== "drawn" || showUploaded) && uploaded ? (uploaded.features as Feature<Areal>[]) : undefined}
        repaired={repaired}
        onDraw={kind === "drawn" ? setDrawn : undefined}
        drawResetKey={reset}
      />
    </>
  );
}

type Checked = { ok: boolean; geometry?: FeatureCollection; repaired?: Repaired } | null;

/**
 * What the map shows of a check: while a repair is offered, the shape as read
 * (dashed) with the repair filled over it, so the two can be told apart;
 * else what was read.
 */
export function shownShape(
  check: Checked,
  repairConfirmed: boolean,
): { uploaded?: FeatureCollection; repaired?: Feature<Areal>[]; showUploaded: boolean } {
  if (check && !check.ok && check.repaired)
    return {
      uploaded: check.geometry,
      repaired: [{ type: "Feature", properties: {}, geometry: check.repaired.geometry }],
      showUploaded: true,
    };
  return { uploaded: check?.geometry, showUploaded: repairConfirmed };
}

/** The repaired shape as a source the user confirmed, checked again like any other. */
function repairedSource(repaired: Polygon | MultiPolygon): GeometrySource {
  const parts = repaired.type === "Polygon" ? [repaired.coordinates] : repaired.coordinates;
  return {
    kind: "drawn",
    polygons: parts.map((coordinates) => ({
      type: "Feature",
      properties: {},
      geometry: { type: "Polygon", coordinates },
    })),
  };
}

/**
 * A geometry check's problems, each with where it is; for a boundary that
 * crosses itself, the repaired shape is drawn and offered for confirmation.
 */
export function GeometryProblems({
  problems,
  repaired,
  onUseRepaired,
}: {
  problems: readonly GeometryProblem[];
  repaired?: Repaired;
  onUseRepaired?: (source: GeometrySource) => void;
}) {
  const t = useTranslations("geometryInput");
  const locale = useLocale();
  const language = languageOf(locale);
  return (
    <>
      <ul className="error" role="alert">
        {problems.map((p, i) => (
          <li key={i}>{p.text[language]}</li>
        ))}
      </ul>
      {repaired && onUseRepaired && (
        <button type="button" className="secondary" onClick={() => onUseRepaired(repairedSource(repaired.geometry))}>
          {t("useRepaired", { area: formatArea(repaired.areaM2, locale) })}
        </button>
      )}
    </>
  );
}

/** Runs a lazily loaded check whenever the source changes; stale results are dropped. */
export function useGeometryCheck<T>(
  source: GeometrySource | null,
  run: (check: typeof import("./geometry-check"), source: GeometrySource) => Promise<T>,
  deps: unknown[],
) {
  const [result, setResult] = useState<
    T | { ok: false; problems: GeometryProblem[]; geometry?: FeatureCollection; repaired?: Repaired } | null
  >(null);
  const [checking, setChecking] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: Checks again when the source or a caller's listed dependency changes; `check` itself is a new function each render.
  useEffect(() => {
    let stale = false;
    setResult(null);
    if (!source) return;
    setChecking(true);
    import("./geometry-check")
      .then((check) => run(check, source))
      .then((r) => !stale && setResult(r))
      .catch((err: unknown) => !stale && setResult({ ok: false, problems: [checkFailedProblem(err)] }))
      .finally(() => !stale && setChecking(false));
    return () => {
      stale = true;
    };
  }, [source, ...deps]);
  return { result, checking };
}
