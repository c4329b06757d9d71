import type { MultiPolygon, Polygon, Position } from "geojson";

/**
 * A vertex closer than this, in metres, to the line through its neighbours is
 * not a corner: it lies on a straight edge, or is the tip of a zero-width
 * spike an overlay left (a reopened strip cut from released land can leave
 * one, a millimetre off the edge). No surveyor could mark it; leaving it out
 * moves the boundary by less than this.
 */
const NOT_A_CORNER_M = 0.01;
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_AT_EQUATOR = 111_320;

/** How far b is from the line through a and c, in metres (flat metres around b: neighbours are metres apart). */
function offLineM(a: Position, b: Position, c: Position): number {
  const k = Math.cos((b[1]! * Math.PI) / 180) * M_PER_DEG_LON_AT_EQUATOR;
  const [ax, ay] = [(a[0]! - b[0]!) * k, (a[1]! - b[1]!) * M_PER_DEG_LAT];
  const [cx, cy] = [(c[0]! - b[0]!) * k, (c[1]! - b[1]!) * M_PER_DEG_LAT];
  const chord = Math.hypot(cx - ax, cy - ay);
  return chord === 0 ? Math.hypot(ax, ay) : Math.abs(ax * cy - ay * cx) / chord;
}

/** An outer ring's corners, open (no closing point): vertices that are no corner removed until none is left. */
function corners(ring: readonly Position[]): Position[] {
  let points = ring.slice(0, -1);
  for (let changed = true; changed && points.length > 3; ) {
    changed = false;
    for (let i = 0; i < points.length && points.length > 3; i++) {
      const prev = points[(i - 1 + points.length) % points.length]!;
      const next = points[(i + 1) % points.length]!;
      if (offLineM(prev, points[i]!, next) < NOT_A_CORNER_M) {
        points = points.filter((_, j) => j !== i);
        changed = true;
        i--;
      }
    }
  }
  return points;
}

/** Turning points of an area's outer boundaries, numbered by part and point, as a completion certificate lists them. */
export function turningPoints(
  geometry: Polygon | MultiPolygon | null,
): { part: number; point: number; lon: number; lat: number }[] {
  if (!geometry) return [];
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((rings, part) =>
    corners(rings[0]!).map(([lon, lat], point) => ({ part: part + 1, point: point + 1, lon: lon!, lat: lat! })),
  );
}
