// The browser's geometry worker: the live check runs here, off the page's
// thread, so a shape that takes seconds to check never freezes the form, and
// one over its budget is stopped (geometry-worker-client.ts). The same jobs
// the server runs (lib/domain/geometry-jobs.ts).
import { type GeometryJobName, runGeometryJob, sendGeometryError } from "@/lib/domain/geometry-jobs";
import { loadGeometryEngine } from "@/lib/geo/engine";
import { GeometryError } from "@/lib/geo/errors";

type Job = { id: number; name: GeometryJobName; args: never };

self.onmessage = async ({ data: { id, name, args } }: MessageEvent<Job>) => {
  try {
    self.postMessage({ id, ok: true, result: await runGeometryJob(name, args) });
  } catch (err) {
    if (err instanceof GeometryError) self.postMessage({ id, ok: false, geometry: sendGeometryError(err) });
    else self.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};

// Ready once GEOS is loaded (2.5 MB: seconds on a weak connection), so a job's budget is its own computation.
await loadGeometryEngine();
self.postMessage({ ready: true });
