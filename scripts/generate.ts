// National-scale data for load tests and benchmarks, deterministic from a seed:
//   npm run generate -- --hazards 20000 --reports 200000 --grants 2000 [--seed 1]
// Hazardous areas are rectangles (100–1,000 m) at random points inside
// Iraq's governorates, weighted by governorate area; each has one task and
// reports releasing consecutive strips west to east, so the counted areas are
// exact without overlay. Everything generated carries "GEN" in its code or
// name and isDemo, so it is never mistaken for real data; the same seed
// gives the same data. Runs on the
// configured database (PGLITE_DIR or DATABASE_URL) after `npm start`'s set-up.
import { booleanPointInPolygon } from "@turf/turf";
import type { MultiPolygon, Polygon } from "geojson";
import { rng } from "@/bench/scenarios";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { CONTAMINATION_TYPES, LAND_USES } from "@/lib/schemas/hazard-area";
import { bumpDataVersion } from "@/lib/server/cache";
import { readGovernorates } from "@/prisma/governorates";
import { runScript, withMigratedDatabase } from "./run-script";

type Options = { hazards: number; reports: number; grants: number; seed: number };

function options(argv: string[]): Options {
  const get = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number (got ${argv[i + 1]}).`);
    return v;
  };
  return {
    hazards: get("hazards", 20_000),
    reports: get("reports", 200_000),
    grants: get("grants", 2_000),
    seed: get("seed", 1),
  };
}

const DEVICES = ["AP_MINE", "AT_MINE", "IMPROVISED_AP_MINE", "IED", "UXO", "CLUSTER_SUBMUNITION"] as const;
const MONTHS = Array.from(
  { length: 34 },
  (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
); // 2024-01 … 2026-10

function rect(lon: number, lat: number, widthM: number, heightM: number, from = 0, to = 1): Polygon {
  const dLon = widthM / (111_320 * Math.cos((lat * Math.PI) / 180));
  const dLat = heightM / 110_574;
  const x0 = lon - dLon / 2 + dLon * from;
  const x1 = lon - dLon / 2 + dLon * to;
  return {
    type: "Polygon",
    coordinates: [
      [
        [x0, lat - dLat / 2],
        [x1, lat - dLat / 2],
        [x1, lat + dLat / 2],
        [x0, lat + dLat / 2],
        [x0, lat - dLat / 2],
      ],
    ],
  };
}

async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

async function main() {
  const opt = options(process.argv.slice(2));
  const random = rng(opt.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const started = Date.now();
  await withMigratedDatabase(async (db) => {
    // The seed names the run: the same seed gives the same data, once.
    const run = `s${opt.seed}`;
    if (await db.grant.findFirst({ where: { code: { startsWith: `GEN-${run}-` } }, select: { id: true } })) {
      throw new Error(
        `This database already holds data generated with --seed ${opt.seed}; use another seed or a fresh database.`,
      );
    }
    const governorates = readGovernorates();
    const rows = await db.governorate.findMany({ select: { pcode: true, authorityId: true } });
    if (rows.length === 0)
      throw new Error("The database has no governorates: run `npm start` (or scripts/setup-db.ts) once first.");
    const authority = new Map(rows.map((g) => [g.pcode, g.authorityId!]));
    const areas = governorates.map((g) => geodesicAreaM2(g.geometry));
    const total = areas.reduce((s, a) => s + a, 0);
    const governorate = () => {
      let x = random() * total;
      for (const [i, a] of areas.entries()) if ((x -= a) <= 0) return governorates[i]!;
      return governorates.at(-1)!;
    };
    const boxes = new Map(
      governorates.map((g) => {
        const points = (g.geometry.type === "Polygon" ? [g.geometry.coordinates] : g.geometry.coordinates).flat(2);
        let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
        for (const [x, y] of points as [number, number][])
          [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
        return [g, [w, s, e, n] as const];
      }),
    );
    const pointIn = (g: (typeof governorates)[number]): [number, number] => {
      const [w, s, e, n] = boxes.get(g)!;
      for (;;) {
        const p: [number, number] = [w + random() * (e - w), s + random() * (n - s)];
        if (booleanPointInPolygon(p, g.geometry)) return p;
      }
    };

    const partners = Array.from({ length: 30 }, (_, i) => ({
      id: `gen-${run}-partner-${i}`,
      name: `GEN ${run} partner ${i + 1}`,
      roles: ["OPERATOR" as const],
      operatorKind: "NGO" as const,
      isDemo: true,
    }));
    const donors = Array.from({ length: 20 }, (_, i) => ({
      id: `gen-${run}-donor-${i}`,
      name: `GEN ${run} donor ${i + 1}`,
      roles: ["DONOR" as const],
      isDemo: true,
    }));
    await db.organisation.createMany({ data: [...partners, ...donors] });

    const grants = Array.from({ length: opt.grants }, (_, i) => {
      const usd = BigInt(Math.round(50_000 + random() * 4_950_000)) * 100n;
      return {
        id: `gen-${run}-grant-${i}`,
        code: `GEN-${run}-GRANT-${i}`,
        title: `GEN grant ${i + 1}`,
        donorId: pick(donors).id,
        partnerId: pick(partners).id,
        amountMinor: usd,
        currency: "USD",
        amountUsdCents: usd,
        fiscalYear: 2024 + Math.floor(random() * 3),
        isDemo: true,
      };
    });
    await inBatches(grants, 2_000, (b) => db.grant.createMany({ data: b }));
    const transactions = grants.flatMap((g) => {
      const disbursed = (g.amountUsdCents * BigInt(50 + Math.floor(random() * 51))) / 100n;
      const spent = (disbursed * BigInt(30 + Math.floor(random() * 61))) / 100n;
      const tx = (type: "INCOMING_COMMITMENT" | "DISBURSEMENT" | "EXPENDITURE", cents: bigint, month: string) => ({
        grantId: g.id,
        donorId: g.donorId,
        type,
        date: new Date(`${month}-15T00:00:00Z`),
        amountMinor: cents,
        currency: "USD",
        amountUsdCents: cents,
        isDemo: true,
      });
      return [
        tx("INCOMING_COMMITMENT", g.amountUsdCents, `${g.fiscalYear}-01`),
        tx("DISBURSEMENT", disbursed, `${g.fiscalYear}-03`),
        tx("EXPENDITURE", spent, `${g.fiscalYear}-12`),
      ];
    });
    await inBatches(transactions, 5_000, (b) => db.fundingTransaction.createMany({ data: b }));
    const grantsOf = new Map<string, string[]>();
    for (const g of grants) grantsOf.set(g.partnerId, [...(grantsOf.get(g.partnerId) ?? []), g.id]);

    const perHazard = opt.hazards ? Math.max(1, Math.round(opt.reports / opt.hazards)) : 0;
    let reportsLeft = opt.reports;
    const hazards = [],
      tasks = [],
      links = [],
      funding = [],
      reports = [],
      devices = [];
    for (let i = 0; i < opt.hazards; i++) {
      const g = governorate();
      const [lon, lat] = pointIn(g);
      const [widthM, heightM] = [100 + random() * 900, 100 + random() * 700];
      const geometry = rect(lon, lat, widthM, heightM);
      const id = `gen-${run}-ha-${i}`;
      const partner = pick(partners);
      const taskId = `gen-${run}-task-${i}`;
      const n = Math.min(reportsLeft, i === opt.hazards - 1 ? reportsLeft : perHazard);
      reportsLeft -= n;
      let released = 0;
      const runs: [number, number][] = [];
      let month = Math.floor(random() * 12);
      for (let k = 0; k < n; k++) {
        const [from, to] = [k / n, (k + 1) / n];
        const strip = rect(lon, lat, widthM, heightM, from, to);
        const areaM2 = geodesicAreaM2(strip);
        const r = random();
        const status = r < 0.85 ? "APPROVED" : r < 0.95 ? "SUBMITTED" : "REJECTED";
        const m = random();
        const method = m < 0.4 ? "CANCELLED" : m < 0.65 ? "REDUCED" : "CLEARED";
        month = Math.min(MONTHS.length - 1, month + Math.floor(random() * 3));
        const start = new Date(`${MONTHS[month]}-01T00:00:00Z`);
        const reportId = `gen-${run}-r-${i}-${k}`;
        reports.push({
          id: reportId,
          taskId,
          hazardAreaId: id,
          partnerId: partner.id,
          method,
          status,
          periodStart: start,
          periodEnd: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)),
          submittedAt: start,
          submittedGeometry: strip,
          submittedAreaM2: areaM2,
          outsideHazardM2: 0,
          alreadyReleasedM2: 0,
          countedAreaM2: areaM2,
          countedGeometry: status === "APPROVED" ? strip : undefined,
          isDemo: true,
        });
        if (status === "APPROVED") {
          released += areaM2;
          const last = runs.at(-1);
          if (last && last[1] === from) last[1] = to;
          else runs.push([from, to]);
          if (method === "CLEARED" && random() < 0.3)
            devices.push({ reportId, category: pick(DEVICES), count: 1 + Math.floor(random() * 20) });
        }
      }
      const releasedGeometry: MultiPolygon | undefined = runs.length
        ? { type: "MultiPolygon", coordinates: runs.map(([a, b]) => rect(lon, lat, widthM, heightM, a, b).coordinates) }
        : undefined;
      hazards.push({
        id,
        code: `GEN-${run}-${i}`,
        name: `GEN hazardous area ${i + 1}`,
        kind: random() < 0.7 ? ("CHA" as const) : ("SHA" as const),
        contamination: [pick(CONTAMINATION_TYPES)],
        landUse: pick(LAND_USES),
        priorityRank: 1 + Math.floor(random() * 5),
        governoratePcode: g.properties.pcode,
        authorityId: authority.get(g.properties.pcode)!,
        geometry,
        areaM2: geodesicAreaM2(geometry),
        releasedGeometry,
        releasedM2: released,
        isDemo: true,
      });
      tasks.push({
        id: taskId,
        code: `GEN-${run}-TASK-${i}`,
        title: `GEN task ${i + 1}`,
        authorityId: authority.get(g.properties.pcode)!,
        partnerId: partner.id,
        priority: 1 + Math.floor(random() * 5),
        status: "IN_PROGRESS" as const,
        workScopes: ["CLEARANCE" as const],
        isDemo: true,
      });
      links.push({ taskId, hazardAreaId: id });
      const theirs = grantsOf.get(partner.id);
      if (theirs?.length) funding.push({ taskId, grantId: pick(theirs), shareBp: 10_000 });
    }
    await inBatches(hazards, 1_000, (b) => db.hazardArea.createMany({ data: b as never }));
    await inBatches(tasks, 5_000, (b) => db.task.createMany({ data: b }));
    await inBatches(links, 10_000, (b) => db.taskHazardArea.createMany({ data: b }));
    await inBatches(funding, 10_000, (b) => db.grantTask.createMany({ data: b }));
    await inBatches(reports, 2_000, (b) => db.landReleaseReport.createMany({ data: b as never }));
    await inBatches(devices, 10_000, (b) => db.deviceFound.createMany({ data: b }));
    await db.auditEvent.create({
      data: { action: "generate", entityType: "Database", entityId: run, after: { ...opt, run } },
    });
    await bumpDataVersion(db);
    // Fresh statistics, or the planner treats the bulk-loaded tables as empty.
    await db.$executeRawUnsafe("ANALYZE");
    console.log(
      `Generated run ${run} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${hazards.length} hazardous areas, ${tasks.length} tasks, ${reports.length} reports, ${devices.length} device rows, ${grants.length} grants, ${transactions.length} transactions.`,
    );
  });
}

runScript(main);
