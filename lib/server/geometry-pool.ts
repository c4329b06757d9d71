import "server-only";
// Geometry work for a request runs here, in worker threads, never on the
// event loop that serves every other user: a job over its budget has its
// worker stopped mid-computation (WebAssembly cannot be interrupted any other
// way) and replaced, and the request is refused as too complex.
// Hand-written rather than piscina: Turbopack bundles a worker only from the
// literal `new Worker(new URL("./file.ts", import.meta.url))`, which a pool
// library that takes a file name cannot be given. About 100 lines.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { CHECK_BUDGET_MS, type JobRunner, runWithRepairOffer, tooComplex } from "@/lib/domain/geometry-budget";
import {
  type GeometryJobName,
  type JobArgs,
  type JobResult,
  replyError,
  type WorkerReply,
} from "@/lib/domain/geometry-jobs";
import { checkFailedProblem, GeometryError, geometryProblem, locatedText } from "@/lib/geo/errors";
import { refusal } from "@/lib/i18n/refusals";
import { CommandError } from "./command-error";

/** One worker per core, at most two: a job is CPU-bound, more threads than cores only slice the same time. */
const WORKERS = Math.max(1, Math.min(2, os.availableParallelism()));
/** Jobs waiting for a worker beyond this are refused at once ("busy, try again") rather than queued for minutes. */
const MAX_WAITING = 16;
/** Nor does a job wait for a worker longer than this. */
const MAX_WAIT_MS = 20_000;
/**
 * A transaction that waits on a geometry job (the overlap check at
 * registration, the accounting at approval) is given the longest that job can
 * take: its wait, its budget, and a margin for the queries around it.
 */
export const TRANSACTION_WITH_GEOMETRY_MS = MAX_WAIT_MS + CHECK_BUDGET_MS + 25_000;

type Pending = {
  id: number;
  name: GeometryJobName;
  args: unknown;
  budgetMs: number;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  waitTimer?: NodeJS.Timeout;
};
type Slot = { worker: Worker; ready: boolean; job: Pending | null; timer?: NodeJS.Timeout };

// Inside Next.js (NEXT_RUNTIME is set by Next itself, as in instrumentation.ts) Turbopack has compiled the worker from
// the literal `new Worker(new URL(…))` below. Outside it (Vitest, tsx scripts) both files are TypeScript: the worker
// registers tsx, then imports its module (Node 20 does not apply `--import tsx` to a worker's entry).
const UNBUNDLED = !process.env.NEXT_RUNTIME;
const TSX_WORKER = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url.replace(/geometry-pool\.ts$/, "geometry-worker.ts"))}); })`;

// One pool per process, however many copies of this module the bundler made (pages and route handlers), as db.ts does.
type Pool = { slots: Slot[]; waiting: Pending[]; nextId: number };
const pool: Pool = ((globalThis as { __geometryPool?: Pool }).__geometryPool ??= { slots: [], waiting: [], nextId: 1 });

function spawn(): Slot {
  const worker = UNBUNDLED
    ? new Worker(TSX_WORKER, { eval: true })
    : new Worker(new URL("./geometry-worker.ts", import.meta.url));
  // An idle pool does not keep a script or a test run alive.
  worker.unref();
  const slot: Slot = { worker, ready: false, job: null };
  worker.on("message", (reply: WorkerReply) => {
    // A job's budget is its own computation: it starts once the worker has loaded GEOS, not while it starts up.
    if ("ready" in reply) {
      slot.ready = true;
      return pump();
    }
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    finish(slot);
    if (reply.ok) job.resolve(reply.result);
    else job.reject(replyError(reply));
    pump();
  });
  // Out of memory: the job was too complex. Any other crash is a fault, reported as one. Either way the worker goes.
  worker.on("error", (err: Error & { code?: string }) =>
    retire(slot, err.code === "ERR_WORKER_OUT_OF_MEMORY" ? undefined : err),
  );
  worker.on("exit", () => retire(slot));
  return slot;
}

function finish(slot: Slot): void {
  clearTimeout(slot.timer);
  slot.job = null;
}

/**
 * Takes a stopped or failed worker out of the pool; its job, if any, is
 * refused as too complex, or with the fault. A worker that failed before it
 * was ready (GEOS would not load) fails the waiting jobs too, rather than be
 * started again and again for them.
 */
function retire(slot: Slot, fault?: Error): void {
  const i = pool.slots.indexOf(slot);
  if (i < 0) return;
  pool.slots.splice(i, 1);
  const job = slot.job;
  finish(slot);
  if (job) job.reject(fault ?? tooComplex(job.budgetMs, job.args));
  void slot.worker.terminate();
  if (!slot.ready) {
    const failed = new GeometryError(checkFailedProblem(fault ?? new Error("the geometry engine did not start")));
    for (const waiting of pool.waiting.splice(0)) settle(waiting).reject(failed);
    return;
  }
  pump();
}

/** The job, its wait over: taken out of the queue's timer. */
function settle(job: Pending): Pending {
  clearTimeout(job.waitTimer);
  return job;
}

function pump(): void {
  while (pool.waiting.length) {
    if (pool.slots.length < WORKERS && pool.slots.every((s) => s.job || !s.ready)) pool.slots.push(spawn());
    const slot = pool.slots.find((s) => s.ready && !s.job);
    if (!slot) return;
    const job = settle(pool.waiting.shift()!);
    slot.job = job;
    slot.timer = setTimeout(() => retire(slot), job.budgetMs);
    try {
      slot.worker.postMessage({ id: job.id, name: job.name, args: job.args });
    } catch {
      // Not structured-cloneable (nested past V8's limit, say): not a polygon. The worker never saw it.
      finish(slot);
      job.reject(new GeometryError(geometryProblem("NOT_A_POLYGON", locatedText("notGeoJson", {}))));
    }
  }
}

/** Runs one job in a worker within its budget (the budget starts when a worker takes it). */
export const runInWorker: JobRunner = <K extends GeometryJobName>(name: K, args: JobArgs<K>, budgetMs: number) =>
  new Promise<JobResult<K>>((resolve, reject) => {
    const busy = () => new CommandError("unavailable", refusal("geometryBusy"));
    if (pool.waiting.length >= MAX_WAITING) return reject(busy());
    const job: Pending = { id: pool.nextId++, name, args, budgetMs, resolve: resolve as (v: unknown) => void, reject };
    job.waitTimer = setTimeout(() => {
      const i = pool.waiting.indexOf(job);
      if (i >= 0) pool.waiting.splice(i, 1);
      reject(busy());
    }, MAX_WAIT_MS);
    pool.waiting.push(job);
    pump();
  });

/**
 * A request's geometry job, in a worker within the check budget; a shape
 * refused as invalid comes with GEOS's repair when that fits its own budget.
 */
export function runGeometry<K extends GeometryJobName>(name: K, ...args: JobArgs<K>): Promise<JobResult<K>> {
  return runWithRepairOffer(runInWorker, name, args);
}
