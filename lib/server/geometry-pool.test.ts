import { describe, expect, it } from "vitest";
import type { Polygon, Position } from "geojson";
import { GeometryError } from "@/lib/geo/errors";
import { runGeometry, runInWorker } from "./geometry-pool";

const square: Polygon = { type: "Polygon", coordinates: [[[43.05, 36.3], [43.055, 36.3], [43.055, 36.305], [43.05, 36.305], [43.05, 36.3]]] };
const bowtie: Polygon = { type: "Polygon", coordinates: [[[43.05, 36.3], [43.055, 36.305], [43.055, 36.3], [43.05, 36.305], [43.05, 36.3]]] };

/** A ring of n positions whose every edge crosses near the centre: the costliest shape there is to check or repair. */
function star(n: number): Polygon {
  const k = Math.floor((n - 1) / 2) - 1;
  const ring: Position[] = [];
  for (let i = 0; i < n - 1; i++) {
    const a = (2 * Math.PI * i * k) / (n - 1);
    ring.push([43.05 + 0.01 * Math.cos(a), 36.3 + 0.01 * Math.sin(a)]);
  }
  return { type: "Polygon", coordinates: [[...ring, ring[0]!]] };
}

const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a refusal"); }, (e: unknown) => e as GeometryError);

describe("geometry in worker threads", () => {
  it("validates in a worker, with the same answer as on the main thread", async () => {
    const valid = await runGeometry("validateHazardArea", square);
    expect(valid.areaM2).toBeGreaterThan(240_000);
    expect(valid.geometry).toEqual(square);
  });

  it("a refused shape comes back as a GeometryError with GEOS's repair and its area", async () => {
    const err = await refusal(runGeometry("validateHazardArea", bowtie));
    expect(err).toBeInstanceOf(GeometryError);
    expect(err.code).toBe("SELF_INTERSECTION");
    expect(err.repaired?.type).toBe("MultiPolygon");
    expect(err.repairedAreaM2).toBeGreaterThan(0);
  });

  it("a job over its budget is stopped and refused as too complex, and the pool goes on working", async () => {
    const err = await refusal(runInWorker("repair", [[star(2001)]], 50));
    expect(err.code).toBe("GEOMETRY_TOO_COMPLEX");
    expect(err.problems[0]!.text.en).toMatch(/too complex to check within 0 seconds \(2,001 points\)/);
    expect((await runGeometry("validateHazardArea", square)).areaM2).toBeGreaterThan(0);
  });

  it("a 100,000-vertex self-crossing star is refused as crossing itself, without a repair that would take hours; other work is not held up", async () => {
    const order: string[] = [];
    const hostile = refusal(runGeometry("validateHazardArea", star(100_000))).then((e) => (order.push("star"), e));
    const ordinary = runGeometry("validateHazardArea", square).then((v) => (order.push("square"), v));
    const [err] = await Promise.all([hostile, ordinary]);
    expect(err.code).toBe("SELF_INTERSECTION");
    expect(err.repaired).toBeUndefined();
    expect(order).toEqual(["square", "star"]);
  }, 60_000);
});
