// KML (and KMZ, zipped KML) and GPX through @tmcw/togeojson, with xmldom's
// parser so the same code runs in Node and in the browser.
import { gpx, kml } from "@tmcw/togeojson";
import { DOMParser } from "@xmldom/xmldom";
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText, inEach } from "@/lib/geo/messages";
import { type Collected, polygonsFromFeatures } from "./features";
import type { ReadOptions } from "./types";
import { extension, unzipEntries } from "./zip";

function parseXml(text: string, format: string) {
  const errors: string[] = [];
  let doc: ReturnType<DOMParser["parseFromString"]> | undefined;
  try {
    doc = new DOMParser({
      onError: (level, message) => void (level !== "warning" && errors.push(String(message).split("\n")[0]!)),
    }).parseFromString(text, "text/xml");
  } catch (err) {
    errors.push((err as Error).message.split("\n")[0]!);
  }
  if (errors.length || !doc?.documentElement) {
    const detail = errors[0] ?? inEach(geometryText("xmlNoRootElement"));
    throw new GeometryError(geometryProblem("UNREADABLE_FILE", geometryText("invalidXml", { format, detail })));
  }
  return doc;
}

export function readKml(text: string, options: ReadOptions): Collected {
  return polygonsFromFeatures(kml(parseXml(text, "KML")).features, options);
}

/** GPX: tracks and routes walked around a boundary become polygons when they close; waypoints are ignored. */
export function readGpx(text: string, options: ReadOptions): Collected {
  return polygonsFromFeatures(gpx(parseXml(text, "GPX")).features, options);
}

/** KMZ, as Google Earth saves KML: a zip whose KML (doc.kml, or the first .kml in it) holds the placemarks. */
export async function readKmz(bytes: Uint8Array, options: ReadOptions): Promise<Collected> {
  const entries = await unzipEntries(bytes, options, (name) => extension(name) === ".kml");
  const doc = entries.get("doc.kml") ?? [...entries.values()][0];
  if (!doc) throw new GeometryError(geometryProblem("UNREADABLE_FILE", geometryText("kmzWithoutKml")));
  return readKml(new TextDecoder().decode(doc), options);
}
