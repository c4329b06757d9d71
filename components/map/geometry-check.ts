// Loaded on demand by the forms: reads an uploaded file or takes drawn
// polygons, then runs the server's own checks on them in a Web Worker (GEOS,
// 2.5 MB, loads there), within the server's budgets.
import type { Feature, FeatureCollection, Polygon } from "geojson";
import { runWithRepairOffer } from "@/lib/domain/geometry-budget";
import type { HazardContext } from "@/lib/domain/release-preview";
import { GeometryError, type GeometryProblem } from "@/lib/geo/errors";
import { type Boundary, locate } from "@/lib/geo/locate";
import type { UtmZone } from "@/lib/geo/read";
import type { LocalisedText } from "@/lib/i18n/localised";
import { runInBrowserWorker } from "./geometry-worker-client";

export type GeometrySource =
  | { kind: "file"; file: File; utmZone?: UtmZone }
  | { kind: "drawn"; polygons: Feature<Polygon>[] };

import type { MultiPolygon } from "geojson";

/** A check that failed; a self-intersecting boundary comes with its repaired shape for the user to confirm. */
type Failed = { ok: false; problems: readonly GeometryProblem[]; geometry?: FeatureCollection; repaired?: Repaired };

/** GEOS's repair of a shape it calls invalid, with its area, offered for the user to confirm. */
export type Repaired = { geometry: Polygon | MultiPolygon; areaM2: number };

export type ReleaseCheck =
  | {
      ok: true;
      submittedAreaM2: number;
      outsideHazardM2: number;
      alreadyReleasedM2: number;
      countedAreaM2: number;
      notes: LocalisedText[];
      geometry: FeatureCollection;
    }
  | Failed;

export type HazardCheck =
  | {
      ok: true;
      areaM2: number;
      governorate: { pcode: string; name: string; kurdistanRegion: boolean } | null;
      notes: LocalisedText[];
      geometry: FeatureCollection;
    }
  | Failed;

async function collect(source: GeometrySource): Promise<{ collection: FeatureCollection; notes: LocalisedText[] }> {
  if (source.kind === "drawn")
    return { collection: { type: "FeatureCollection", features: source.polygons }, notes: [] };
  const file = { name: source.file.name, bytes: new Uint8Array(await source.file.arrayBuffer()) };
  const read = await runWithRepairOffer(runInBrowserWorker, "readGeometryFile", [file, { utmZone: source.utmZone }]);
  return { collection: read.collection, notes: read.notes };
}

async function guarded<T>(run: (keep: (c: FeatureCollection) => void) => Promise<T>): Promise<T | Failed> {
  let geometry: FeatureCollection | undefined;
  try {
    return await run((c) => void (geometry = c));
  } catch (err) {
    if (err instanceof GeometryError)
      return {
        ok: false,
        problems: err.problems,
        geometry,
        ...(err.repaired ? { repaired: { geometry: err.repaired, areaM2: err.repairedAreaM2! } } : {}),
      };
    throw err;
  }
}

/** What a land-release report will count: previewRelease, as the server runs it on submission. */
export function checkRelease(source: GeometrySource, hazard: HazardContext): Promise<ReleaseCheck> {
  return guarded(async (keep) => {
    const { collection, notes } = await collect(source);
    keep(collection);
    const p = await runWithRepairOffer(runInBrowserWorker, "previewRelease", [collection, hazard]);
    const { submittedAreaM2, outsideHazardM2, alreadyReleasedM2, countedAreaM2 } = p;
    return {
      ok: true as const,
      submittedAreaM2,
      outsideHazardM2,
      alreadyReleasedM2,
      countedAreaM2,
      notes: [...notes, ...p.notes],
      geometry: collection,
    };
  });
}

type GovernorateProps = { pcode: string; name_en: string; kurdistan_region: boolean };
let governorates: Promise<Boundary<GovernorateProps>[]> | undefined;

/** A hazardous area's polygon: valid, in Iraq, and the governorate (so the authority) it falls in. */
export function checkHazardArea(source: GeometrySource): Promise<HazardCheck> {
  return guarded(async (keep) => {
    const { collection, notes } = await collect(source);
    keep(collection);
    const valid = await runWithRepairOffer(runInBrowserWorker, "validateHazardArea", [collection]);
    governorates ??= fetch("/basemap/iraq-governorates.geojson").then(
      async (r) => ((await r.json()) as { features: Boundary<GovernorateProps>[] }).features,
    );
    const found = locate(valid.geometry, await governorates);
    return {
      ok: true as const,
      areaM2: valid.areaM2,
      governorate: found
        ? {
            pcode: found.properties.pcode,
            name: found.properties.name_en,
            kurdistanRegion: found.properties.kurdistan_region,
          }
        : null,
      notes: [...notes, ...valid.notes],
      geometry: collection,
    };
  });
}
