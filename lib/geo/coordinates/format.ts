// A point written the three ways field teams read it: latitude/longitude, UTM
// on WGS 84 and MGRS. Always in Latin digits and letters, whatever the page's
// numerals: these are typed into GPS devices and read over radios, which know
// only Latin digits, and an MGRS reference mixes digits with Latin letters, so
// Arabic-Indic digits there would be a second notation to transcribe.

import { forward as mgrsForward } from "mgrs";
import proj4 from "proj4";

type Converter = { forward(p: [number, number]): [number, number]; inverse(p: [number, number]): [number, number] };
const converters = new Map<string, Converter>();

/** The proj4 converter between WGS 84 lon/lat and a UTM zone (1–60) of one hemisphere, built once. */
export function utmConverter(zone: number, south: boolean): Converter {
  const key = `${zone}${south ? "S" : "N"}`;
  let converter = converters.get(key);
  if (!converter) {
    const definition = `+proj=utm +zone=${zone}${south ? " +south" : ""} +datum=WGS84 +units=m +no_defs`;
    converter = proj4("EPSG:4326", definition) as Converter;
    converters.set(key, converter);
  }
  return converter;
}

/**
 * The UTM zone of a longitude (degrees): 6° wide from 180°W. Iraq spans 37
 * (west of 42°E), 38 (42–48°E) and 39 (east of 48°E, at Fao). A longitude
 * exactly on an edge belongs to the zone to its east, as in MGRS and PROJ's
 * usage; the Norway and Svalbard exceptions lie far from Iraq.
 */
export function utmZoneOf(lonDeg: number): number {
  return Math.min(60, Math.floor((lonDeg + 180) / 6) + 1);
}

export type UtmPosition = { zone: number; south: boolean; eastingM: number; northingM: number };

/** WGS 84 lon/lat (degrees) to UTM in the point's own zone, metres. */
export function toUtm(lonDeg: number, latDeg: number): UtmPosition {
  const zone = utmZoneOf(lonDeg);
  const south = latDeg < 0;
  const [eastingM, northingM] = utmConverter(zone, south).forward([lonDeg, latDeg]);
  return { zone, south, eastingM, northingM };
}

/** "38N 412345 3987654": zone and hemisphere, easting and northing rounded to the metre. */
export function formatUtm(lonDeg: number, latDeg: number): string {
  const { zone, south, eastingM, northingM } = toUtm(lonDeg, latDeg);
  return `${zone}${south ? "S" : "N"} ${Math.round(eastingM)} ${Math.round(northingM)}`;
}

/**
 * "38S MB 12345 67890": grid zone, 100 km square, easting and northing at
 * 1 m. MGRS truncates (the reference names the metre square the point is
 * in), as GPS receivers do.
 */
export function formatMgrs(lonDeg: number, latDeg: number): string {
  const compact = mgrsForward([lonDeg, latDeg], 5);
  const m = /^(\d{1,2}[C-X])([A-Z]{2})(\d{5})(\d{5})$/.exec(compact);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : compact;
}

/** "33.31525°N 44.36610°E": five decimals are a metre on the ground; the letters make the order plain. */
export function formatLatLon(lonDeg: number, latDeg: number): string {
  const lat = `${Math.abs(latDeg).toFixed(5)}°${latDeg < 0 ? "S" : "N"}`;
  const lon = `${Math.abs(lonDeg).toFixed(5)}°${lonDeg < 0 ? "W" : "E"}`;
  return `${lat} ${lon}`;
}

export type CoordinateReadout = { latLon: string; utm: string; mgrs: string };

/** The three forms of one point, for the readout under the pointer. */
export function readout(lonDeg: number, latDeg: number): CoordinateReadout {
  return { latLon: formatLatLon(lonDeg, latDeg), utm: formatUtm(lonDeg, latDeg), mgrs: formatMgrs(lonDeg, latDeg) };
}
