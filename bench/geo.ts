// npm run bench:geo — geometry benchmarks, written to bench/results/geo.json.
// Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server with
// PostGIS available to compare the same union and accounting with PostGIS.
import fs from "node:fs";
import os from "node:os";
import geographiclib from "geographiclib-geodesic";
import type { Polygon } from "geojson";
import { accountRelease, releasedAfterApproval } from "@/lib/domain/land-release";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { intersection, unionAll } from "@/lib/geo/boolean";
import { loadGeometryEngine } from "@/lib/geo/engine";
import { compareWithPostgis } from "./postgis";
import { earlierReleases, rng, walkedBoundary } from "./scenarios";
import { measure } from "./stats";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);

async function main() {
  const loadStart = performance.now();
  await loadGeometryEngine();
  const engineLoadMs = Math.round(performance.now() - loadStart);

  // A ~1.1 km² hazardous area near Mosul with 500 earlier approved releases
  // (clearance lanes and survey boxes), and a 2,000-vertex walked boundary.
  const random = rng(20261124);
  const hazard = walkedBoundary(random, 43.05, 36.3, 200, 600, 0.1);
  const releases = earlierReleases(random, 43.05, 36.3, 500, 400);
  const released = intersection(unionAll(releases), hazard)!;
  const wide = walkedBoundary(random, 43.051, 36.301, 2000, 300, 0.25);
  const local = walkedBoundary(random, 43.052, 36.302, 2000, 60, 0.25);
  const vertices = (g: Polygon) => g.coordinates[0]!.length - 1;

  const results: Record<string, unknown> = {
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      node: process.version,
      date: new Date().toISOString(),
    },
    engineLoadMs,
    scenario: {
      hazardVertices: vertices(hazard),
      earlierReleases: releases.length,
      releasedParts: released.type === "MultiPolygon" ? released.coordinates.length : 1,
      submittedVertices: vertices(wide),
    },
    // The report spreads over most of the released land: the worst case.
    accounting2000v500: await measure(() => accountRelease({ submitted: wide, hazard, released }), RUNS),
    // A report over a 120 m patch, as most are: released land far from it is skipped by bounding box.
    accounting2000v500Local: await measure(() => accountRelease({ submitted: local, hazard, released }), RUNS),
    approval2000v500: await measure(() => {
      const a = accountRelease({ submitted: wide, hazard, released });
      return releasedAfterApproval(released, a.insideGeometry);
    }, RUNS),
    union500: await measure(() => unionAll(releases), Math.max(5, Math.ceil(RUNS / 5))),
    countedAreaM2: accountRelease({ submitted: wide, hazard, released }).countedAreaM2,
  };

  // Area throughput: our geodesicAreaM2 against GeographicLib's PolygonArea called directly.
  const big = walkedBoundary(rng(7), 44.0, 35.0, 100_000, 5_000, 0.2);
  const n = vertices(big);
  const ours = await measure(() => geodesicAreaM2(big), 20);
  const direct = await measure(() => {
    const p = geographiclib.Geodesic.WGS84.Polygon(false);
    for (const [lon, lat] of big.coordinates[0]!.slice(0, -1)) p.AddPoint(lat!, lon!);
    return p.Compute(false, true).area;
  }, 20);
  results.areaThroughput = {
    vertices: n,
    oursVerticesPerSecond: Math.round((n / ours.p50Ms) * 1000),
    geographiclibVerticesPerSecond: Math.round((n / direct.p50Ms) * 1000),
  };

  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  results.postgis = url
    ? await compareWithPostgis(url, { hazard, releases, submitted: wide, runs: RUNS, ours: results as never })
    : { skipped: "set BENCH_DATABASE_URL to a PostgreSQL server with PostGIS to compare" };

  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/geo.json", `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
