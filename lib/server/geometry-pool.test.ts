import { describe, expect, it } from "vitest";
import { tooComplex } from "@/lib/domain/geometry-budget";
import { GeometryError } from "@/lib/geo/errors";
import { geometryFailure } from "@/tests/helpers/geometry-failure";
import { comb, star } from "@/tests/helpers/hostile-shapes";
import { bowtie as bowtieOf, box } from "@/tests/helpers/shapes";
import { runGeometry, runInWorker } from "./geometry-pool";

const square = box(43.05, 36.3, 43.055, 36.305);
const bowtie = bowtieOf(43.05, 36.3, 43.055, 36.305);

const refusal = geometryFailure;

// Timeouts generous for a worker starting on a loaded 2-core machine: what is tested is the answer, not its speed.
describe("geometry in worker threads", { timeout: 120_000 }, () => {
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
    const err = await refusal(runInWorker("repair", [[star(2001, [43.05, 36.3])]], 50));
    expect(err.code).toBe("GEOMETRY_TOO_COMPLEX");
    expect(err.problems[0]!.text.en).toMatch(/too complex to check within 0 seconds \(2,001 points\)/);
    expect((await runGeometry("validateHazardArea", square)).areaM2).toBeGreaterThan(0);
  });

  it("a 100,000-vertex self-crossing star is refused, without a repair that would take hours; other work is not held up", async () => {
    const order: string[] = [];
    const hostile = refusal(runGeometry("validateHazardArea", star(100_000, [43.05, 36.3]))).then((e) => {
      order.push("star");
      return e;
    });
    const ordinary = runGeometry("validateHazardArea", square).then((v) => {
      order.push("square");
      return v;
    });
    const [err] = await Promise.all([hostile, ordinary]);
    // GEOS finds its first crossing in about 5 s; on a machine loaded past the budget the refusal says too complex.
    expect(["SELF_INTERSECTION", "GEOMETRY_TOO_COMPLEX"]).toContain(err.code);
    expect(err.repaired).toBeUndefined();
    expect(order).toEqual(["square", "star"]);
  });

  it("a valid 100,000-vertex comb is accepted and measured (Turf's kinks() took minutes on such a shape)", async () => {
    const valid = await runGeometry("validateHazardArea", comb(100_000, [41.2, 33.0]));
    expect(valid.geometry.type).toBe("Polygon");
    // Teeth half as wide as their pitch over 90 % of the height, and the 10 % strip along the base: 55 % of the box.
    const boxM2 = (await runGeometry("validateHazardArea", box(41.2, 33, 41.22, 33.01))).areaM2;
    expect(valid.areaM2 / boxM2).toBeCloseTo(0.55, 3);
  });

  it("input nested past what can be sent to a worker is refused as not a polygon, and the pool goes on working", async () => {
    let deep: unknown = [43.05, 36.3];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const err = await refusal(runGeometry("validateHazardArea", { type: "Polygon", coordinates: deep }));
    expect(err.code).toBe("NOT_A_POLYGON");
    expect((await runGeometry("validateHazardArea", square)).areaM2).toBeGreaterThan(0);
  });

  it("a file read over its budget is refused without walking the file's bytes for a count", () => {
    const err = tooComplex(15_000, [{ name: "track.gpx", bytes: new Uint8Array(20 * 1024 * 1024) }, {}]);
    expect(err.problems[0]!.text.en).toMatch(/^This shape is too complex to check within 15 seconds\. Simplify/);
  });
});
