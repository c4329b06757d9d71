// Hostile input against the two APIs that write geometry, through their real
// route handlers (authorisation, body limits, parsing, zod, lib/geo, the
// transaction): broken GeoJSON, huge and non-finite coordinates, deep
// nesting, wrong types, garbage files, oversized bodies. No input may get a
// 5xx, every refusal says what is wrong, and only accepted input is stored.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { POST as registerHazardArea } from "@/app/api/hazard-areas/route";
import { POST as recordInspection } from "@/app/api/tasks/[id]/inspections/route";
import { POST as submitReport } from "@/app/api/tasks/[id]/reports/route";
import { issueApiToken as createApiToken } from "@/lib/server/commands/issue-api-token";
import { MAX_BODY_BYTES } from "@/lib/server/http";
import type { Db } from "@/lib/server/prisma";
import { actorFor } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

/** Inputs per API and database; two APIs, so 10,000 per database. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 5_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);

// Near DEMO-NIN-001 (Ninewa), so some polygons get past the schema into the geometry checks and the hazard-area overlap.
const lon = fc.double({ min: 42.9, max: 43.2, noNaN: true });
const lat = fc.double({ min: 36.2, max: 36.4, noNaN: true });
const hostileNumber = fc.oneof(
  fc.double(), // NaN and ±Infinity become null in JSON, which is hostile too
  fc.constantFrom(1e308, -1e308, 1e21, 5e-324, -0, 180.0000001, 90.5, -181, Number.MAX_SAFE_INTEGER + 2),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
);
const position = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(lon, lat) },
  fc.array(hostileNumber, { maxLength: 4 }),
  fc.anything({ maxDepth: 2 }),
);
const ring = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.tuple(lon, lat), { minLength: 3, maxLength: 10 }).map((r) => [...r, r[0]!]) }, // closed, maybe crossing itself
  fc.array(position, { maxLength: 10 }),
);
const polygonCoords = fc.array(ring, { minLength: 0, maxLength: 3 });
const geometry = fc.oneof(
  { weight: 4, arbitrary: polygonCoords.map((coordinates) => ({ type: "Polygon", coordinates })) },
  fc.array(polygonCoords, { maxLength: 3 }).map((coordinates) => ({ type: "MultiPolygon", coordinates })),
  polygonCoords.map((coordinates) => ({
    type: "Feature",
    properties: null,
    geometry: { type: "Polygon", coordinates },
  })),
  fc
    .array(
      polygonCoords.map((coordinates) => ({
        type: "Feature",
        geometry: { type: fc.sample(fc.constantFrom("Polygon", "LineString", "Point"), 1)[0], coordinates },
      })),
      { maxLength: 3 },
    )
    .map((features) => ({ type: "FeatureCollection", features })),
  fc.record({ type: fc.string({ maxLength: 20 }), coordinates: fc.anything({ maxDepth: 3 }) }),
  fc.record({
    type: fc.constant("GeometryCollection"),
    geometries: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  }),
  fc.anything({ maxDepth: 3 }),
);
// A polygon far larger than any field boundary: 200,000 positions (about 8 MB of JSON).
const giant = fc.constant(null).map(() => ({
  type: "Polygon",
  coordinates: [
    Array.from({ length: 200_000 }, (_, i) => [
      43 + 0.1 * Math.cos((2 * Math.PI * i) / 200_000),
      36.3 + 0.1 * Math.sin((2 * Math.PI * i) / 200_000),
    ]),
  ],
}));
/** A field's plausible value most of the time, anything at all otherwise. */
const field = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: good }, fc.anything({ maxDepth: 2 }));

