// Zipped ESRI shapefiles: .shp with its .dbf (shpjs), and a .prj whose
// coordinate system, datum shift included, takes them to WGS84 (datums.ts).
// Without a .prj, projected coordinates need the UTM zone from the user.
import { iter } from "but-unzip";
import type { Feature, Geometry } from "geojson";
import { parseDbf, parseShp } from "shpjs";
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText } from "@/lib/geo/messages";
import { crsFromPrj, type PrjCrs } from "./datums";
import { type Collected, mapPositions, polygonsFromFeatures } from "./features";
import { nestRings } from "./rings";
import { DEFAULT_READ_LIMITS, type ReadOptions } from "./types";

/**
 * Inflates one entry through the platform's DecompressionStream (browser
 * and Node alike), counting as it goes: past `budget.left` bytes it stops
 * and refuses, so a zip bomb never expands in memory.
 */
function boundedInflate(budget: { left: number; max: number }) {
  return async (raw: Uint8Array): Promise<Uint8Array> => {
    const reader = new Blob([raw as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    const parts: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      budget.left -= value.byteLength;
      if (budget.left < 0) {
        await reader.cancel();
        throw new GeometryError(
          geometryProblem(
            "FILE_TOO_LARGE",
            geometryText("zipTooLarge", { limit: String(Math.round(budget.max / 1024 / 1024)) }),
          ),
        );
      }
      parts.push(value);
    }
    const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  };
}

/**
 * Whether the bytes end with a zip's end-of-central-directory record (within
 * its largest comment, 64 KB). but-unzip 0.1.10 looks for it with
 * lastIndexOf, whose negative start wraps to the end: on a file without one
 * it searches forever. Checked here first so such a file is refused, not hung on.
 */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  const last = bytes.length - 22;
  for (let i = last; i >= 0 && i >= last - 0xffff; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

/** A shape's rings regrouped by containment (rings.ts): shpjs goes by winding, so a hole wound like its shell became a second shell. */
function nested(geometry: Geometry | null): Geometry | null {
  if (geometry?.type !== "Polygon" && geometry?.type !== "MultiPolygon") return geometry;
  const rings = geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
  const polygons = nestRings(rings);
  return polygons.length === 1
    ? { type: "Polygon", coordinates: polygons[0]! }
    : { type: "MultiPolygon", coordinates: polygons };
}

export async function readZippedShapefile(
  bytes: Uint8Array,
  options: ReadOptions,
): Promise<Collected & { prj?: string; crs?: PrjCrs }> {
  if (!hasEndOfCentralDirectory(bytes)) {
    throw new GeometryError(geometryProblem("UNREADABLE_FILE", geometryText("zipWithoutDirectory")));
  }
  const files = new Map<string, Uint8Array>();
  const max = options.limits?.maxUnzippedBytes ?? DEFAULT_READ_LIMITS.maxUnzippedBytes;
  const budget = { left: max, max };
  try {
    // Entries are only read into memory (never written to disk), so names like ../x cannot escape anywhere.
    for (const entry of iter(bytes, boundedInflate(budget))) {
      if (entry.filename.includes("__MACOSX")) continue;
      const ext = entry.filename.slice(entry.filename.lastIndexOf(".")).toLowerCase();
      if ([".shp", ".dbf", ".prj", ".cpg"].includes(ext)) files.set(ext, await entry.read());
    }
  } catch (err) {
    if (err instanceof GeometryError) throw err;
    throw new GeometryError(
      geometryProblem("UNREADABLE_FILE", geometryText("zipUnreadable", { detail: (err as Error).message })),
    );
  }
  const shp = files.get(".shp");
  if (!shp) throw new GeometryError(geometryProblem("UNREADABLE_FILE", geometryText("zipWithoutShp")));
  const text = (b?: Uint8Array) => (b ? new TextDecoder().decode(b) : undefined);
  const prj = text(files.get(".prj"));
  // Throws for a datum whose shift is unknown off WGS 84's ellipsoid; undefined when proj4 cannot read the .prj.
  const crs = prj ? crsFromPrj(prj) : undefined;
  let features: Feature<Geometry | null>[];
  try {
    const geometries = parseShp(shp)
      .map(nested)
      .map((g) => (crs ? mapPositions(g, crs.toLonLat) : g));
    const dbf = files.get(".dbf");
    const attributes = dbf ? parseDbf(dbf, text(files.get(".cpg"))) : [];
    features = geometries.map((geometry, i) => ({ type: "Feature", geometry, properties: attributes[i] ?? {} }));
  } catch (err) {
    throw new GeometryError(
      geometryProblem("UNREADABLE_FILE", geometryText("shapefileUnreadable", { detail: (err as Error).message })),
    );
  }
  // Converted when proj4 could read the .prj; otherwise metres remain, and the
  // .prj's name (UTM 37N/38N) or the user's stated zone converts them.
  const collected = polygonsFromFeatures(features, { ...options, ...(prj && !crs ? { crsText: prj } : {}) });
  return { ...collected, ...(prj ? { prj } : {}), ...(crs ? { crs } : {}) };
}
