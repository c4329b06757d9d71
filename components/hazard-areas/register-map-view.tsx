"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { getJson } from "@/components/api-client";
import { type BasemapSettings, FieldMap } from "@/components/map/field-map";
import type { HazardStatus } from "@/lib/colours";
import { cellStatus, type RegisterMap } from "@/lib/domain/register-map";
import { formatCount } from "@/lib/i18n/format";
import { CONTAMINATION_TYPES } from "@/lib/schemas/hazard-area";

const STATUSES = ["open", "partial", "released"] as const satisfies readonly HazardStatus[];
const STATUS_LABEL = { open: "hazardOpen", partial: "hazardPartial", released: "hazardReleased" } as const;

/**
 * An authority's register on a map: what the view holds, with the
 * contamination and partner chosen, is asked of the server after each move
 * or change (the newest wins), each area drawn when zoomed in to a district,
 * counted in circles further out. The status filter takes the areas of the
 * statuses left unticked off the map and out of the circles' counts.
 */
export function RegisterMapView({
  basemap,
  partners,
}: {
  basemap: BasemapSettings;
  partners: readonly { id: string; name: string }[];
}) {
  const t = useTranslations("registerMap");
  const tMap = useTranslations("map");
  const tCont = useTranslations("contamination");
  const locale = useLocale();
  const router = useRouter();
  const [register, setRegister] = useState<RegisterMap | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [shown, setShown] = useState<ReadonlySet<HazardStatus>>(new Set(STATUSES));
  const [showReleased, setShowReleased] = useState(true);
  const [contamination, setContamination] = useState("");
  const [partner, setPartner] = useState("");
  const [view, setView] = useState<{ bbox: [number, number, number, number]; zoom: number } | null>(null);
  const onView = useCallback((bbox: [number, number, number, number], zoom: number) => setView({ bbox, zoom }), []);

  // The newest view and filters win: an earlier answer still on its way is dropped.
  useEffect(() => {
    if (!view) return;
    const controller = new AbortController();
    const query = new URLSearchParams({
      bbox: view.bbox.map((v) => v.toFixed(5)).join(","),
      zoom: view.zoom.toFixed(2),
      ...(contamination ? { contamination } : {}),
      ...(partner ? { partner } : {}),
    });
    getJson<RegisterMap>(`/api/hazard-areas/map?${query}`, { signal: controller.signal }).then(
      (answer) => {
        setFailed(null);
        setRegister(answer);
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setFailed(err instanceof Error ? err.message : String(err));
      },
    );
    return () => controller.abort();
  }, [view, contamination, partner]);

  const areas = useMemo(
    () => (register?.level === "areas" ? register.features.filter((f) => shown.has(f.properties.status)) : undefined),
    [register, shown],
  );
  // A cell counts, and is coloured by, only the areas of the statuses shown, and goes when none is.
  const cells = useMemo(
    () =>
      register?.level === "cells"
        ? register.features.flatMap((f) => {
            const status = cellStatus(f.properties.byStatus, shown);
            if (!status) return [];
            const areas = STATUSES.reduce((n, s) => n + (shown.has(s) ? f.properties.byStatus[s] : 0), 0);
            return [{ ...f, properties: { areas, status } }];
          })
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
        <label className="checkbox">
          <input type="checkbox" checked={showReleased} onChange={(e) => setShowReleased(e.target.checked)} />
          {t("releasedLand")}
        </label>
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
        <label>
          {t("partner")}
          <select value={partner} onChange={(e) => setPartner(e.target.value)}>
            <option value="">{t("anyPartner")}</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
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
      </p>
      <FieldMap
        basemap={basemap}
        hazards={areas}
        released={showReleased && register?.level === "areas" ? register.released : undefined}
        cells={cells}
        onView={onView}
        onOpenHazard={(id) => router.push(`/hazard-areas/${id}`)}
        label={t("mapLabel")}
      />
    </>
  );
}
