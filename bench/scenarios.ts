// Deterministic, realistic clearance geometry for benchmarks and tests:
// hazardous areas, clearance lanes and boxes, GPS-walked boundaries.
import type { Polygon, Position } from "geojson";

/** Mulberry32: a small, seeded PRNG so every run measures the same shapes. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const M_PER_DEG_LAT = 110_574;
const mPerDegLon = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);

/** A star-shaped (simple) polygon of n vertices around (lon, lat) with radii in metres, like a walked boundary. */
export function walkedBoundary(
  random: () => number,
  lon: number,
  lat: number,
  n: number,
  radiusM: number,
  jitter = 0.25,
): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const r = radiusM * (1 - jitter + 2 * jitter * random());
    ring.push([lon + (r * Math.cos(angle)) / mPerDegLon(lat), lat + (r * Math.sin(angle)) / M_PER_DEG_LAT]);
  }
  ring.push([ring[0]![0]!, ring[0]![1]!]);
  return { type: "Polygon", coordinates: [ring] };
}

/** An axis-aligned box, west-south corner at (lon, lat), sizes in metres. */
export function box(lon: number, lat: number, widthM: number, heightM: number): Polygon {
  const x1 = lon + widthM / mPerDegLon(lat);
  const y1 = lat + heightM / M_PER_DEG_LAT;
  return {
    type: "Polygon",
    coordinates: [
      [
        [lon, lat],
        [x1, lat],
        [x1, y1],
        [lon, y1],
        [lon, lat],
      ],
    ],
  };
}

/**
 * Earlier releases in a hazardous area centred at (lon, lat): a mix of
 * clearance lanes (1–2 m wide, 50–300 m long) and survey boxes, overlapping
 * each other as real work does.
 */
export function earlierReleases(
  random: () => number,
  lon: number,
  lat: number,
  count: number,
  spreadM: number,
): Polygon[] {
  const out: Polygon[] = [];
  for (let i = 0; i < count; i++) {
    const x = lon + ((random() - 0.5) * 2 * spreadM) / mPerDegLon(lat);
    const y = lat + ((random() - 0.5) * 2 * spreadM) / M_PER_DEG_LAT;
    out.push(
      random() < 0.6 ? box(x, y, 1 + random(), 50 + 250 * random()) : box(x, y, 20 + 80 * random(), 20 + 80 * random()),
    );
  }
  return out;
}
