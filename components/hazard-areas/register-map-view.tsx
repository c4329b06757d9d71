"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { getJson } from "@/components/api-client";
import { type BasemapSettings, FieldMap } from "@/components/map/field-map";
import type { HazardStatus } from "@/lib/colours";
import type { RegisterMap } from "@/lib/domain/register-map";
import { formatCount } from "@/lib/i18n/format";
import { CONTAMINATION_TYPES } from "@/lib/schemas/hazard-area";

const STATUSES = ["open", "partial", "released"] as const satisfies readonly HazardStatus[];
const STATUS_LABEL = { open: "hazardOpen", partial: "hazardPartial", released: "hazardReleased" } as const;

/**
 * An authority's register on a map: what the view holds is asked of the
 * server after each move (the newest view wins), each area drawn when zoomed
 * in to a district, counted in circles further out. The status filter takes
 * the areas of the statuses left unticked off the map and out of the circles' counts; the contamination filter
 * applies to the areas drawn one by one, which carry their contamination.
 */
export function RegisterMapView({ basemap }: { basemap: BasemapSettings }) {
  const t = useTranslations("registerMap");
  const tMap = useTranslations("map");
  const tCont = useTranslations("contamination");
  const locale = useLocale();
  const router = useRouter();
  const [register, setRegister] = useState<RegisterMap | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [shown, setShown] = useState<ReadonlySet<HazardStatus>>(new Set(STATUSES));
  const [contamination, setContamination] = useState("");
  const asked = useRef<AbortController | null>(null);

  const onView = useCallback((bbox: [number, number, number, number], zoom: number) => {
    asked.current?.abort();
    const controller = new AbortController();
    asked.current = controller;
    const query = new URLSearchParams({ bbox: bbox.map((v) => v.toFixed(5)).join(","), zoom: zoom.toFixed(2) });
    getJson<RegisterMap>(`/api/hazard-areas/map?${query}`, { signal: controller.signal }).then(
      (answer) => {
        setFailed(null);
        setRegister(answer);
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setFailed(err instanceof Error ? err.message : String(err));
      },
    );
  }, []);
  useEffect(() => () => asked.current?.abort(), []);

  const areas = useMemo(
    () =>
      register?.level === "areas"
        ? register.features.filter(
            (f) =>
              shown.has(f.properties.status) && (!contamination || f.properties.contamination.includes(contamination)),
          )
        : undefined,
    [register, shown, contamination],
  );
  // A cell counts only the areas of the statuses shown, and goes when none is.
  const cells = useMemo(
    () =>
      register?.level === "cells"
        ? register.features
            .map((f) => ({
              ...f,
              properties: {
                ...f.properties,
                areas: STATUSES.reduce((n, s) => n + (shown.has(s) ? f.properties.byStatus[s] : 0), 0),
              },
            }))
            .filter((f) => f.properties.areas > 0)
        : undefined,
    [register, shown],
  );
  const inView = register?.level === "cells" ? cells!.reduce((n, c) => n + c.properties.areas, 0) : areas?.length;

  return (
    <>
      <fieldset className="filters-form">
        <legend>{t("show")}</legend>
        {STATUSES.map((s) => (
          <label key={s} className="checkbox">
            <input
              type="checkbox"
              checked={shown.has(s)}
              onChange={(e) => {
                const next = new Set(shown);
                if (e.target.checked) next.add(s);
                else next.delete(s);
                setShown(next);
              }}
            />
            {tMap(STATUS_LABEL[s])}
          </label>
        ))}
        <label>
          {t("contamination")}
          <select value={contamination} onChange={(e) => setContamination(e.target.value)}>
            <option value="">{t("anyContamination")}</option>
            {CONTAMINATION_TYPES.map((c) => (
              <option key={c} value={c}>
                {tCont(c)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <p role="status" data-testid="register-map-status">
        {failed
          ? t("failed", { reason: failed })
          : register && inView !== undefined
            ? register.level === "areas"
              ? t("areasInView", { count: inView, shown: formatCount(inView, locale) })
              : t(register.reason === "zoom" ? "cellsInView" : "tooManyInView", {
                  count: inView,
                  shown: formatCount(inView, locale),
                })
            : t("loading")}
        {register?.level === "cells" && contamination && ` ${t("contaminationWhenClose")}`}
      </p>
      <FieldMap
        basemap={basemap}
        hazards={areas}
        cells={cells}
        onView={onView}
        onOpenHazard={(id) => router.push(`/hazard-areas/${id}`)}
        label={t("mapLabel")}
      />
    </>
  );
}
