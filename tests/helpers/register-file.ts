// A national register as an authority would export it from IMSMA NG: a
// zipped shapefile in UTM 38N with IMSMA's column names (cut to 10
// characters), squares of about 200 m laid on a grid in Kirkuk (DMA's), and,
// on request, the broken rows such files carry. Test tooling for the import's
// integration and end-to-end tests and its benchmark.
import type { Position } from "geojson";
import { lonLatToUtm } from "@/lib/geo/read/utm";
import { attributesDbf, polygonShp, storedZip } from "./shapefile-writer";

export const PRJ_UTM_38N =
  'PROJCS["WGS_1984_UTM_Zone_38N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",45.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** Where the grid starts (south-west corner), its spacing and each square's side, in degrees: inside Kirkuk governorate. */
const ORIGIN: Position = [44.1, 35.28];
const SPACING = 0.01;
const SIDE = 0.002;
const PER_ROW = 30;

/** The broken rows (numbers from 1), what is wrong with each, and the problem the preview must report. */
export const BROKEN_ROWS = {
  3: { field: "kind", code: "UNKNOWN_VALUE" },
  7: { field: "geometry", code: "SELF_INTERSECTION" },
  11: { field: "code", code: "DUPLICATE_CODE" },
  19: { field: "informationDate", code: "BAD_DATE" },
} as const;
/** A row that shares half its land with the row before it: accepted, but overlapping. */
export const OVERLAPPING_ROW = 15;

export const codeOfRow = (row: number) => `CHA-KRK-${String(1000 + row).padStart(5, "0")}`;

/** The square of a row (from 1), [lon, lat], counter-clockwise. */
export function squareOfRow(row: number, shift = 0): Position[] {
  const i = row - 1;
  const [x0, y0] = [ORIGIN[0]! + (i % PER_ROW) * SPACING + shift, ORIGIN[1]! + Math.floor(i / PER_ROW) * SPACING];
  return [
    [x0, y0],
    [x0 + SIDE, y0],
    [x0 + SIDE, y0 + SIDE],
    [x0, y0 + SIDE],
    [x0, y0],
  ];
}

/**
 * The shapefile's zip and what each row is. With `broken`, the rows of
 * BROKEN_ROWS carry their fault and OVERLAPPING_ROW lies half over its
 * neighbour's square; every other row is a clean, separate square.
 */
export function registerShapefile({ count, broken = true }: { count: number; broken?: boolean }) {
  const utm = lonLatToUtm(38);
  const polygons: Position[][][] = [];
  const records: Record<string, string>[] = [];
  for (let row = 1; row <= count; row++) {
    const fault = broken ? (BROKEN_ROWS as Record<number, { code: string }>)[row]?.code : undefined;
    let ring = broken && row === OVERLAPPING_ROW ? squareOfRow(row - 1, SIDE / 2) : squareOfRow(row);
    if (fault === "SELF_INTERSECTION") ring = [ring[0]!, ring[2]!, ring[1]!, ring[3]!, ring[0]!];
    // A shapefile's outer ring runs clockwise.
    polygons.push([[...ring].reverse().map(utm)]);
    records.push({
      OBJECTID: String(row),
      HAZ_LOCALI: fault === "DUPLICATE_CODE" ? codeOfRow(1) : codeOfRow(row),
      HAZARD_NAM: `Imported area ${row}`,
      HAZ_TYPE:
        fault === "UNKNOWN_VALUE" ? "Danger zone" : row % 2 ? "Confirmed Hazardous Area" : "Suspected Hazardous Area",
      CONTAMINAT: "AP mines; UXO",
      LAND_USE: "Agricultural land",
      PRIORITY: "2",
      DATE_OF_IN: fault === "BAD_DATE" ? "31/02/2020" : "12/03/2019",
    });
  }
  return storedZip({
    "register/hazards.shp": polygonShp(polygons),
    "register/hazards.dbf": attributesDbf(records),
    "register/hazards.prj": PRJ_UTM_38N,
  });
}