const hazardJson = fc.record(
  {
    code: field(fc.stringMatching(/^FZ-[A-Z0-9]{4,8}$/)),
    name: field(fc.string({ minLength: 3, maxLength: 40 })),
    kind: field(fc.constantFrom("SHA", "CHA")),
    contamination: field(fc.subarray(["AP_MINES", "IEDS", "UXO"], { minLength: 1 })),
    landUse: field(fc.constantFrom("AGRICULTURE", "HOUSING", "SCHOOL")),
    priorityRank: field(fc.integer({ min: -5, max: 2_000 })),
    geometry,
  },
  { requiredKeys: [] },
);
const reportJson = fc.record(
  {
    method: field(fc.constantFrom("cancelled", "reduced", "cleared")),
    periodStart: field(fc.constantFrom("2026-10-01", "2026-13-01", "2026-10-31", "yesterday")),
    periodEnd: field(fc.constantFrom("2026-10-31", "2026-09-30", "2026-02-30")),
    geometry,
    clearanceDepthCm: field(fc.integer({ min: -10, max: 2_000 })),
    devices: field(
      fc.array(
        fc.record({
          type: field(fc.constantFrom("IED", "UXO", "TANK")),
          count: field(fc.integer({ min: -1, max: 2_000_000 })),
        }),
        { maxLength: 60 },
      ),
    ),
    supersedesId: field(fc.string({ maxLength: 30 })),
  },
  { requiredKeys: [] },
);
// A post-clearance inspection's sample is a polygon from the field like a report's. Its result is PASSED (or
// nonsense): an accepted FAILED one would return the task to work, and every later input would stop at that status
// check before reaching the geometry.
const inspectionJson = fc.record(
  {
    inspectedOn: field(fc.constantFrom("2026-11-25", "2026-13-01", "2099-01-01", "today")),
    inspector: field(fc.string({ maxLength: 300 })),
    itemsFound: field(fc.integer({ min: -5, max: 200_000 })),
    result: field(fc.constantFrom("PASSED", "passed", "UNKNOWN")),
    findings: field(fc.string({ maxLength: 6_000 })),
    geometry,
  },
  { requiredKeys: [] },
);

type Body = { body: BodyInit; contentType?: string; label: string };
const json = (value: fc.Arbitrary<unknown>) =>
  value.map((v): Body => ({ body: JSON.stringify(v) ?? "", contentType: "application/json", label: "json" }));
const garbageFile = fc.record({
  name: fc.constantFrom(
    "field.kml",
    "field.gpx",
    "field.geojson",
    "field.zip",
    "field.csv",
    "field.shp",
    "../../etc/passwd.kml",
    "noextension",
    `${"x".repeat(300)}.kml`,
  ),
  bytes: fc.oneof(
    fc.uint8Array({ maxLength: 2_000 }),
    fc
      .constantFrom(
        '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>&xxe;</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>',
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>43.0,36.3 NaN,Infinity 1e400,36.3</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>',
        "<gpx><trk><trkseg><trkpt lat='36.3' lon='43.0'/></trkseg></trk></gpx>",
        "lat,lon\n36.3,43.0\n999,999\n,\n",
        "PK\u0003\u0004garbage-that-claims-to-be-a-zip",
      )
      .map((s) => new TextEncoder().encode(s)),
  ),
  data: fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 40 }),
    hazardJson.map((h) => JSON.stringify({ ...h, geometry: undefined })),
  ),
  utmZone: fc.oneof(fc.constant(undefined), fc.constantFrom("37", "38", "39", "-1", "NaN")),
});
const multipart = garbageFile.map(({ name, bytes, data, utmZone }): Body => {
  const form = new FormData();
  form.set("file", new File([bytes as BlobPart], name));
  if (data !== undefined) form.set("data", data);
  if (utmZone !== undefined) form.set("utmZone", utmZone);
  return { body: form, label: "multipart" };
});
const raw = fc.oneof(
  fc.string({ maxLength: 200 }).map((s): Body => ({ body: s, contentType: "application/json", label: "text" })),
  fc
    .uint8Array({ maxLength: 500 })
    .map((b): Body => ({ body: b as BodyInit, contentType: "application/json", label: "bytes" })),
  fc
    .constantFrom("", "null", "[]", "NaN", '{"geometry":', '{"__proto__":{"admin":true}}', "1".repeat(10_000))
    .map((s): Body => ({ body: s, contentType: "application/json", label: "literal" })),
  fc
    .string({ maxLength: 50 })
    .map((s): Body => ({ body: s, contentType: "multipart/form-data; boundary=x", label: "broken multipart" })),
  // Deep nesting, written as text: a parser or validator that recurses must not fall over.
  fc.tuple(fc.integer({ min: 50, max: 50_000 }), fc.constantFrom("[", '{"a":')).map(
    ([depth, open]): Body => ({
      body: `{"method":"cleared","kind":"CHA","geometry":${open.repeat(depth)}1${(open === "[" ? "]" : "}").repeat(depth)}}`,
      contentType: "application/json",
      label: "deep nesting",
    }),
  ),
);
// Over the body limit, now and then: refused with 413 without being read whole.
const oversized = fc
  .constant(null)
  .map((): Body => ({ body: new Uint8Array(MAX_BODY_BYTES + 1), contentType: "application/json", label: "oversized" }));
