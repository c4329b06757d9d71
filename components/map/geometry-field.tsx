"use client";

import type { FeatureCollection } from "geojson";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { GeometryProblem } from "@/lib/geo/errors";
import type { BasemapSettings, MapLayers } from "./field-map";
import type { Repaired } from "./geometry-check";
import { GeometryInput, shownShape } from "./geometry-input";
import { GeometryPreview, type useGeometrySource } from "./geometry-preview";

type Check =
  | { ok: true; geometry?: FeatureCollection }
  | { ok: false; problems: readonly GeometryProblem[]; repaired?: Repaired; geometry?: FeatureCollection }
  | null;

/**
 * A form's polygon: the map to draw or upload it on, showing the shape the
 * check read (or the repair it offers), and beside it what the check found,
 * with the form's own figures as children. `messages` names the form's
 * translations, which hold its mapLabel, previewTitle, previewEmpty and checking.
 */
export function GeometryField({
  messages,
  testId,
  basemap,
  hazards,
  released,
  shape,
  check,
  checking,
  children,
}: Pick<MapLayers, "hazards" | "released"> & {
  messages: "hazardForm" | "reportForm" | "quality";
  testId: string;
  basemap: BasemapSettings;
  shape: ReturnType<typeof useGeometrySource>;
  check: Check;
  checking: boolean;
  children: ReactNode;
}) {
  const t = useTranslations(messages);
  return (
    <>
      <GeometryInput
        label={t("mapLabel")}
        basemap={basemap}
        hazards={hazards}
        released={released}
        {...shownShape(check, Boolean(shape.repair))}
        onSource={shape.onSource}
      />
      <GeometryPreview
        testId={testId}
        title={t("previewTitle")}
        empty={t("previewEmpty")}
        checkingLabel={t("checking")}
        source={shape.source}
        checking={checking}
        check={check}
        onUseRepaired={shape.setRepair}
      >
        {children}
      </GeometryPreview>
    </>
  );
}
