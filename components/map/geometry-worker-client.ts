// Runs the live check's geometry jobs in a Web Worker, one at a time, each
// within its budget: over it, the worker is stopped and the check says the
// shape is too complex (the same budgets and words as the server's).

import { type JobRunner, tooComplex } from "@/lib/domain/geometry-budget";
import {
  type GeometryJobName,
  type JobArgs,
  type JobResult,
  type WorkerReply as Reply,
  replyError,
} from "@/lib/domain/geometry-jobs";

let worker: { w: Worker; ready: Promise<void> } | undefined;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

/** GEOS is 2.5 MB: on a weak connection it loads slowly, but a worker that never gets ready is given up. */
const READY_TIMEOUT_MS = 120_000;

function start() {
  const w = new Worker(new URL("./geometry-worker.ts", import.meta.url));
  const current = {
    w,
    ready: new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the geometry engine did not load")), READY_TIMEOUT_MS);
      w.addEventListener("message", ({ data }: MessageEvent<Reply>) => {
        if (!("ready" in data)) return;
        clearTimeout(timer);
        resolve();
      });
      w.addEventListener("error", (e) => {
        clearTimeout(timer);
        reject(new Error(e.message));
      });
    }),
  };
  // A worker that failed to start is dropped: the next check starts a new one instead of failing for good.
  current.ready.catch(() => {
    w.terminate();
    if (worker === current) worker = undefined;
  });
  return current;
}

async function run<K extends GeometryJobName>(name: K, args: JobArgs<K>, budgetMs: number): Promise<JobResult<K>> {
  worker ??= start();
  const current = worker;
  const w = current.w;
  // The budget starts once GEOS has loaded in the worker.
  await current.ready;
  const id = nextId++;
  return new Promise<JobResult<K>>((resolve, reject) => {
    const stop = () => {
      w.terminate();
      if (worker === current) worker = undefined;
    };
    const timer = setTimeout(() => {
      stop();
      reject(tooComplex(budgetMs, args));
    }, budgetMs);
    const onMessage = ({ data }: MessageEvent<Reply>) => {
      if ("ready" in data || data.id !== id) return;
      clearTimeout(timer);
      w.removeEventListener("message", onMessage);
      if (data.ok) resolve(data.result as JobResult<K>);
      else reject(replyError(data));
    };
    w.addEventListener("message", onMessage);
    try {
      w.postMessage({ id, name, args });
    } catch (err) {
      clearTimeout(timer);
      w.removeEventListener("message", onMessage);
      reject(err);
    }
  });
}

/** One job after another: a check's jobs queue behind the previous check's. */
export const runInBrowserWorker: JobRunner = (name, args, budgetMs) => {
  const result = queue.then(() => run(name, args, budgetMs));
  queue = result.catch(() => undefined);
  return result;
};
