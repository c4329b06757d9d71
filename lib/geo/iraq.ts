// Iraq's outline (OCHA / Iraq CSO COD-AB, CC BY-IGO 3.0), for the check that
// a polygon lies in the country at all: catches wrong datums, swapped or
// mistyped coordinates that still look like valid longitude/latitude.
import type { MultiPolygon, Polygon } from "geojson";
import outline from "./data/iraq-outline.json";
import { geometryText } from "./messages";
import type { OverlapRequirement } from "./validate";

export const IRAQ_OUTLINE = outline.geometry as Polygon | MultiPolygon;

export const MUST_BE_IN_IRAQ: OverlapRequirement = {
  geometry: IRAQ_OUTLINE,
  code: "OUTSIDE_IRAQ",
  text: geometryText("outsideIraq"),
};
