// Shapes at the vertex limit that cost geometry code the most, for the fuzz
// tests, e2e/hostile-geometry.spec.ts and bench:hostile: each has `vertices`
// positions (closing one included); and where and how those two send them.
import type { Polygon, Position } from "geojson";
import { closed } from "@/tests/helpers/shapes";

/** Every edge crosses near the centre: about n²/4 crossings, the most a ring of n edges can have. */
export function star(vertices: number, centre: Position, radiusDeg = 0.01): Polygon {
  const n = vertices - 1;
  const k = Math.floor(n / 2) - 1;
  return closed(
    Array.from({ length: n }, (_, i) => [
      centre[0]! + radiusDeg * Math.cos((2 * Math.PI * i * k) / n),
      centre[1]! + radiusDeg * Math.sin((2 * Math.PI * i * k) / n),
    ]),
  );
}

/** A spiral walked outwards and straight back to its start: the way back crosses every turn. */
export function spiral(vertices: number, centre: Position, radiusDeg = 0.01, turns = 50): Polygon {
  const n = vertices - 1;
  return closed(
    Array.from({ length: n }, (_, i) => {
      const t = i / n;
      const a = 2 * Math.PI * turns * t;
      return [centre[0]! + radiusDeg * t * Math.cos(a), centre[1]! + radiusDeg * t * Math.sin(a)];
    }),
  );
}

/** A valid comb: thin teeth side by side, as a walked lane-by-lane clearance boundary can be. */
export function comb(vertices: number, corner: Position, widthDeg = 0.02, heightDeg = 0.01): Polygon {
  const teeth = Math.floor((vertices - 3) / 4);
  const step = widthDeg / teeth;
  const ring: Position[] = [];
  for (let i = 0; i < teeth; i++) {
    const x = corner[0]! + i * step;
    ring.push(
      [x, corner[1]! + heightDeg],
      [x + step / 2, corner[1]! + heightDeg],
      [x + step / 2, corner[1]! + heightDeg * 0.1],
      [x + step, corner[1]! + heightDeg * 0.1],
    );
  }
  ring.push([corner[0]! + widthDeg, corner[1]!], [corner[0]!, corner[1]!]);
  return closed(ring);
}

/** Inside DEMO-NIN-001, the demo task's hazardous area near Mosul. */
export const IN_TASK_AREA: Position = [43.0525, 36.2998];
/** Open desert in Anbar, far from any registered area. */
export const IN_DESERT: Position = [41.2, 33.0];

/** A land-release report of the demo task with the shape as its boundary. */
export const hostileReport = (geometry: unknown) => ({
  method: "cleared",
  periodStart: "2026-11-01",
  periodEnd: "2026-11-20",
  clearanceDepthCm: 30,
  geometry,
  devices: [],
});
