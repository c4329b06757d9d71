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
import { readGovernorates } from "@/prisma/governorates";
import { sessionCookie } from "@/tests/helpers/session-cookie";
import { BASE, DATABASE, machine, percentiles, root, runBench, SIZE } from "./app-server";
import { rng, walkedBoundary } from "./scenarios";

const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 200);
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

runBench(async () => {
  const cookie = await sessionCookie(BASE, "dma@demo.test");
  // A new seed each run (or BENCH_SEED to repeat one): the data set is kept between runs, and
  // the same places again would only meet the areas the last run registered there.
  const seed = Number(process.env.BENCH_SEED ?? Date.now() % 2 ** 31);
  const random = rng(seed);
  const run = Date.now().toString(36).toUpperCase();
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
    // Not built yet (issue 19's import): measured when it is.
    import20000: null,
  };
  fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const file = path.join(root, "bench/results", DATABASE === "pglite" ? "register.json" : `register-${DATABASE}.json`);
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`Written to ${path.relative(root, file)}`);
});