// Weighted so the slow cases (a 25 MB body, an 8 MB polygon) come up a few dozen times in 5,000, not hundreds.
const hostileBody = (fields: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    { weight: 120, arbitrary: json(fields) },
    { weight: 30, arbitrary: multipart },
    { weight: 30, arbitrary: raw },
    { weight: 1, arbitrary: oversized },
    { weight: 1, arbitrary: json(fields.chain((f) => giant.map((geometry) => ({ ...f, geometry })))) },
  );

async function debugDump(b: Body) {
  const file = path.join(os.tmpdir(), "fuzz-current.txt");
  if (!(b.body instanceof FormData)) return fs.writeFileSync(file, typeof b.body === "string" ? b.body : b.label);
  const parts: unknown[] = [];
  for (const [k, v] of b.body.entries())
    parts.push([k, typeof v === "string" ? v : [v.name, Buffer.from(await v.arrayBuffer()).toString("base64")]]);
  fs.writeFileSync(file, JSON.stringify(parts));
}

type Outcome = { status: number; message?: string };
async function call(
  handler: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>,
  token: string,
  id: string,
  b: Body,
): Promise<Outcome> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (b.contentType) headers["content-type"] = b.contentType;
  const res = await handler(new Request("http://localhost/api", { method: "POST", headers, body: b.body }), {
    params: Promise.resolve({ id }),
  });
  const payload = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { status: res.status, message: payload?.error?.message };
}

async function stored(db: Db) {
  return {
    hazardAreas: await db.hazardArea.count(),
    reports: await db.landReleaseReport.count(),
    devices: await db.deviceFound.count(),
    inspections: await db.inspection.count(),
  };
}

describe.each(DATABASE_KINDS)("hostile input to the write APIs on %s", (kind) => {
  const t = useSeededDatabase(kind);

  // The route handlers read the app's database through getDb(): point it at this test's.
  const pointTheAppAtThisDatabase = () =>
    ((globalThis as { __mineActionDb?: Promise<Db> }).__mineActionDb = Promise.resolve(t().db));

  it.each([
    ["POST /api/hazard-areas", "dma@demo.test", registerHazardArea, hazardJson, "hazardAreas", "DEMO-TASK-001"],
    ["POST /api/tasks/{id}/reports", "partner@demo.test", submitReport, reportJson, "reports", "DEMO-TASK-001"],
    // The demo's completed task in Ninewa, inspected by its authority.
    [
      "POST /api/tasks/{id}/inspections",
      "dma@demo.test",
      recordInspection,
      inspectionJson,
      "inspections",
      "DEMO-TASK-002",
    ],
  ] as const)(
    `%s: ${RUNS} hostile inputs, no 5xx, every refusal explained, nothing stored from a refusal`,
    async (_name, email, handler, fields, table, taskCode) => {
      pointTheAppAtThisDatabase();
      const db = t().db;
      const { token } = await createApiToken(db, await actorFor(db, email), "fuzzing");
      const taskId = (await db.task.findUniqueOrThrow({ where: { code: taskCode } })).id;
      const before = await stored(db);
      const statuses: Record<number, number> = {};
      await fc.assert(
        fc.asyncProperty(hostileBody(fields), async (b) => {
          const _started = performance.now();
          // With FUZZ_DEBUG set, the input about to be sent is in <tmp>/fuzz-current.txt: if a call hangs, that is the one.
          if (process.env.FUZZ_DEBUG) await debugDump(b);
          const out = await call(handler, token, taskId, b);
          statuses[out.status] = (statuses[out.status] ?? 0) + 1;
          expect(out.status, `${b.label} input got ${out.status}: ${out.message}`).toBeLessThan(500);
          if (out.status >= 400)
            expect(out.message, `${b.label} input refused with ${out.status} and no message`).toMatch(/\w{3,}/);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      const after = await stored(db);
      const accepted = statuses[201] ?? 0;
      // Each accepted input is one record; a refused one left none (nor devices, which only come with an accepted report).
      expect(after[table] - before[table]).toBe(accepted);
      const others = { ...after, [table]: before[table] };
      if (table === "hazardAreas" || accepted === 0) expect(others).toEqual(before);
      expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(RUNS);
      // At full size the generator reaches every layer: the body limit, the schema and the geometry (FUZZ_RUNS may shrink a local run).
      if (RUNS >= 2_000)
        expect(statuses).toMatchObject({ 400: expect.any(Number), 413: expect.any(Number), 422: expect.any(Number) });
      console.log(`${kind} ${_name}: ${JSON.stringify(statuses)}`);
      // 5,000 inputs take 30–65 s here, more on a busy machine: past the suite's per-test 60 s.
    },
    600_000,
  );
});
