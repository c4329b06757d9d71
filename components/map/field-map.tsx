"use client";

import type { Feature, MultiPolygon, Point, Polygon } from "geojson";
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { type HazardStatus, MAP_COLOURS } from "@/lib/colours";
import { formatDecimal } from "@/lib/i18n/format";
import { directionOf } from "@/lib/i18n/locales";
import { GroundContext } from "./ground-context";
import { bounds, centres, IRAQ } from "./map-bounds";
import { MapLegend } from "./map-legend";
import { type BasemapSettings, collection, PLACES_ATTRIBUTION, style } from "./map-style";
import { type PhotoPoint, showPhotos } from "./photo-markers";
import type { MapHandle } from "./place-labels";

export type Areal = Polygon | MultiPolygon;
export type HazardFeature = Feature<Areal, { code: string; name: string; status: HazardStatus }>;
export type ReleasedFeature = Feature<Areal, { method: "CANCELLED" | "REDUCED" | "CLEARED" | "REOPENED" }>;
export type MapLayers = {
  hazards?: HazardFeature[];
  released?: ReleasedFeature[];
  /** The report under review or being drafted. */
  submitted?: Feature<Areal>[];
  /** A repair of `submitted` on offer: the valid polygons that would be recorded, drawn filled over the dashed original. */
  repaired?: Feature<Areal>[];
  /** Hazardous areas counted in cells (the register at small scales): a dot sized by how many. */
  cells?: Feature<Point, { areas: number; status: HazardStatus }>[];
  /** Where attached photos were taken (their EXIF GPS), as camera markers. */
  photos?: PhotoPoint[];
};
export type { BasemapSettings };

type Props = MapLayers & {
  basemap?: BasemapSettings;
  /** Turns on polygon drawing; called with every finished or edited polygon. */
  onDraw?: (polygons: Feature<Polygon>[]) => void;
  /** Bumped by the caller to clear the drawing. */
  drawResetKey?: number;
  /** Called with the view's bounds (west, south, east, north) and zoom once the map is shown and after each move. */
  onView?: (bbox: [number, number, number, number], zoom: number) => void;
  /** Called with the `id` property of the hazardous area clicked, for areas that carry one. */
  onOpenHazard?: (id: string) => void;
  label: string;
};

let pmtilesRegistered = false;

/**
 * The field map: the offline basemap, hazardous areas coloured by status,
 * released land by method, a report's polygon dashed, and (when onDraw is
 * given) polygon drawing with terra-draw. MapLibre and terra-draw load only
 * in the browser.
 */
