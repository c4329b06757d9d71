// CSV of turning points: one row per point, in order, with longitude/latitude
// or easting/northing (UTM 37N/38N). An id column puts several polygons in one
// file; an order column sorts points within each. A CSV with a WKT column is a
// table of areas instead, one per row (table.ts).

import type { Feature, Position } from "geojson";
import Papa from "papaparse";
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText } from "@/lib/geo/messages";
import { type Collected, polygonsFromFeatures } from "./features";
import { readWktTable, wktColumn } from "./table";
import type { ReadOptions, UtmZone } from "./types";
import { utmToLonLat } from "./utm";

const COLUMNS = {
  lon: ["lon", "lng", "long", "longitude", "x"],
  lat: ["lat", "latitude", "y"],
  easting: ["easting", "e"],
  northing: ["northing", "n"],
  zone: ["zone", "utm_zone", "utmzone"],
  id: ["polygon", "polygon_id", "id", "site", "name"],
  order: ["order", "seq", "point", "pt"],
} as const;

type Row = Record<string, string>;

function column(headers: string[], names: readonly string[]): string | undefined {
  return headers.find((h) => names.includes(h.trim().toLowerCase()));
}

function number(row: Row, col: string, rowNumber: number, position: number): number {
  const raw = (row[col] ?? "").trim();
  const value = Number(raw);
  if (raw === "" || !Number.isFinite(value)) {
    const text = geometryText("csvNotANumber", {
      row: String(rowNumber),
      column: col,
      value: raw,
      decimalComma: raw.includes(",") ? "yes" : "no",
    });
    throw new GeometryError(geometryProblem("INVALID_COORDINATE", text, { position }));
  }
  return value;
}

export function readCsv(text: string, options: ReadOptions): Collected {
  const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: false });
  // Blank lines are left out but still counted, so a row is named by the line a spreadsheet shows it on.
  const rows: Row[] = [];
  const numbers: number[] = [];
  parsed.data.forEach((row, i) => {
    if (Object.values(row).some((v) => String(v ?? "").trim() !== "")) {
      rows.push(row);
      numbers.push(i + 2);
    }
  });
  return readRows(parsed.meta.fields ?? [], rows, options, numbers);
}

/**
 * A sheet's rows under its header row (a CSV's, or a spreadsheet's first
 * sheet's): a table of areas when a column holds WKT (table.ts), otherwise
 * turning points, one per row.
 */
export function readRows(
  headers: readonly string[],
  rows: readonly Record<string, unknown>[],
  options: ReadOptions,
  rowNumbers: readonly number[] = rows.map((_, i) => i + 2),
): Collected {
  const wkt = wktColumn(headers, rows);
  if (wkt) return readWktTable(rows, wkt, options, rowNumbers);
  const text = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v == null ? "" : String(v)])));
  return readTurningPoints([...headers], text, options, rowNumbers);
}

function readTurningPoints(
  headers: string[],
  rows: readonly Row[],
  options: ReadOptions,
  rowNumbers: readonly number[],
): Collected {
  const lon = column(headers, COLUMNS.lon);
  const lat = column(headers, COLUMNS.lat);
  const easting = column(headers, COLUMNS.easting);
  const northing = column(headers, COLUMNS.northing);
  const [xCol, yCol] = easting && northing ? [easting, northing] : [lon, lat];
  if (!xCol || !yCol) {
    const text = headers.length
      ? geometryText("csvNoCoordinateColumns", { headers: headers.join(", ") })
      : geometryText("csvNoHeaders");
    throw new GeometryError(geometryProblem("UNREADABLE_FILE", text));
  }
  const idCol = column(headers, COLUMNS.id);
  const orderCol = column(headers, COLUMNS.order);
  const zoneCol = column(headers, COLUMNS.zone);
  const groups = new Map<string, { order: number; position: Position }[]>();
  rows.forEach((row, i) => {
    const rowNumber = rowNumbers[i]!; // the header is row 1, as in a spreadsheet
    let position: Position = [number(row, xCol, rowNumber, i), number(row, yCol, rowNumber, i)];
    const projected = Math.abs(position[0]!) > 180 || Math.abs(position[1]!) > 90;
    if (projected) {
      const zone = (zoneCol ? Number.parseInt(row[zoneCol] ?? "", 10) : options.utmZone) as UtmZone | undefined;
      if (zone !== 37 && zone !== 38) {
        const text = geometryText("csvMissingZone", { row: String(rowNumber), coordinate: position.join(", ") });
        throw new GeometryError(geometryProblem("MISSING_PROJECTION", text, { position: i, coordinate: position }));
      }
      position = utmToLonLat(zone)(position);
    }
    const key = idCol ? (row[idCol] ?? "").trim() : "";
    const order = orderCol ? number(row, orderCol, rowNumber, i) : i;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push({ order, position });
  });
  const features: Feature[] = [...groups.entries()].map(([id, points]) => {
    const ring = [...points].sort((a, b) => a.order - b.order).map((p) => p.position);
    const closed =
      ring.length > 0 && (ring[0]![0] !== ring[ring.length - 1]![0] || ring[0]![1] !== ring[ring.length - 1]![1])
        ? [...ring, ring[0]!]
        : ring;
    return {
      type: "Feature",
      properties: id ? { name: id } : {},
      geometry: { type: "Polygon", coordinates: [closed] },
    };
  });
  return polygonsFromFeatures(features, options);
}

/**
 * Turning points typed into the report form, as this reader's CSV, so a typed
 * polygon is read, checked and refused exactly as an uploaded one: one point
 * per line, two numbers separated by spaces, a comma or a semicolon;
 * longitude and latitude, or easting and northing when a UTM zone is given.
 */
export function typedTurningPointsCsv(text: string, utmZone?: UtmZone): string {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.split(/[\s,;]+/).join(","));
  return [utmZone ? "easting,northing" : "lon,lat", ...rows].join("\n");
}
