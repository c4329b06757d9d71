import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Boundary } from "@/lib/geo/locate";

export type GovernorateProps = {
  pcode: string;
  name_en: string;
  name_ar: string;
  iso_3166_2: string | null;
  kurdistan_region: boolean;
};

const here = path.dirname(fileURLToPath(import.meta.url));

/** The 19 governorates (Halabja separate) from the OCHA COD-AB, shipped in public/basemap where the map draws them too. */
export function readGovernorates(): Boundary<GovernorateProps>[] {
  const file = path.join(here, "..", "public", "basemap", "iraq-governorates.geojson");
  return (JSON.parse(readFileSync(file, "utf8")) as { features: Boundary<GovernorateProps>[] }).features;
}
