// The geometry work one request may ask for, by name, so that it can run in
// a worker with a time budget (lib/server/geometry-pool.ts on the server,
// components/map/geometry-worker-client.ts in the browser): reading a file,
// validating, accounting, the overlap check, and GEOS's repair of an invalid
// shape. Arguments and results are plain data (structured-cloneable); a
// GeometryError crosses as `SentGeometryError`.
import type { Polygon } from "geojson";
import { type Areal, unionAll } from "@/lib/geo/boolean";
import { GeometryError, type GeometryProblem } from "@/lib/geo/errors";
import { asFeatureCollection, readGeometryFile } from "@/lib/geo/read";
import { offerRepair } from "@/lib/geo/validate";
import { taskLandByMethod, taskLandWithArea } from "./completion";
import { overlapsWithRegistered } from "./hazard-area-overlap";
import { checkImportGeometries, commitShapes, importOverlaps } from "./import-geometry";
import {
  accountCorrection,
  accountImportedReleases,
  accountRelease,
  countedGeometry,
  releasedAfterApproval,
  releasedWithout,
} from "./land-release";
import { checkRevision, mergeAreas, RegisterChangeError, splitArea } from "./register-changes";
import { type HazardContext, previewRelease, validateHazardArea } from "./release-preview";
import { checkSample, reopenSampledLand } from "./reopening";
import { accountQueuePage, sharedWithReports } from "./report-review-geometry";

export const GEOMETRY_JOBS = {
  /** A field file read to WGS84 polygons, with the collection validateAreal takes. */
  async readGeometryFile(
    file: Parameters<typeof readGeometryFile>[0],
    options: Parameters<typeof readGeometryFile>[1],
  ) {
    const read = await readGeometryFile(file, options);
    return { ...read, collection: asFeatureCollection(read) };
  },
  previewRelease: (input: unknown, hazard: HazardContext) => previewRelease(input, hazard, { repair: false }),
  validateHazardArea: (input: unknown) => validateHazardArea(input, { repair: false }),
  accountRelease,
  accountCorrection,
  /** What approving a report changes: its account, the land it counts, and the area's released land after. */
  approveRelease(input: Parameters<typeof accountRelease>[0]) {
    const account = accountRelease(input);
    return {
      account,
      counted: countedGeometry(account.insideGeometry, input.released),
      releasedAfter: releasedAfterApproval(input.released, account.insideGeometry),
    };
  },
  /** Past releases of a file, area by area, accounted as successive approvals (preview and commit). */
  accountImportedReleases: (areas: readonly Parameters<typeof accountImportedReleases>[0][]) =>
    areas.map(accountImportedReleases),
  /** Areas' released land without the land an import's releases counted (its withdrawal). */
  releasedWithout: (areas: readonly { released: Areal | null; counted: readonly Areal[] }[]) =>
    areas.map((a) => releasedWithout(a.released, a.counted)),
  overlapsWithRegistered,
  /** A report under review: the approved reports' land it lies on, and the other submitted reports it overlaps. */
  sharedWithReports,
  /** The reports of a review queue's page, accounted as approving each now would (one job for the page). */
  accountQueuePage,
  unionAll: (list: readonly Areal[]) => unionAll(list),
  /** A task's own released land (its approved releases less its reopenings) and its area, for its certificate. */
  taskLand: taskLandWithArea,
  taskLandByMethod,
  /** An import's rows, a batch at a time: their polygons checked, their overlaps found, and what each becomes at commit. */
  checkImportGeometries,
  importOverlaps,
  commitShapes,
  /** A living register's changes: their parts, or why the geometry is refused (as data, to cross from a worker). */
  splitArea: (...args: Parameters<typeof splitArea>) => refusedOr(() => splitArea(...args)),
  mergeAreas: (...args: Parameters<typeof mergeAreas>) => refusedOr(() => mergeAreas(...args)),
  checkRevision: (...args: Parameters<typeof checkRevision>) => refusedOr(() => checkRevision(...args)),
  /** A post-clearance inspection's sampled area: valid, in Iraq, and how much lies outside the task's areas. */
  checkSample,
  /** The released land a failed inspection's sample takes back, release by release. */
  reopenSampledLand,
  /** GEOS's repair of an invalid shape, with its area. */
  repair: (polygons: readonly Polygon[]) => offerRepair(polygons) ?? null,
};

export type GeometryJobs = typeof GEOMETRY_JOBS;

function refusedOr<T>(
  work: () => T,
): { ok: T } | { refused: { reason: RegisterChangeError["reason"]; values: RegisterChangeError["values"] } } {
  try {
    return { ok: work() };
  } catch (err) {
    if (err instanceof RegisterChangeError) return { refused: { reason: err.reason, values: err.values } };
    throw err;
  }
}
export type GeometryJobName = keyof GeometryJobs;
export type JobArgs<K extends GeometryJobName> = Parameters<GeometryJobs[K]>;
export type JobResult<K extends GeometryJobName> = Awaited<ReturnType<GeometryJobs[K]>>;

/** Runs a job by name: what a worker does with each message. */
export async function runGeometryJob<K extends GeometryJobName>(name: K, args: JobArgs<K>): Promise<JobResult<K>> {
  const job = GEOMETRY_JOBS[name] as (...a: JobArgs<K>) => JobResult<K> | Promise<JobResult<K>>;
  return job(...args);
}

/** A GeometryError as data, to cross from a worker. */
export type SentGeometryError = {
  problems: readonly GeometryProblem[];
  repaired?: GeometryError["repaired"];
  repairedAreaM2?: number;
  repairable?: readonly Polygon[];
};

export function sendGeometryError(err: GeometryError): SentGeometryError {
  return {
    problems: err.problems,
    repaired: err.repaired,
    repairedAreaM2: err.repairedAreaM2,
    repairable: err.repairable,
  };
}

export function receiveGeometryError(sent: SentGeometryError): GeometryError {
  const repaired =
    sent.repaired && sent.repairedAreaM2 !== undefined
      ? { geometry: sent.repaired, areaM2: sent.repairedAreaM2 }
      : undefined;
  return new GeometryError(sent.problems, repaired, sent.repairable);
}

/** What a geometry worker posts: ready once GEOS has loaded, then each job's result or its error. */
export type WorkerReply =
  | { ready: true }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; geometry?: SentGeometryError; message?: string; stack?: string };

/** A failed job's error, to throw where it was asked for: its GeometryError, or the worker's message (with its stack when it sent one). */
export function replyError(reply: Extract<WorkerReply, { ok: false }>): Error {
  if (reply.geometry) return receiveGeometryError(reply.geometry);
  const error = new Error(reply.message);
  return "stack" in reply ? Object.assign(error, { stack: reply.stack }) : error;
}
