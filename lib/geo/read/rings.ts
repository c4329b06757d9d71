// Which ring of a shape is a hole is decided by containment, not winding:
// GDAL's rule (OGRGeometryFactory::organizePolygons). Field software winds
// rings every which way; a ring inside another is a hole in it, a ring inside
// that hole an island, and so on, alternating with depth.
import { booleanPointInPolygon } from "@turf/turf";
import type { Polygon, Position } from "geojson";

/** Shoelace area in the ring's own units: only compared with other rings of the same shape. */
function planarArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    twice += p[0]! * q[1]! - q[0]! * p[1]!;
  }
  return Math.abs(twice) / 2;
}

type Ring = { ring: Position[]; index: number; area: number; box: [number, number, number, number] };

function box(ring: readonly Position[]): Ring["box"] {
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Most of the inner ring's vertices strictly inside the outer: a ring touching its parent at a vertex is still inside. */
function inside(inner: Ring, outer: Ring): boolean {
  const [a, b, c, d] = outer.box;
  const [e, f, g, h] = inner.box;
  if (e < a || f < b || g > c || h > d) return false;
  const polygon: Polygon = { type: "Polygon", coordinates: [outer.ring] };
  let within = 0;
  let without = 0;
  for (const p of inner.ring) {
    if (booleanPointInPolygon(p, polygon, { ignoreBoundary: true })) within++;
    else if (!booleanPointInPolygon(p, polygon)) without++;
  }
  return within > without;
}

/** Rings as polygons: each polygon's shell first, then its holes, in the order the rings came. */
export function nestRings(rings: readonly Position[][]): Position[][][] {
  const largestFirst = rings
    .map((ring, index): Ring => ({ ring, index, area: planarArea(ring), box: box(ring) }))
    .sort((x, y) => y.area - x.area || x.index - y.index);
  const placed: { ring: Ring; depth: number; shell: number }[] = [];
  const polygons: { shell: Ring; holes: Ring[] }[] = [];
  for (const ring of largestFirst) {
    // Rings placed so far are no smaller: the last one containing this ring is its closest parent.
    const parent = placed.findLast((p) => inside(ring, p.ring));
    const depth = parent ? parent.depth + 1 : 0;
    if (depth % 2 === 0) {
      polygons.push({ shell: ring, holes: [] });
      placed.push({ ring, depth, shell: polygons.length - 1 });
    } else {
      polygons[parent!.shell]!.holes.push(ring);
      placed.push({ ring, depth, shell: parent!.shell });
    }
  }
  return polygons
    .sort((x, y) => x.shell.index - y.shell.index)
    .map((p) => [p.shell.ring, ...p.holes.sort((x, y) => x.index - y.index).map((h) => h.ring)]);
}
