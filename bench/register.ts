// npm run bench:register — registering one hazardous area against a national-scale register,
// written to bench/results/register.json. Serves the built app on the national data set
// (20,000 hazardous areas by default, bench/app-server.ts), signs the DMA officer in and
// registers BENCH_REGISTRATIONS walked boundaries of 20–500 vertices, one after another as
// an officer would, at random points of federal Iraq, timing each answer. Each request runs
// the whole registration: validation, governorate, the overlap check against the areas whose
// box the index finds, the insert and its audit event. Then times the register map's
// views (GET /api/hazard-areas/map) of the whole country and of a district.
import fs from "node:fs";
import path from "node:path";
import { bbox, booleanPointInPolygon, point } from "@turf/turf";
import { lonLatToUtm } from "@/lib/geo/read/utm";
import { readGovernorates } from "@/prisma/governorates";
import { PRJ_UTM_38N } from "@/tests/helpers/register-file";
import { sessionCookie } from "@/tests/helpers/session-cookie";
import { attributesDbf, polygonShp, storedZip } from "@/tests/helpers/shapefile-writer";
import { BASE, DATABASE, machine, percentiles, root, runBench, SIZE } from "./app-server";
import { rng, walkedBoundary } from "./scenarios";

const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 200);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
const IMPORT_TARGET_S = 120;
const VIEWS = Number(process.env.BENCH_VIEWS ?? 100);
const TARGET_P95_MS = 100;

/** A random point inside a federal governorate (DMA's region), by rejection from its bounding box. */
function federalPoint(random: () => number): [number, number] {
  const federal = readGovernorates().filter((g) => !g.properties.kurdistan_region);
  for (;;) {
    const g = federal[Math.floor(random() * federal.length)]!;
    const [w, s, e, n] = bbox(g.geometry);
    const p: [number, number] = [w + (e - w) * random(), s + (n - s) * random()];
    if (booleanPointInPolygon(point(p), g.geometry)) return p;
  }
}

/**
 * A national register as a file: IMPORT_ROWS walked boundaries of 20–500 vertices at random
 * points of federal Iraq, as a zipped UTM 38N shapefile with IMSMA's column names, imported
 * through the API as an authority would (POST /api/imports, then commit, skipping rows that
 * share land with the register), timed from the upload to the last batch registered. Then
 * withdrawn, so the data set stays as it was for the next run.
 */
function importFile(random: () => number, run: string) {
  const utm = lonLatToUtm(38);
  const polygons: [number, number][][][] = [];
  const records: Record<string, string>[] = [];
  let vertices = 0;
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const [lon, lat] = federalPoint(random);
    const n = 20 + Math.floor(random() * 481);
    vertices += n;
    const ring = walkedBoundary(random, lon, lat, n, 100 + random() * 400).coordinates[0]!;
    polygons.push([[...ring].reverse().map(utm) as [number, number][]]);
    records.push({
      HAZ_LOCALI: `IMP-${run}-${i}`,
      HAZ_TYPE: i % 3 ? "Suspected Hazardous Area" : "Confirmed Hazardous Area",
      CONTAMINAT: i % 2 ? "AP mines" : "IED; UXO",
      LAND_USE: "Agricultural land",
      DATE_OF_IN: "12/03/2019",
    });
  }
  const zip = storedZip({
    "register.shp": polygonShp(polygons),
    "register.dbf": attributesDbf(records, 24),
    "register.prj": PRJ_UTM_38N,
  });
  return { zip, vertices };
}

/** Imports the file through the API and times it (see importFile); the import is then withdrawn. */
async function importRegister(cookie: string, { zip, vertices }: ReturnType<typeof importFile>) {
  const form = new FormData();
  form.set("file", new Blob([zip as BlobPart]), "register.zip");
  form.set("kind", "hazard-areas");
  const headers = { cookie, origin: BASE };
  const started = performance.now();
  const previewed = await fetch(`${BASE}/api/imports`, { method: "POST", headers, body: form });
  const preview = (await previewed.json()) as {
    id: string;
    accepted: number;
    overlapping: number;
    problems: unknown[];
  };
  if (previewed.status !== 201)
    throw new Error(`import preview answered ${previewed.status}: ${JSON.stringify(preview)}`);
  const previewSeconds = (performance.now() - started) / 1000;
  await fetch(`${BASE}/api/imports/${preview.id}/commit`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ overlaps: "skip" }),
  });
  let progress: { status: string; created: number; skipped: number };
  for (;;) {
    progress = (
      (await (await fetch(`${BASE}/api/imports/${preview.id}`, { headers })).json()) as {
        progress: typeof progress;
      }
    ).progress;
    if (progress.status !== "committing") break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const seconds = (performance.now() - started) / 1000;
  await fetch(`${BASE}/api/imports/${preview.id}/withdraw`, { method: "POST", headers });
  const result = {
    seconds: Math.round(seconds * 10) / 10,
    previewSeconds: Math.round(previewSeconds * 10) / 10,
    commitSeconds: Math.round((seconds - previewSeconds) * 10) / 10,
    rows: IMPORT_ROWS,
    vertices,
    megabytes: Math.round(zip.byteLength / 1024 / 102.4) / 10,
    accepted: preview.accepted,
    overlapping: preview.overlapping,
    problems: preview.problems.length,
    status: progress.status,
    created: progress.created,
    skipped: progress.skipped,
    targetSeconds: IMPORT_TARGET_S,
  };
  console.log("import20000", JSON.stringify(result));
  return result;
}

