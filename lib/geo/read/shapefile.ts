// Zipped ESRI shapefiles: .shp with its .dbf (shpjs), and a .prj whose
// coordinate system, datum shift included, takes them to WGS84 (datums.ts).
// Without a .prj, projected coordinates need the UTM zone from the user.
import type { Feature, Geometry } from "geojson";
import { parseDbf, parseShp } from "shpjs";
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText } from "@/lib/geo/messages";
import { crsFromPrj, type PrjCrs } from "./datums";
import { type Collected, mapPositions, polygonsFromFeatures } from "./features";
import { nestRings } from "./rings";
import type { ReadOptions } from "./types";
import { extension, unzipEntries } from "./zip";

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
  const files = new Map<string, Uint8Array>();
  for (const [name, content] of await unzipEntries(bytes, options, (name) =>
    [".shp", ".dbf", ".prj", ".cpg"].includes(extension(name)),
  ))
    files.set(extension(name), content);
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
