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
import { receiveGeometryError, type GeometryJobName, type JobArgs, type JobResult, type SentGeometryError } from "../domain/geometry-jobs";
import { runWithRepairOffer, tooComplex, type JobRunner } from "../domain/geometry-budget";
import { refusal } from "../i18n/refusals";
import { CommandError } from "./command-error";

/** One worker per core, at most two: a job is CPU-bound, more threads than cores only slice the same time. */
const WORKERS = Math.max(1, Math.min(2, os.availableParallelism()));
/** Jobs waiting for a worker beyond this are refused at once ("busy, try again") rather than queued for minutes. */
const MAX_WAITING = 16;

type Pending = { id: number; name: GeometryJobName; args: unknown; budgetMs: number; resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Slot = { worker: Worker; ready: boolean; job: Pending | null; timer?: NodeJS.Timeout };
type Reply = { ready: true } | { id: number; ok: true; result: unknown } | { id: number; ok: false; geometry?: SentGeometryError; message?: string; stack?: string };

// Inside Next.js (NEXT_RUNTIME is set by Next itself, as in instrumentation.ts) Turbopack has compiled the worker from
// the literal `new Worker(new URL(…))` below. Outside it (Vitest, tsx scripts) both files are TypeScript: the worker
// registers tsx, then imports its module (Node 20 does not apply `--import tsx` to a worker's entry).
const UNBUNDLED = !process.env.NEXT_RUNTIME;
const TSX_WORKER = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url.replace(/geometry-pool\.ts$/, "geometry-worker.ts"))}); })`;

const slots: Slot[] = [];
const waiting: Pending[] = [];
let nextId = 1;

function spawn(): Slot {
  const worker = UNBUNDLED ? new Worker(TSX_WORKER, { eval: true }) : new Worker(new URL("./geometry-worker.ts", import.meta.url));
  // An idle pool does not keep a script or a test run alive.
  worker.unref();
  const slot: Slot = { worker, ready: false, job: null };
  worker.on("message", (reply: Reply) => {
    // A job's budget is its own computation: it starts once the worker has loaded GEOS, not while it starts up.
    if ("ready" in reply) {
      slot.ready = true;
      return pump();
    }
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    finish(slot);
    if (reply.ok) job.resolve(reply.result);
    else if (reply.geometry) job.reject(receiveGeometryError(reply.geometry));
    else job.reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
    pump();
  });
  // Out of memory: the job was too complex. Any other crash is a fault, reported as one. Either way the worker goes.
  worker.on("error", (err: Error & { code?: string }) => retire(slot, err.code === "ERR_WORKER_OUT_OF_MEMORY" ? undefined : err));
  worker.on("exit", () => retire(slot));
  return slot;
}

function finish(slot: Slot): void {
  clearTimeout(slot.timer);
  slot.job = null;
}

/** Takes a stopped or failed worker out of the pool; its job, if any, is refused as too complex, or with the fault. */
function retire(slot: Slot, fault?: Error): void {
  const i = slots.indexOf(slot);
  if (i < 0) return;
  slots.splice(i, 1);
  const job = slot.job;
  finish(slot);
  if (job) job.reject(fault ?? tooComplex(job.budgetMs, job.args));
  void slot.worker.terminate();
  pump();
}

function pump(): void {
  while (waiting.length) {
    if (slots.length < WORKERS && slots.every((s) => s.job || !s.ready)) slots.push(spawn());
    const slot = slots.find((s) => s.ready && !s.job);
    if (!slot) return;
    const job = waiting.shift()!;
    slot.job = job;
    slot.timer = setTimeout(() => retire(slot), job.budgetMs);
    slot.worker.postMessage({ id: job.id, name: job.name, args: job.args });
  }
}

/** Runs one job in a worker within its budget (the budget starts when a worker takes it). */
export const runInWorker: JobRunner = <K extends GeometryJobName>(name: K, args: JobArgs<K>, budgetMs: number) =>
  new Promise<JobResult<K>>((resolve, reject) => {
    if (waiting.length >= MAX_WAITING) return reject(new CommandError("unavailable", refusal("geometryBusy")));
    waiting.push({ id: nextId++, name, args, budgetMs, resolve: resolve as (v: unknown) => void, reject });
    pump();
  });

/**
 * A request's geometry job, in a worker within the check budget; a shape
 * refused as invalid comes with GEOS's repair when that fits its own budget.
 */
export function runGeometry<K extends GeometryJobName>(name: K, ...args: JobArgs<K>): Promise<JobResult<K>> {
  return runWithRepairOffer(runInWorker, name, args);
}
