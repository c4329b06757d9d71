// UTM zones 37N and 38N (EPSG:32637/32638), where Iraq's field GPS data lives.

import type { Position } from "geojson";
import proj4 from "proj4";
import type { UtmZone } from "./types";

const definition = (zone: UtmZone) => `+proj=utm +zone=${zone} +datum=WGS84 +units=m +no_defs`;

export const utmCrs = (zone: UtmZone) => `EPSG:326${zone}`;

/** Easting/northing (m) in the zone to [lon, lat] on WGS84. */
export function utmToLonLat(zone: UtmZone): (p: Position) => Position {
  const converter = proj4(definition(zone), "EPSG:4326");
  return (p) => converter.forward([p[0]!, p[1]!]);
}

/** [lon, lat] to easting/northing in the zone (for tests and exports). */
export function lonLatToUtm(zone: UtmZone): (p: Position) => Position {
  const converter = proj4("EPSG:4326", definition(zone));
  return (p) => converter.forward([p[0]!, p[1]!]);
}

/** Easting/northing magnitudes, not degrees. */
export function looksProjected(p: Position): boolean {
  return Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90;
}

/** The zone a legacy GeoJSON `crs` name or a .prj's WKT names, if it is 37N or 38N. */
export function zoneFromCrsText(text: string): UtmZone | undefined {
  const m =
    /EPSG:{1,2}326(37|38)\b/i.exec(text) ?? /UTM[_ ]zone[_ ](37|38)N/i.exec(text) ?? /UTM zone (37|38)N/i.exec(text);
  return m ? (Number(m[1]) as UtmZone) : undefined;
}
