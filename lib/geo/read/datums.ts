// The coordinate system a shapefile's .prj names, datum included. GDAL and
// ArcGIS write .prj files for Iraq's older datums without TOWGS84, and
// proj4js knows none of them: read as they come, their 110–146 m shift to
// WGS 84 was silently dropped. This table gives each the transformation PROJ
// applies in Iraq, from the EPSG dataset (v10.076, as in PROJ 9's proj.db).
// No kept npm package carries them short of a whole EPSG dump (epsg-index is
// megabytes, too much for the browser bundle), so the few rows are written here.

import type { Position } from "geojson";
import type { Converter, ProjectionDefinition } from "proj4";
import proj4 from "proj4";
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText } from "@/lib/geo/messages";
import type { DatumTransformation, UtmZone } from "./types";
import { zoneFromCrsText } from "./utm";

type IraqDatum = DatumTransformation & {
  /** Geocentric translation to WGS 84 (m), proj4's towgs84: every one here is a 3-parameter shift. */
  towgs84: readonly [number, number, number];
  /** The datum's name as .prj files spell it, lower-case and without ESRI's "D_" (as proj4's WKT parser gives it). */
  names: readonly string[];
  /** EPSG codes of the datum, its geographic system and the projected systems on it. */
  codes: readonly number[];
  /** Its systems' names start so in EPSG ("Ain el Abd / UTM zone 38N"). */
  crsName: string;
  /** proj4's ellipsoid parameters. */
  ellipsoid: string;
  /** The EPSG code of its geographic (longitude/latitude) system. */
  geographic: number;
  /** The EPSG code of its UTM 37N and 38N systems. */
  utm: Readonly<Record<UtmZone, number>>;
  /** The EPSG code of its Iraq National Grid (a Transverse Mercator on 46.5°E), if it has one. */
  nationalGrid?: number;
};

const IRAQ_DATUMS: readonly IraqDatum[] = [
  {
    // EPSG:7033 "Nahrwan 1934 to WGS 84 (6)", Iraq onshore, accuracy 30 m: IGN's Nahrwan SE Base parameters
    // (EPSG:7008–7032 are more local sets for single oil fields; PROJ picks 7033 for the country).
    datum: "Nahrwan 1934",
    epsg: 7033,
    name: "Nahrwan 1934 to WGS 84 (6)",
    accuracyM: 30,
    towgs84: [-242.2, -144.9, 370.3],
    names: ["nahrwan_1934", "nahrwan 1934"],
    codes: [6744, 4744, 3394, 7005, 7006, 7007],
    crsName: "Nahrwan 1934",
    ellipsoid: "+a=6378249.145 +rf=293.465",
    geographic: 4744,
    utm: { 37: 7005, 38: 7006 },
  },
  {
    // EPSG:1111 "Ain el Abd to WGS 84 (2)", derived at 9 stations in Saudi Arabia, accuracy 18 m. EPSG publishes
    // none for Iraq; this is the one PROJ (so GDAL and QGIS) applies to Ain el Abd / UTM 38N in Iraq.
    datum: "Ain el Abd 1970",
    epsg: 1111,
    name: "Ain el Abd to WGS 84 (2)",
    accuracyM: 18,
    towgs84: [-143, -236, 7],
    names: ["ain_el_abd_1970", "ain_el_abd", "ain el abd 1970", "ain el abd"],
    codes: [6204, 4204, 20436, 20437, 20438, 20439, 20440],
    crsName: "Ain el Abd",
    ellipsoid: "+ellps=intl",
    geographic: 4204,
    utm: { 37: 20437, 38: 20438 },
  },
  {
    // EPSG:1135 "ED50 to WGS 84 (3)", Middle East (Iraq, Jordan, Kuwait, Lebanon, Saudi Arabia, Syria): EPSG
    // publishes no accuracy for it ("not available"). The one PROJ applies to ED50 / Iraq National Grid.
    datum: "ED50",
    epsg: 1135,
    name: "ED50 to WGS 84 (3)",
    accuracyM: null,
    towgs84: [-103, -106, -141],
    names: ["european_datum_1950", "european_1950", "european datum 1950", "ed50"],
    codes: [6230, 4230, 3893, 23037, 23038],
    crsName: "ED50",
    ellipsoid: "+ellps=intl",
    geographic: 4230,
    utm: { 37: 23037, 38: 23038 },
    nationalGrid: 3893,
  },
  {
    // EPSG:5078 "Karbala 1979 to WGS 84 (2)", Iraq onshore, accuracy 1 m (from Karbala 1979 to IGRS, EPSG:5077).
    datum: "Karbala 1979",
    epsg: 5078,
    name: "Karbala 1979 to WGS 84 (2)",
    accuracyM: 1,
    towgs84: [70.995, -335.916, 262.898],
    names: ["karbala_1979", "karbala_1979_polservice", "karbala 1979"],
    codes: [6743, 4743, 3391, 3392, 3393, 6646],
    crsName: "Karbala 1979",
    ellipsoid: "+a=6378249.145 +rf=293.465",
    geographic: 4743,
    utm: { 37: 3391, 38: 3392 },
    nationalGrid: 6646,
  },
  {
    // EPSG:3894 "IGRS to WGS 84 (1)": IGRS equals WGS 84 within ±1 m, so no shift.
    datum: "IGRS",
    epsg: 3894,
    name: "IGRS to WGS 84 (1)",
    accuracyM: 1,
    towgs84: [0, 0, 0],
    names: ["iraqi_geospatial_reference_system", "iraqi geospatial reference system", "igrs"],
    codes: [1029, 3889, 3890, 3891, 3892],
    crsName: "IGRS",
    ellipsoid: "+ellps=GRS80",
    geographic: 3889,
    utm: { 37: 3890, 38: 3891 },
  },
];

