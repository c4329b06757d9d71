// The same union and accounting run by PostGIS (GEOS natively, areas on the
// geography type, i.e. GeographicLib), timed from this process.
import type { Polygon } from "geojson";
import pg from "pg";
import { measure } from "./stats";

type Inputs = {
  hazard: Polygon;
  releases: Polygon[];
  submitted: Polygon;
  runs: number;
  ours: { union500: { p50Ms: number }; accounting2000v500: { p50Ms: number }; countedAreaM2: number };
};

export async function compareWithPostgis(url: string, input: Inputs) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS postgis");
    const version = (await client.query("SELECT postgis_full_version() AS v")).rows[0].v as string;
    await client.query("CREATE TEMP TABLE bench_release (g geometry(Polygon, 4326))");
    await client.query(
      "INSERT INTO bench_release SELECT ST_SetSRID(ST_GeomFromGeoJSON(x), 4326) FROM unnest($1::text[]) AS x",
      [input.releases.map((r) => JSON.stringify(r))],
    );
    await client.query(
      `CREATE TEMP TABLE bench_site AS SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS hazard, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326) AS submitted`,
      [JSON.stringify(input.hazard), JSON.stringify(input.submitted)],
    );
    await client.query(
      "CREATE TEMP TABLE bench_released AS SELECT ST_Intersection(ST_Union(r.g), s.hazard) AS g FROM bench_release r, bench_site s GROUP BY s.hazard",
    );
    const union500 = await measure(
      () => client.query("SELECT ST_Area(ST_Union(g)::geography) FROM bench_release"),
      Math.max(5, Math.ceil(input.runs / 5)),
    );
    const accountingSql = `SELECT ST_Area(ST_Difference(ST_Intersection(s.submitted, s.hazard), r.g)::geography) AS counted,
                                  ST_Area(s.submitted::geography) AS submitted
                           FROM bench_site s, bench_released r`;
    const accounting = await measure(() => client.query(accountingSql), input.runs);
    const counted = Number((await client.query(accountingSql)).rows[0].counted);
    return {
      version,
      union500,
      accounting2000v500: accounting,
      postgisCountedAreaM2: counted,
      // PostGIS overlays in the lon/lat plane, we in a gnomonic one (geodesic edges): a small, expected difference.
      countedAreaRelativeDifference: Number(((input.ours.countedAreaM2 - counted) / counted).toExponential(2)),
      ratioUnion500: Math.round((input.ours.union500.p50Ms / union500.p50Ms) * 100) / 100,
      ratioAccounting: Math.round((input.ours.accounting2000v500.p50Ms / accounting.p50Ms) * 100) / 100,
    };
  } finally {
    await client.end();
  }
}
