// Reads a coordinate typed into "go to coordinates": latitude/longitude
// (decimal degrees or degrees, minutes and seconds), UTM with its zone, or
// MGRS. A reading that could mean two places is refused with the reason, never
// guessed: a wrong guess sends a team to the wrong field.

import { toPoint as mgrsToPoint } from "mgrs";
import { utmConverter } from "./format";

export type CoordinateForm = "latLon" | "utm" | "mgrs";
export type CoordinateErrorCode =
  | "empty"
  | "unrecognised"
  | "mgrsDigits"
  | "mgrsOddDigits"
  | "mgrsInvalid"
  | "utmZone"
  | "utmEasting"
  | "utmNorthing"
  | "utmBand"
  | "dmsRange"
  | "latRange"
  | "lonRange"
  | "sameAxis"
  | "ambiguousOrder"
  | "needsHemisphere";
export type ParsedCoordinate =
  | { ok: true; lonDeg: number; latDeg: number; form: CoordinateForm }
  | { ok: false; code: CoordinateErrorCode; values?: Record<string, string> };

const fail = (code: CoordinateErrorCode, values?: Record<string, string>): ParsedCoordinate => ({
  ok: false,
  code,
  values,
});

/** Arabic-Indic and Persian digits, the Arabic decimal and list separators and the prime marks to plain ASCII. */
export function normaliseCoordinateText(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, ".")
    .replace(/[\u060c\u066c]/g, ",")
    .replace(/[º˚]/g, "°")
    .replace(/[′’‘`´]/g, "'")
    .replace(/[″“”]|''/g, '"')
    .replace(/[\u2212\u2013]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
}

// Latitude bands of 8° from 80°S, lettered C to X without I and O (X is 12° tall).
const BANDS = "CDEFGHJKLMNPQRSTUVWX";

function fromMgrs(m: RegExpExecArray, text: string): ParsedCoordinate {
  const [, zone, band, square, first = "", second] = m;
  let easting = first;
  let northing = second ?? "";
  if (second === undefined) {
    if (first.length % 2 === 1) return fail("mgrsOddDigits", { reference: text, digits: String(first.length) });
    easting = first.slice(0, first.length / 2);
    northing = first.slice(first.length / 2);
  } else if (first.length !== second.length) {
    return fail("mgrsDigits", { reference: text, easting: String(first.length), northing: String(second.length) });
  }
  if (Number(zone) < 1 || Number(zone) > 60) return fail("utmZone", { zone: zone! });
  try {
    const [lonDeg, latDeg] = mgrsToPoint(`${zone}${band}${square}${easting}${northing}`);
    if (!Number.isFinite(lonDeg) || !Number.isFinite(latDeg)) return fail("mgrsInvalid", { reference: text });
    return { ok: true, lonDeg, latDeg, form: "mgrs" };
  } catch {
    return fail("mgrsInvalid", { reference: text });
  }
}

function fromUtm(m: RegExpExecArray): ParsedCoordinate {
  const [, zoneText, letter, eastingText, northingText] = m;
  const zone = Number(zoneText);
  if (zone < 1 || zone > 60) return fail("utmZone", { zone: zoneText! });
  const eastingM = Number(eastingText);
  const northingM = Number(northingText);
  // A zone is 6° wide: at most ~334 km either side of its 500 km false easting, less away from the equator.
  if (eastingM < 160_000 || eastingM > 840_000) return fail("utmEasting", { easting: eastingText! });
  if (northingM < 0 || northingM > 10_000_000) return fail("utmNorthing", { northing: northingText! });
  // "N" is the northern hemisphere (GPS receivers also write a band letter, and band N lies north too); C to M lie south.
  const south = BANDS.indexOf(letter!) < BANDS.indexOf("N");
  const [lonDeg, latDeg] = utmConverter(zone, south).inverse([eastingM, northingM]);
  if (letter !== "N") {
    const fromDeg = -80 + BANDS.indexOf(letter!) * 8;
    const toDeg = letter === "X" ? 84 : fromDeg + 8;
    // Half a degree of slack: a point on a band's edge is often written with the neighbouring band's letter.
    if (latDeg < fromDeg - 0.5 || latDeg > toDeg + 0.5) {
      return fail("utmBand", { band: letter!, latitude: latDeg.toFixed(2), from: String(fromDeg), to: String(toDeg) });
    }
  }
  return { ok: true, lonDeg, latDeg, form: "utm" };
}

type Part = { value: number; letter?: string };
const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const DMS = String.raw`${NUMBER}\s*°?\s*(?:${NUMBER}\s*'\s*(?:${NUMBER}\s*"\s*)?)?`;
// Degrees, optionally minutes (') and seconds ("), with the hemisphere letter before ("N33.3 E44.4") or after
// ("33.3N 44.4E"), or signed without one. Tried in that order, so "E44.3 N33.3" does not read N as E's suffix.
const LEADING = new RegExp(String.raw`\s*([NSEW])\s*()${DMS}()\s*[,;]?`, "y");
const TRAILING = new RegExp(String.raw`\s*()([+-])?${DMS}([NSEW])?\s*[,;]?`, "y");

function readPart(text: string, from: number): { part: Part | "range" | null; end: number } {
  let m: RegExpExecArray | null = null;
  let end = from;
  for (const re of [LEADING, TRAILING]) {
    re.lastIndex = from;
    m = re.exec(text);
    if (m && m[0].trim() !== "") {
      end = re.lastIndex;
      break;
    }
    m = null;
  }
  if (!m) return { part: null, end: from };
  const [, before, sign, degText, minText, secText, after] = m;
  if ((before || after) && sign) return { part: null, end: from };
  if (minText !== undefined && degText!.includes(".")) return { part: null, end: from };
  if (secText !== undefined && minText!.includes(".")) return { part: null, end: from };
  const minutes = Number(minText ?? 0);
  const seconds = Number(secText ?? 0);
  if (minutes >= 60 || seconds >= 60) return { part: "range", end };
  const value = (Number(degText) + minutes / 60 + seconds / 3600) * (sign === "-" ? -1 : 1);
  return { part: { value, letter: before || after || undefined }, end };
}

// Iraq and a degree around it: where plain numbers can only be one way round.
const NEAR_IRAQ = { lon: [37.8, 49.6], lat: [28, 38.4] } as const;
const within = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;

function fromLatLon(text: string): ParsedCoordinate {
  const first = readPart(text, 0);
  if (first.part === null) return fail("unrecognised");
  const second = readPart(text, first.end);
  if (second.part === null || second.end !== text.length) return fail("unrecognised");
  if (first.part === "range" || second.part === "range") return fail("dmsRange");
  const parts = [first.part, second.part];
  const axis = (p: Part) => (p.letter === undefined ? undefined : "NS".includes(p.letter) ? "lat" : "lon");
  const signed = (p: Part) => (p.letter === "S" || p.letter === "W" ? -p.value : p.value);
  let lat: number;
  let lon: number;
  const [a0, a1] = parts.map(axis);
  if (a0 && a0 === a1) return fail("sameAxis");
  if (a0 || a1) {
    const latFirst = a0 === "lat" || a1 === "lon";
    [lat, lon] = latFirst ? [signed(parts[0]!), signed(parts[1]!)] : [signed(parts[1]!), signed(parts[0]!)];
  } else {
    // Plain numbers: people write "lat, lon" (as phones copy it) as often as "lon, lat" (as GIS files store it).
    // Near Iraq the two ranges do not overlap, so the numbers tell which is which; elsewhere they cannot.
    const [x, y] = [parts[0]!.value, parts[1]!.value];
    const lonLat = within(x, NEAR_IRAQ.lon) && within(y, NEAR_IRAQ.lat);
    const latLon = within(x, NEAR_IRAQ.lat) && within(y, NEAR_IRAQ.lon);
    if (lonLat && latLon) return fail("ambiguousOrder", { first: String(x), second: String(y) });
    if (!lonLat && !latLon) return fail("needsHemisphere", { first: String(x), second: String(y) });
    [lon, lat] = lonLat ? [x, y] : [y, x];
  }
  if (Math.abs(lat) > 90) return fail("latRange", { latitude: String(lat) });
  if (Math.abs(lon) > 180) return fail("lonRange", { longitude: String(lon) });
  return { ok: true, lonDeg: lon, latDeg: lat, form: "latLon" };
}

const MGRS = /^(\d{1,2}) ?([C-HJ-NP-X]) ?([A-HJ-NP-Z][A-HJ-NP-V]) ?(\d{0,10})(?: (\d{1,5}))?$/;
const UTM = /^(\d{1,2}) ?([C-HJ-NP-X])[ ,]+(\d{5,7}(?:\.\d+)?) ?M?E?[ ,;]+(\d{1,8}(?:\.\d+)?) ?M?N?$/;

/**
 * A typed coordinate as WGS 84 lon/lat (degrees), or why it cannot be read.
 * Forms: MGRS ("38S MB 12345 67890", spaces optional, 0–5 digits each way),
 * UTM with zone and hemisphere or band letter ("38N 412345 3987654"), and
 * latitude/longitude in decimal degrees or D°M′S″, with N/S/E/W letters in
 * either order; without letters, only near Iraq, where the order is plain.
 */
export function parseCoordinate(input: string): ParsedCoordinate {
  const text = normaliseCoordinateText(input);
  if (text === "") return fail("empty");
  const mgrs = MGRS.exec(text);
  if (mgrs) return fromMgrs(mgrs, input.trim());
  const utm = UTM.exec(text);
  if (utm) return fromUtm(utm);
  return fromLatLon(text);
}