/** The datums honoured, for the docs and messages. */
export const HONOURED_DATUMS: readonly DatumTransformation[] = IRAQ_DATUMS.map(({ datum, epsg, name, accuracyM }) => ({
  datum,
  epsg,
  name,
  accuracyM,
}));

export type PrjCrs = {
  /** "EPSG:7006" when known, otherwise the system's name as the .prj gives it. */
  sourceCrs: string;
  /** The system's name for people ("Nahrwan 1934 UTM zone 38N"). */
  name: string;
  toLonLat: (p: Position) => Position;
  /** The datum shift applied to reach WGS 84, when the datum is not WGS 84. */
  transformation?: DatumTransformation;
  /** Set when the .prj's own TOWGS84 parameters were applied (dx, dy, dz…). */
  prjParameters?: readonly number[];
  /** A datum on WGS 84's ellipsoid whose shift is unknown, read as WGS 84. */
  unknownDatum?: string;
};

/** Iraq National Grid (EPSG:3893 on ED50, 6646 on Karbala 1979): a Transverse Mercator on 46.5°E. */
const NATIONAL_GRID = "+proj=tmerc +lat_0=29.02626833333333 +lon_0=46.5 +k=0.9994 +x_0=800000 +y_0=0";

/**
 * A system on one of Iraq's datums by its EPSG code (a GeoJSON `crs` member
 * naming it): proj4 knows none of them by code.
 */
export function crsFromEpsgCode(code: number): PrjCrs | undefined {
  for (const d of IRAQ_DATUMS) {
    const zone = ([37, 38] as const).find((z) => d.utm[z] === code);
    const [projection, suffix] = zone
      ? [`+proj=utm +zone=${zone}`, ` / UTM zone ${zone}N`]
      : code === d.nationalGrid
        ? [NATIONAL_GRID, " / Iraq National Grid"]
        : code === d.geographic
          ? ["+proj=longlat", ""]
          : [];
    if (projection === undefined) continue;
    const converter = proj4(
      `${projection} ${d.ellipsoid} +towgs84=${d.towgs84.join(",")} +units=m +no_defs`,
      "EPSG:4326",
    );
    return {
      sourceCrs: `EPSG:${code}`,
      name: `${d.crsName}${suffix}`,
      toLonLat: (p) => converter.forward([p[0]!, p[1]!]),
      transformation: { datum: d.datum, epsg: d.epsg, name: d.name, accuracyM: d.accuracyM },
    };
  }
  return undefined;
}

const PJD_NODATUM = 5;
// proj4 parses WKT only into its registry of named definitions; a fixed name, overwritten on each read (synchronously).
const SCRATCH = "field-file-prj";

/** On WGS 84's or GRS 80's ellipsoid: an unknown datum there is within a few metres of WGS 84 (ITRF realisations, IGRS). */
const onWgs84Ellipsoid = (a: number | undefined, rf: number | undefined) =>
  a !== undefined && Math.abs(a - 6_378_137) < 0.5 && rf !== undefined && Math.abs(rf - 298.257) < 0.001;

const spaced = (s: string) => s.replace(/_/g, " ").trim();

/**
 * The EPSG code of the first `keyword[…]` node of a WKT1 text, from the
 * AUTHORITY that is its own child: not one of its ellipsoid's or units',
 * whose codes (7001–7058, 9001…) would pass for other systems' codes.
 */
