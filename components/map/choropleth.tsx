"use client";

import type { ExpressionSpecification, Map as MapLibreMap } from "maplibre-gl";
import { useLocale } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { formatArea, formatCount } from "@/lib/i18n/format";

// Viridis, light to dark: ordered in lightness, readable with colour-vision deficiencies.
const CLASSES = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];
const NONE = "#eceff1";

/** Class breaks at the quintiles of the non-zero values. */
function breaks(values: number[]): number[] {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return [1, 2, 3, 4].map((i) => sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / 5))]!);
}

/** Governorates shaded by a figure (remaining contamination), from the shipped boundaries, with a legend of the classes. */
export function Choropleth({ values, label }: { values: Record<string, number>; label: string }) {
  const locale = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const cuts = breaks(Object.values(values));
  const colourOf = (v: number) => (v <= 0 ? NONE : CLASSES[cuts.filter((c) => v >= c).length]!);

  // biome-ignore lint/correctness/useExhaustiveDependencies: Redrawn when the values change, compared by content: a new object with the same figures must not rebuild the map.
  useEffect(() => {
    let map: MapLibreMap | undefined;
    let cancelled = false;
    (async () => {
      // The map's styles load with the map, so they do not hold up the first view of the page (bench:slow3g).
      const [maplibre] = await Promise.all([import("maplibre-gl"), import("maplibre-gl/dist/maplibre-gl.css")]);
      if (cancelled || !container.current) return;
      const fill: ExpressionSpecification = [
        "match",
        ["get", "pcode"],
        ...Object.entries(values).flatMap(([pcode, v]) => [pcode, colourOf(v)]),
        NONE,
      ] as unknown as ExpressionSpecification;
      map = new maplibre.Map({
        container: container.current,
        bounds: [38.79, 29.06, 48.57, 37.38],
        fitBoundsOptions: { padding: 10 },
        attributionControl: { compact: false },
        style: {
          version: 8,
          sources: {
            governorates: {
              type: "geojson",
              data: "/basemap/iraq-governorates.geojson",
              attribution: "Boundaries: OCHA / Iraq CSO (CC BY-IGO 3.0)",
            },
          },
          layers: [
            { id: "background", type: "background", paint: { "background-color": "#dfe7ec" } },
            {
              id: "fill",
              type: "fill",
              source: "governorates",
              paint: { "fill-color": Object.keys(values).length ? fill : NONE, "fill-opacity": 0.85 },
            },
            { id: "line", type: "line", source: "governorates", paint: { "line-color": "#ffffff", "line-width": 1 } },
          ],
        },
      });
      await map.once("load");
      if (!cancelled) setReady(true);
    })();
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [JSON.stringify(values)]);

  const bounds = [0, ...cuts];
  return (
    <figure className="map-figure">
      <div ref={container} className="map" role="img" aria-label={label} data-ready={ready ? "true" : "false"} />
      <figcaption className="legend">
        <span className="map-key">
          <span aria-hidden style={{ background: NONE, borderColor: NONE }} />
          {formatCount(0, locale)}
        </span>
        {cuts.length > 0 &&
          bounds.map((b, i) => (
            <span key={i} className="map-key">
              <span aria-hidden style={{ background: CLASSES[i], borderColor: CLASSES[i] }} />
              {/* Each bound isolated, so a range keeps its order in right-to-left text whatever the digits. */}
              {i < cuts.length ? (
                <>
                  <bdi>{formatArea(b, locale)}</bdi> – <bdi>{formatArea(cuts[i]!, locale)}</bdi>
                </>
              ) : (
                <>
                  ≥ <bdi>{formatArea(b, locale)}</bdi>
                </>
              )}
            </span>
          ))}
      </figcaption>
    </figure>
  );
}