runBench(async () => {
  // A new seed each run (or BENCH_SEED to repeat one): the data set is kept between runs, and
  // the same places again would only meet the areas the last run registered there.
  const seed = Number(process.env.BENCH_SEED ?? Date.now() % 2 ** 31);
  const random = rng(seed);
  const run = Date.now().toString(36).toUpperCase();
  // Made before the first request: made between two, its half minute let the server close the idle
  // keep-alive connection the next request then tried to reuse (EPIPE).
  const registerFile = importFile(random, run);
  const cookie = await sessionCookie(BASE, "dma@demo.test");
  const latencies: number[] = [];
  const answers: Record<number, number> = {};
  for (let i = 0; i < REGISTRATIONS; i++) {
    const [lon, lat] = federalPoint(random);
    const vertices = 20 + Math.floor(random() * 481);
    const body = {
      code: `BENCH-REG-${run}-${i}`,
      name: "Bench registration",
      kind: "SHA",
      contamination: ["AP_MINES"],
      landUse: "AGRICULTURE",
      priorityRank: 3,
      geometry: walkedBoundary(random, lon, lat, vertices, 100 + random() * 400),
    };
    const started = performance.now();
    const res = await fetch(`${BASE}/api/hazard-areas`, {
      method: "POST",
      headers: { cookie, origin: BASE, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    answers[res.status] = (answers[res.status] ?? 0) + 1;
    // 201 registered; 409 refused for overlapping the register: both ran the whole check.
    if (res.status === 201 || res.status === 409) latencies.push(performance.now() - started);
  }
  const registerOne = { ...percentiles(latencies), registrations: REGISTRATIONS, answers, targetP95Ms: TARGET_P95_MS };
  console.log("registerOne", JSON.stringify(registerOne));
  // The register map's views: the whole country (areas counted in cells), and a district's
  // window (about 50 × 45 km) at random places of federal Iraq, each area drawn.
  const views = async (make: () => { bbox: number[]; zoom: number }) => {
    const times: number[] = [];
    const levels: Record<string, number> = {};
    for (let i = 0; i < VIEWS; i++) {
      const { bbox, zoom } = make();
      const started = performance.now();
      const res = await fetch(`${BASE}/api/hazard-areas/map?bbox=${bbox.join(",")}&zoom=${zoom}`, {
        headers: { cookie },
      });
      const body = (await res.json()) as { level: string };
      times.push(performance.now() - started);
      levels[`${res.status} ${body.level}`] = (levels[`${res.status} ${body.level}`] ?? 0) + 1;
    }
    return { ...percentiles(times), views: VIEWS, answers: levels };
  };
  const national = await views(() => ({ bbox: [38.79, 29.06, 48.57, 37.38], zoom: 6 }));
  const district = await views(() => {
    const [lon, lat] = federalPoint(random);
    return { bbox: [lon - 0.25, lat - 0.2, lon + 0.25, lat + 0.2], zoom: 10 };
  });
  const viewport = {
    nationalP95Ms: national.p95Ms,
    districtP95Ms: district.p95Ms,
    national,
    district,
    targetP95Ms: TARGET_P95_MS,
  };
  console.log("viewport", JSON.stringify(viewport));
  const out = {
    measuredAt: new Date().toISOString(),
    machine: machine(),
    database: DATABASE,
    data: SIZE,
    seed,
    registerOne,
    viewport,
    import20000: await importRegister(cookie, registerFile),
  };
  fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const file = path.join(root, "bench/results", DATABASE === "pglite" ? "register.json" : `register-${DATABASE}.json`);
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`Written to ${path.relative(root, file)}`);
});
