// How long one request's geometry may take, and the repair that follows a
// refusal. The same rules on the server (a worker thread per job) and in the
// browser (a Web Worker): a job over its budget is stopped, not waited for.
import { GeometryError, geometryProblem } from "@/lib/geo/errors";
import { geometryText } from "@/lib/geo/messages";
import type { GeometryJobName, JobArgs, JobResult } from "./geometry-jobs";

/**
 * Reading, validating and accounting one submission. The worst shape within
 * the 100,000-vertex limit, a star whose every edge crosses the centre,
 * takes GEOS about 5 s to find its first crossing on this project's 2-core
 * machine (npm run bench:hostile); an ordinary 100,000-vertex polygon about 1 s.
 */
export const CHECK_BUDGET_MS = 15_000;
/**
 * GEOS's repair of a refused shape. Its cost grows with the crossings (a
 * 101-vertex star, 2,400 crossings: 9 s; a bow-tie: 1 ms): past this the
 * refusal goes out without a repaired shape rather than keep the user waiting.
 */
export const REPAIR_BUDGET_MS = 5_000;

/** Runs a geometry job within a budget; over it, rejects with `tooComplex`. */
export type JobRunner = <K extends GeometryJobName>(
  name: K,
  args: JobArgs<K>,
  budgetMs: number,
) => Promise<JobResult<K>>;

/**
 * Positions in anything, the size a refusal names: iterative, so input
 * nested thousands deep cannot overflow the stack, and a file's bytes are not
 * walked (a file read's refusal names no count).
 */
export function countPositions(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (!v || typeof v !== "object" || ArrayBuffer.isView(v)) continue;
    if (Array.isArray(v) && typeof v[0] === "number") count++;
    else stack.push(...(Array.isArray(v) ? v : Object.values(v)));
  }
  return count;
}

export function tooComplex(budgetMs: number, args: unknown): GeometryError {
  const vertices = countPositions(args);
  const text = geometryText("tooComplex", {
    seconds: String(Math.round(budgetMs / 1000)),
    vertices,
    count: vertices.toLocaleString("en"),
  });
  return new GeometryError(geometryProblem("GEOMETRY_TOO_COMPLEX", text));
}

/**
 * Runs a job within the check budget; when it refuses a shape GEOS can
 * repair, runs the repair within its own budget and offers it with the
 * refusal, or refuses without an offer when the repair runs over.
 */
export async function runWithRepairOffer<K extends GeometryJobName>(
  run: JobRunner,
  name: K,
  args: JobArgs<K>,
): Promise<JobResult<K>> {
  try {
    return await run(name, args, CHECK_BUDGET_MS);
  } catch (err) {
    if (!(err instanceof GeometryError) || !err.repairable) throw err;
    let offer: JobResult<"repair"> = null;
    try {
      offer = await run("repair", [err.repairable], REPAIR_BUDGET_MS);
    } catch (repairErr) {
      if (!(repairErr instanceof GeometryError && repairErr.code === "GEOMETRY_TOO_COMPLEX")) throw repairErr;
    }
    throw new GeometryError(err.problems, offer ?? undefined);
  }
}
