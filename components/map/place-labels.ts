// Town and village names on the field map, offline. MapLibre's symbol labels
// would need glyph files from a glyphs URL, which an offline installation
// does not have; Noto Sans Arabic's glyph ranges alone weigh megabytes. The
// gazetteer holds about 150 places, of which a view shows at most a few
// dozen, so the names are HTML markers drawn in the page's own fonts (which
// already shape Arabic and Sorani), added and removed as the view moves.
"use client";

import type { Map as MapLibreMap, Marker } from "maplibre-gl";
import { useEffect, useState } from "react";
import { type PlaceLanguage, type PlaceRow, placeName, placesInView } from "@/lib/geo/places";

export type MapLibreModule = typeof import("maplibre-gl");
export type MapHandle = { map: MapLibreMap; maplibre: MapLibreModule };

let gazetteer: Promise<PlaceRow[]> | undefined;
/** The shipped gazetteer, fetched once per page (served by this app, so it works offline). */
function loadPlaces(): Promise<PlaceRow[]> {
  gazetteer ??= fetch("/basemap/iraq-places.json")
    .then((r) => (r.ok ? (r.json() as Promise<{ places: PlaceRow[] }>) : { places: [] }))
    .then((body) => body.places)
    .catch(() => {
      gazetteer = undefined;
      return [];
    });
  return gazetteer;
}

export function usePlaces(): PlaceRow[] | null {
  const [places, setPlaces] = useState<PlaceRow[] | null>(null);
  useEffect(() => {
    let live = true;
    loadPlaces().then((rows) => live && setPlaces(rows));
    return () => {
      live = false;
    };
  }, []);
  return places;
}

/** Keeps a marker for each place the view shows at its zoom (lib/geo/places.ts decides which). */
export function usePlaceLabels(handle: MapHandle | null, places: PlaceRow[] | null, language: PlaceLanguage) {
  useEffect(() => {
    if (!handle || !places?.length) return;
    const { map, maplibre } = handle;
    const markers = new Map<string, Marker>();
    const update = () => {
      const b = map.getBounds();
      const shown = placesInView(places, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], map.getZoom());
      const keep = new Set<string>();
      for (const row of shown) {
        const key = `${row[0]},${row[1]}`;
        keep.add(key);
        if (markers.has(key)) continue;
        const element = document.createElement("span");
        element.className = `map-place map-place-${row[3] <= 1 ? "major" : "minor"}`;
        element.textContent = placeName(row, language);
        element.dataset.place = row[4];
        // The nearest town is written out under the map; labels are for the eye.
        element.setAttribute("aria-hidden", "true");
        markers.set(key, new maplibre.Marker({ element, anchor: "bottom" }).setLngLat([row[0], row[1]]).addTo(map));
      }
      for (const [key, marker] of markers) {
        if (keep.has(key)) continue;
        marker.remove();
        markers.delete(key);
      }
    };
    update();
    map.on("moveend", update);
    return () => {
      map.off("moveend", update);
      for (const marker of markers.values()) marker.remove();
    };
  }, [handle, places, language]);
}