function authorityOf(wkt: string, keyword: "PROJCS" | "GEOGCS" | "DATUM"): number | undefined {
  const start = wkt.search(new RegExp(`\\b${keyword}\\s*\\[`, "i"));
  if (start < 0) return undefined;
  let depth = 0;
  let quoted = false;
  for (let i = wkt.indexOf("[", start); i < wkt.length; i++) {
    const c = wkt[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return undefined;
    else if (depth === 1 && (c === "A" || c === "a")) {
      const m = /^AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/i.exec(wkt.slice(i));
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

/**
 * The coordinate system of a .prj, with a converter to WGS 84 [lon, lat]
 * that applies its datum shift. Undefined when proj4 cannot read the .prj
 * (the caller falls back to the UTM zone its name or the user gives).
 * Refuses, with UNSUPPORTED_PROJECTION, a datum whose shift is unknown on an
 * ellipsoid other than WGS 84's: read as WGS 84, it would be off by up to
 * hundreds of metres, and a boundary that far off releases the wrong land.
 */
export function crsFromPrj(prj: string): PrjCrs | undefined {
  let parsed: ProjectionDefinition;
  try {
    proj4.defs(SCRATCH, prj);
    parsed = proj4.defs(SCRATCH);
  } catch {
    return undefined;
  }
  if (!parsed?.projName) return undefined;
  const top = /^\s*PROJCS/i.test(prj) ? "PROJCS" : "GEOGCS";
  // WKT1 states the code of the whole system (ESRI's .prj states none), of its geographic system and of its datum.
  const stated = authorityOf(prj, top);
  const codes = [stated, authorityOf(prj, "GEOGCS"), authorityOf(prj, "DATUM")].filter((c) => c !== undefined);
  const datumCode = (parsed.datumCode ?? "").toLowerCase();
  const iraq = IRAQ_DATUMS.find((d) => d.names.includes(datumCode) || codes.some((c) => d.codes.includes(c)));
  const ownParameters = parsed.datum_params
    ? (typeof parsed.datum_params === "string" ? parsed.datum_params.split(",") : parsed.datum_params).map(Number)
    : undefined;
  const definition: ProjectionDefinition =
    iraq && !ownParameters ? { ...parsed, datum_params: [...iraq.towgs84] } : parsed;
  let converter: Converter;
  let datumType: number;
  try {
    const projection = new proj4.Proj(definition);
    datumType = projection.datum.datum_type;
    converter = proj4(projection, "EPSG:4326");
  } catch {
    return undefined;
  }
  // proj4's WKT parser keeps the system's name, though its type does not say so.
  const wktName = (parsed as ProjectionDefinition & { name?: unknown }).name;
  const name = spaced(typeof wktName === "string" ? wktName : parsed.title);
  // As the .prj spells it (proj4 lower-cases it), without ESRI's "D_".
  const datumName = spaced((/DATUM\[\s*"([^"]*)"/i.exec(prj)?.[1] ?? datumCode).replace(/^D_/i, "")) || "?";
  if (datumType === PJD_NODATUM && !iraq) {
    if (!onWgs84Ellipsoid(parsed.a, parsed.rf)) {
      const datums = IRAQ_DATUMS.map((d) => d.datum).join(", ");
      throw new GeometryError(
        geometryProblem(
          "UNSUPPORTED_PROJECTION",
          geometryText("unknownDatum", { crs: name, datum: datumName, datums }),
        ),
      );
    }
  }
  const zone = zoneFromCrsText(prj);
  const wgs84 = datumCode === "wgs84";
  const longLat = parsed.projName === "longlat";
  const nationalGrid = iraq?.nationalGrid && /iraq national grid/i.test(name) ? iraq.nationalGrid : undefined;
  const epsg =
    stated ??
    nationalGrid ??
    (zone && !longLat
      ? iraq
        ? iraq.utm[zone]
        : wgs84
          ? 32600 + zone
          : undefined
      : wgs84 && longLat
        ? 4326
        : undefined);
  const transformation =
    iraq && !ownParameters
      ? { datum: iraq.datum, epsg: iraq.epsg, name: iraq.name, accuracyM: iraq.accuracyM }
      : undefined;
  return {
    sourceCrs: epsg ? `EPSG:${epsg}` : name,
    name,
    toLonLat: (p) => converter.forward([p[0]!, p[1]!]),
    ...(transformation ? { transformation } : {}),
    ...(ownParameters?.some((v) => v !== 0) ? { prjParameters: ownParameters } : {}),
    ...(datumType === PJD_NODATUM && !iraq ? { unknownDatum: datumName } : {}),
  };
}
