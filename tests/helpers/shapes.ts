// Plain shapes the tests, the end-to-end specs and the benchmarks draw with:
// boxes in degrees, rectangles and strips in metres. Pure (no Prisma, no
// server code), so the tests of the pure lib folders may use them too.
import type { Polygon, Position } from "geojson";

const M_PER_DEG_LAT = 110_574;
const mPerDegLon = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);

/** The polygon of one ring, closed by repeating its first position. */
export const closed = (ring: Position[]): Polygon => ({ type: "Polygon", coordinates: [[...ring, ring[0]!]] });

/** The closed ring of the box from (x0, y0) to (x1, y1), counter-clockwise from (x0, y0). */
export const boxRing = (x0: number, y0: number, x1: number, y1: number): Position[] =>
  closed([
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ]).coordinates[0]!;

/** The box from (x0, y0) to (x1, y1), in degrees. */
export const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: "Polygon",
  coordinates: [boxRing(x0, y0, x1, y1)],
});

/** A square `d` degrees a side, its south-west corner at (x, y). */
export const square = (x: number, y: number, d: number): Polygon => box(x, y, x + d, y + d);

/** A ring that crosses itself once, (x0, y0) → (x1, y1) → (x1, y0) → (x0, y1): a bow tie. */
export const bowtie = (x0: number, y0: number, x1: number, y1: number): Polygon =>
  closed([
    [x0, y0],
    [x1, y1],
    [x1, y0],
    [x0, y1],
  ]);

/** A rectangle `widthM` × `heightM` metres centred on `[lon, lat]`, counter-clockwise. */
export function rectangle([lon, lat]: [number, number], widthM: number, heightM: number): Polygon {
  const [dx, dy] = [widthM / mPerDegLon(lat) / 2, heightM / M_PER_DEG_LAT / 2];
  return box(lon - dx, lat - dy, lon + dx, lat + dy);
}

/**
 * The part of a rectangle between fractions `from` and `to` of its width, west
 * to east, kept 1e-5° inside its south and north edges (a strip of cleared lanes).
 */
export function strip(rect: Polygon, from: number, to: number): Polygon {
  const [[w, s], [e], [, n]] = rect.coordinates[0] as [[number, number], [number, number], [number, number]];
  return box(w + (e - w) * from, s + 1e-5, w + (e - w) * to, n - 1e-5);
}
