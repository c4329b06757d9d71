"use client";

import { useTranslations } from "next-intl";
import { MAP_COLOURS } from "@/lib/colours";

/** What the map's colours mean, for the layers it shows. */
export function MapLegend({
  hazards,
  released,
  submitted,
  repaired = false,
  photos = false,
  drawing,
}: {
  hazards: boolean;
  released: boolean;
  submitted: boolean;
  repaired?: boolean;
  /** Camera markers where attached photos were taken. */
  photos?: boolean;
  drawing: boolean;
}) {
  const t = useTranslations("map");
  return (
    <figcaption className="legend">
      {hazards && (
        <>
          <Swatch colour={MAP_COLOURS.hazard.open} text={t("hazardOpen")} />
          <Swatch colour={MAP_COLOURS.hazard.partial} text={t("hazardPartial")} />
          <Swatch colour={MAP_COLOURS.hazard.released} text={t("hazardReleased")} />
        </>
      )}
      {released && (
        <>
          <Swatch colour={MAP_COLOURS.method.CANCELLED} text={t("cancelled")} filled />
          <Swatch colour={MAP_COLOURS.method.REDUCED} text={t("reduced")} filled />
          <Swatch colour={MAP_COLOURS.method.CLEARED} text={t("cleared")} filled />
          <Swatch colour={MAP_COLOURS.method.REOPENED} text={t("reopened")} filled />
        </>
      )}
      {submitted && <Swatch colour={MAP_COLOURS.submitted} text={t("submitted")} dashed />}
      {repaired && <Swatch colour={MAP_COLOURS.drawn.outline} fill={MAP_COLOURS.drawn.fill} text={t("repaired")} />}
      {photos && (
        <span className="map-key">
          <span aria-hidden className="photo-marker">
            📷
          </span>
          {t("photoTaken")}
        </span>
      )}
      {drawing && <Swatch colour={MAP_COLOURS.drawn.outline} fill={MAP_COLOURS.drawn.fill} text={t("drawn")} />}
      {drawing && <span className="note legend-help">{t("drawHelp")}</span>}
    </figcaption>
  );
}

function Swatch({
  colour,
  fill,
  text,
  filled,
  dashed,
}: {
  colour: string;
  /** A fill of another colour than the outline. */
  fill?: string;
  text: string;
  filled?: boolean;
  dashed?: boolean;
}) {
  return (
    <span className="map-key">
      <span
        aria-hidden
        style={{
          borderColor: colour,
          background: fill ?? (filled ? colour : "transparent"),
          borderStyle: dashed ? "dashed" : "solid",
        }}
      />
      {text}
    </span>
  );
}