export function FieldMap({
  hazards,
  released,
  submitted,
  repaired,
  cells,
  photos,
  basemap,
  onDraw,
  drawResetKey,
  onView,
  onOpenHazard,
  label,
}: Props) {
  const t = useTranslations("map");
  const locale = useLocale();
  const rtl = directionOf(locale) === "rtl";
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const drawRef = useRef<{ clear(): void } | null>(null);
  const onDrawRef = useRef(onDraw);
  const onViewRef = useRef(onView);
  onViewRef.current = onView;
  const onOpenHazardRef = useRef(onOpenHazard);
  onOpenHazardRef.current = onOpenHazard;
  const [ready, setReady] = useState(false);
  const [handle, setHandle] = useState<MapHandle | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  onDrawRef.current = onDraw;
  const drawing = Boolean(onDraw);

  // biome-ignore lint/correctness/useExhaustiveDependencies: The map is built once per mode (drawing or not); layer data is pushed by the effect below.
  useEffect(() => {
    let cancelled = false;
    let map: MapLibreMap | undefined;
    (async () => {
      // The map's styles load with the map, so they do not hold up the first view of the page (bench:slow3g).
      const [maplibre] = await Promise.all([import("maplibre-gl"), import("maplibre-gl/dist/maplibre-gl.css")]);
      if (basemap?.pmtilesUrl) {
        // The PMTiles archive is read by byte ranges through this protocol; registered once per page.
        const { Protocol } = await import("pmtiles");
        if (!pmtilesRegistered) maplibre.addProtocol("pmtiles", new Protocol().tile);
        pmtilesRegistered = true;
      }
      if (cancelled || !container.current) return;
      const data = [...(hazards ?? []), ...(submitted ?? [])];
      try {
        map = new maplibre.Map({
          container: container.current,
          style: style(basemap, window.location.origin),
          bounds: bounds(data, photos) ?? IRAQ,
          fitBoundsOptions: { padding: 40, maxZoom: 17 },
          attributionControl: false,
          locale: {
            "Map.Title": t("title"),
            "NavigationControl.ZoomIn": t("zoomIn"),
            "NavigationControl.ZoomOut": t("zoomOut"),
            "AttributionControl.ToggleAttribution": t("toggleAttribution"),
            "ScaleControl.Meters": t("metres"),
            "ScaleControl.Kilometers": t("kilometres"),
          },
        });
      } catch (err) {
        setFailed(err instanceof Error ? err.message : String(err));
        return;
      }
      // Controls on the reading direction's end side, the scale at its start.
      map.addControl(new maplibre.NavigationControl({ showCompass: false }), rtl ? "top-left" : "top-right");
      map.addControl(new maplibre.ScaleControl({ unit: "metric" }), rtl ? "bottom-right" : "bottom-left");
      map.addControl(
        new maplibre.AttributionControl({ compact: false, customAttribution: PLACES_ATTRIBUTION }),
        rtl ? "bottom-left" : "bottom-right",
      );
      // MapLibre writes the scale's distance in Latin digits: after each of its updates, the page's digits replace them.
      const scaleInPageDigits = () => {
        const scale = container.current?.querySelector(".maplibregl-ctrl-scale");
        if (scale?.textContent)
          scale.textContent = scale.textContent.replace(/\d+(?:\.\d+)?/, (n) => formatDecimal(Number(n), locale));
      };
      map.on("move", scaleInPageDigits);
      await map.once("load");
      if (cancelled) return;
      scaleInPageDigits();
      mapRef.current = map;
      const view = () => {
        const b = map!.getBounds();
        onViewRef.current?.([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], map!.getZoom());
      };
      map.on("moveend", view);
      view();
      // The same area opens from a list beside the map, for keyboards and screen readers.
      map.on("click", "hazards-fill", (e) => {
        const id = e.features?.[0]?.properties?.id;
        if (typeof id === "string") onOpenHazardRef.current?.(id);
      });
      map.on("mouseenter", "hazards-fill", () => {
        if (onOpenHazardRef.current) map!.getCanvas().style.cursor = "pointer";
      });
      map.on("mouseleave", "hazards-fill", () => {
        map!.getCanvas().style.cursor = "";
      });
      if (drawing) {
        const [{ TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode }, { TerraDrawMapLibreGLAdapter }] =
          await Promise.all([import("terra-draw"), import("terra-draw-maplibre-gl-adapter")]);
        if (cancelled) return;
        const draw = new TerraDraw({
          adapter: new TerraDrawMapLibreGLAdapter({ map }),
          modes: [
            new TerraDrawPolygonMode({
              styles: {
                fillColor: MAP_COLOURS.drawn.fill,
                fillOpacity: 0.55,
                outlineColor: MAP_COLOURS.drawn.outline,
                outlineWidth: 2,
              },
            }),
            new TerraDrawSelectMode({
              flags: {
                polygon: {
                  feature: { draggable: true, coordinates: { midpoints: true, draggable: true, deletable: true } },
                },
              },
            }),
          ],
        });
        draw.start();
        draw.setMode("polygon");
        const emit = () => {
          const polygons = draw
            .getSnapshot()
            .filter(
              (f) => f.geometry.type === "Polygon" && !f.properties.currentlyDrawing,
            ) as unknown as Feature<Polygon>[];
          onDrawRef.current?.(polygons.map((f) => ({ type: "Feature", properties: {}, geometry: f.geometry })));
        };
        draw.on("finish", emit);
        draw.on("change", (_ids, type) => type === "delete" && emit());
        drawRef.current = {
          clear: () => {
            draw.clear();
            draw.setMode("polygon");
            emit();
          },
        };
      }
      setReady(true);
      setHandle({ map, maplibre });
    })();
    return () => {
      cancelled = true;
      setHandle(null);
      drawRef.current = null;
      mapRef.current = null;
      map?.remove();
    };
  }, [drawing]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    (map.getSource("hazards") as GeoJSONSource).setData(collection(hazards));
    (map.getSource("hazard-points") as GeoJSONSource).setData(centres(hazards));
    (map.getSource("released") as GeoJSONSource).setData(collection(released));
    (map.getSource("submitted") as GeoJSONSource).setData(collection(submitted));
    (map.getSource("repaired") as GeoJSONSource).setData(collection(repaired));
    (map.getSource("cells") as GeoJSONSource).setData(collection(cells));
  }, [ready, hazards, released, submitted, repaired, cells]);

  useEffect(
    () => (ready && mapRef.current && photos?.length ? showPhotos(mapRef.current, photos) : undefined),
    [ready, photos],
  );

  useEffect(() => {
    if (drawResetKey) drawRef.current?.clear();
  }, [drawResetKey]);

  return (
    <figure className="map-figure">
      {/* biome-ignore lint/a11y/useSemanticElements: MapLibre builds its canvas inside this element; a section would take the page's card styles. */}
      <div ref={container} className="map" role="region" aria-label={label} data-ready={ready ? "true" : "false"} />
      <GroundContext handle={handle} />
      {failed && <p className="error">{t("failed", { reason: failed })}</p>}
      <MapLegend
        hazards={Boolean(hazards?.length || cells?.length)}
        released={Boolean(released?.length)}
        submitted={Boolean(submitted?.length)}
        repaired={Boolean(repaired?.length)}
        photos={Boolean(photos?.length)}
        drawing={drawing}
      />
    </figure>
  );
}
