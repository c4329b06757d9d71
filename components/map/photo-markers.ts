// Attached photos on the field map: a camera marker where each was taken (its
// EXIF GPS), titled with its file name and time, beside the report's polygon.
import type { Map as MapLibreMap, Marker } from "maplibre-gl";

export type PhotoPoint = { id: string; lon: number; lat: number; label: string };

/** Puts a marker for each photo on the map; the function returned takes them off. */
export function showPhotos(map: MapLibreMap, photos: readonly PhotoPoint[]): () => void {
  let markers: Marker[] = [];
  let removed = false;
  void import("maplibre-gl").then(({ Marker }) => {
    if (removed) return;
    markers = photos.map((p) => {
      const element = document.createElement("span");
      element.className = "photo-marker";
      element.setAttribute("role", "img");
      element.setAttribute("aria-label", p.label);
      element.title = p.label;
      element.dataset.photo = p.id;
      element.textContent = "📷";
      return new Marker({ element }).setLngLat([p.lon, p.lat]).addTo(map);
    });
  });
  return () => {
    removed = true;
    for (const m of markers) m.remove();
  };
}
