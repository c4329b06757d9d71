// A worker thread of the geometry pool (geometry-pool.ts): loads GEOS once,
// then runs one job per message. Imports only pure code: no 'server-only',
// no database, nothing that expects Next.js.
import { parentPort } from "node:worker_threads";
import { type GeometryJobName, runGeometryJob, sendGeometryError } from "@/lib/domain/geometry-jobs";
import { loadGeometryEngine } from "@/lib/geo/engine";
import { GeometryError } from "@/lib/geo/errors";

type Job = { id: number; name: GeometryJobName; args: never };

parentPort!.on("message", async ({ id, name, args }: Job) => {
  try {
    parentPort!.postMessage({ id, ok: true, result: await runGeometryJob(name, args) });
  } catch (err) {
    if (err instanceof GeometryError) parentPort!.postMessage({ id, ok: false, geometry: sendGeometryError(err) });
    else
      parentPort!.postMessage({
        id,
        ok: false,
        message: err instanceof Error ? err.message : String(err),
        stack: err instanceof Error ? err.stack : undefined,
      });
    // GEOS aborted (out of its 2 GB, or a fault): its state cannot be trusted for the next job. The pool replaces this worker.
    if (err instanceof WebAssembly.RuntimeError) setTimeout(() => process.exit(1), 0);
  }
});

// Ready once GEOS is loaded: the pool starts a job's budget from here.
await loadGeometryEngine();
parentPort!.postMessage({ ready: true });
