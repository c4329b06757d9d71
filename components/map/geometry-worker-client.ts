// Runs the live check's geometry jobs in a Web Worker, one at a time, each
// within its budget: over it, the worker is stopped and the check says the
// shape is too complex (the same budgets and words as the server's).
import { receiveGeometryError, type GeometryJobName, type JobArgs, type JobResult, type SentGeometryError } from "@/lib/domain/geometry-jobs";
import { tooComplex, type JobRunner } from "@/lib/domain/geometry-budget";

type Reply = { ready: true } | { id: number; ok: true; result: unknown } | { id: number; ok: false; geometry?: SentGeometryError; message?: string };

let worker: { w: Worker; ready: Promise<void> } | undefined;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function start() {
  const w = new Worker(new URL("./geometry-worker.ts", import.meta.url));
  const ready = new Promise<void>((resolve, reject) => {
    w.addEventListener("message", ({ data }: MessageEvent<Reply>) => "ready" in data && resolve());
    w.addEventListener("error", (e) => reject(new Error(e.message)));
  });
  return { w, ready };
}

async function run<K extends GeometryJobName>(name: K, args: JobArgs<K>, budgetMs: number): Promise<JobResult<K>> {
  worker ??= start();
  const current = worker;
  const w = current.w;
  // The budget starts once GEOS has loaded in the worker.
  await current.ready;
  const id = nextId++;
  return new Promise<JobResult<K>>((resolve, reject) => {
    const timer = setTimeout(() => {
      w.terminate();
      if (worker === current) worker = undefined;
      reject(tooComplex(budgetMs, args));
    }, budgetMs);
    const onMessage = ({ data }: MessageEvent<Reply>) => {
      if ("ready" in data || data.id !== id) return;
      clearTimeout(timer);
      w.removeEventListener("message", onMessage);
      if (data.ok) resolve(data.result as JobResult<K>);
      else reject(data.geometry ? receiveGeometryError(data.geometry) : new Error(data.message));
    };
    w.addEventListener("message", onMessage);
    w.postMessage({ id, name, args });
  });
}

/** One job after another: a check's jobs queue behind the previous check's. */
export const runInBrowserWorker: JobRunner = (name, args, budgetMs) => {
  const result = queue.then(() => run(name, args, budgetMs));
  queue = result.catch(() => undefined);
  return result;
};
