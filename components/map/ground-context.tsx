"use client";

import type { Marker } from "maplibre-gl";
import { useLocale, useTranslations } from "next-intl";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { readout } from "@/lib/geo/coordinates/format";
import { parseCoordinate } from "@/lib/geo/coordinates/parse";
import { nearestPlace, type PlaceLanguage, placeName } from "@/lib/geo/places";
import { formatDecimal } from "@/lib/i18n/format";
import { languageOf } from "@/lib/i18n/locales";
import { type MapHandle, usePlaceLabels, usePlaces } from "./place-labels";

type Point = { lonDeg: number; latDeg: number };

/**
 * The point the readout describes: under the mouse where there is one, else
 * the map's centre (touch screens have no hover; a cross marks the centre).
 * Also writes the centre and zoom on the map element, for tests and tools.
 */
function useReadoutPoint(handle: MapHandle | null): { point: Point | null; pointer: boolean } {
  const [pointer, setPointer] = useState<Point | null>(null);
  const [centre, setCentre] = useState<Point | null>(null);
  useEffect(() => {
    if (!handle) return;
    const { map } = handle;
    const hover = window.matchMedia("(hover: hover)").matches;
    let frame = 0;
    const onCentre = () => {
      const c = map.getCenter();
      setCentre({ lonDeg: c.lng, latDeg: c.lat });
      const container = map.getContainer();
      container.dataset.centre = `${c.lng},${c.lat}`;
      container.dataset.zoom = String(map.getZoom());
    };
    // One update per frame: a mouse reports far more moves than a screen shows.
    const onMove = (e: { lngLat: { lng: number; lat: number } }) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setPointer({ lonDeg: e.lngLat.lng, latDeg: e.lngLat.lat }));
    };
    const onLeave = () => {
      cancelAnimationFrame(frame);
      setPointer(null);
    };
    onCentre();
    map.on("move", onCentre);
    if (hover) {
      map.on("mousemove", onMove);
      map.getCanvas().addEventListener("mouseleave", onLeave);
    }
    return () => {
      cancelAnimationFrame(frame);
      map.off("move", onCentre);
      map.off("mousemove", onMove);
      map.getCanvas().removeEventListener("mouseleave", onLeave);
    };
  }, [handle]);
  return { point: pointer ?? centre, pointer: pointer !== null };
}

/**
 * Ground context under a field map: town names on the map, the coordinates of
 * the point under the pointer (or of the centre) as lat/lon, UTM and MGRS,
 * the nearest town, and a box that centres the map on a typed coordinate.
 * Coordinates stay in Latin digits (lib/geo/coordinates/format.ts says why).
 */
export function GroundContext({ handle }: { handle: MapHandle | null }) {
  const t = useTranslations("map");
  const locale = useLocale();
  const language = languageOf(locale) as PlaceLanguage;
  const places = usePlaces();
  usePlaceLabels(handle, places, language);
  const { point, pointer } = useReadoutPoint(handle);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const marker = useRef<Marker | null>(null);
  const id = useId();
  useEffect(() => () => void marker.current?.remove(), []);

  const coordinates = point ? readout(point.lonDeg, point.latDeg) : null;
  const near = point && places?.length ? nearestPlace(places, point.lonDeg, point.latDeg) : null;

  const go = () => {
    if (!handle) return;
    const parsed = parseCoordinate(typed);
    if (!parsed.ok) {
      setDone(null);
      setError(t(`goto.${parsed.code}`, parsed.values ?? {}));
      return;
    }
    setError(null);
    const { map, maplibre } = handle;
    const at: [number, number] = [parsed.lonDeg, parsed.latDeg];
    marker.current?.remove();
    marker.current = new maplibre.Marker({ color: "#b3261e" }).setLngLat(at).addTo(map);
    map.jumpTo({ center: at, zoom: Math.max(map.getZoom(), 15) });
    setDone(t("gotoDone", { point: readout(at[0], at[1]).latLon }));
  };
  // The map often sits inside a report's form: Enter here goes to the point and must not submit the report.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    go();
  };

  return (
    <div className="ground-context" data-pointer={pointer ? "true" : "false"}>
      {coordinates && (
        <section className="coordinate-readout" aria-label={t("readoutLabel")} data-testid="coordinate-readout">
          <h3>{pointer ? t("readoutPointer") : t("readoutCentre")}</h3>
          <dl>
            <dt>{t("latLon")}</dt>
            <dd dir="ltr" data-testid="readout-latlon">
              {coordinates.latLon}
            </dd>
            <dt>{t("utm")}</dt>
            <dd dir="ltr" data-testid="readout-utm">
              {coordinates.utm}
            </dd>
            <dt>{t("mgrs")}</dt>
            <dd dir="ltr" data-testid="readout-mgrs">
              {coordinates.mgrs}
            </dd>
            {near && (
              <>
                <dt>{t("nearestLabel")}</dt>
                <dd data-testid="readout-nearest">
                  {t("nearest", {
                    name: placeName(near.row, language),
                    distance: formatDecimal(Math.round(near.distanceM / 100) / 10, locale),
                    direction: t(`compass${near.direction}`),
                  })}
                </dd>
              </>
            )}
          </dl>
        </section>
      )}
      <div className="goto">
        <label htmlFor={`${id}-goto`}>{t("gotoLabel")}</label>
        <p className="note" id={`${id}-hint`}>
          {t("gotoHint")}
        </p>
        <div className="goto-row">
          <input
            id={`${id}-goto`}
            type="text"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={onKeyDown}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          />
          <button type="button" onClick={go} disabled={!handle}>
            {t("gotoButton")}
          </button>
        </div>
        {error && (
          <p className="error" id={`${id}-error`} role="alert" data-testid="goto-error">
            {error}
          </p>
        )}
        <p className="note" aria-live="polite">
          {done}
        </p>
      </div>
    </div>
  );
}
