// What a task's completion certificate (IMAS 08.30) states about land: the
// task's own released land, its split by method, and what of its hazardous
// areas is still unreleased. The land needs the geometry engine loaded.
import { geodesicAreaM2 } from "@/lib/geo/area";
import { type Areal, difference, unionAll } from "@/lib/geo/boolean";
import type { ReleaseMethod } from "./land-release";

/**
 * Unreleased land below this, in m² over all the task's areas, is floating
 * noise of the overlays (a released polygon measured a few cm² short of its
 * area), not land left behind: half a square metre, absolute. Relative
 * tolerances were weighed and not used: at 1e-9 even a 100 km² area allows
 * only 0.1 m², so the absolute half metre governs every area in the register.
 */
export const UNRELEASED_TOLERANCE_M2 = 0.5;

/** One approved land-release entry of the task, as the certificate reads it. */
export type TaskEntry = {
  kind: "RELEASE" | "REOPENING";
  method: ReleaseMethod;
  /** Negative for a reopening. */
  countedAreaM2: number;
  countedGeometry: Areal | null;
};

/**
 * The task's own released land: its approved entries folded in the order
 * they were approved, a release adding its counted land and a reopening
 * taking its land back. In order, not "all releases minus all reopenings":
 * land reopened and then cleared again by a later release is released.
 * Runs of releases are unioned in one pass. Null when nothing is left.
 */
export function taskReleasedLand(entriesInApprovalOrder: readonly TaskEntry[]): Areal | null {
  let land: Areal | null = null;
  let run: Areal[] = [];
  const flush = () => {
    if (run.length) land = unionAll(land ? [land, ...run] : run);
    run = [];
  };
  for (const e of entriesInApprovalOrder) {
    if (!e.countedGeometry) continue;
    if (e.kind === "RELEASE") run.push(e.countedGeometry);
    else {
      flush();
      if (land) land = difference(land, e.countedGeometry);
    }
  }
  flush();
  return land;
}

/** The land and its area in m², as the completion stores it. */
export function taskLandWithArea(entries: readonly TaskEntry[]): { geometry: Areal | null; areaM2: number } {
  const geometry = taskReleasedLand(entries);
  return { geometry, areaM2: geometry ? geodesicAreaM2(geometry) : 0 };
}

/**
 * The task's own land method by method, for a map that colours it so: each
 * method's entries folded alone (a reopening reverses a release of its own
 * method), so land reopened and cleared again appears once, as re-released.
 */
export function taskLandByMethod(entries: readonly TaskEntry[]): { method: ReleaseMethod; geometry: Areal }[] {
  const methods: ReleaseMethod[] = ["CANCELLED", "REDUCED", "CLEARED"];
  return methods.flatMap((method) => {
    const geometry = taskReleasedLand(entries.filter((e) => e.method === method));
    return geometry ? [{ method, geometry }] : [];
  });
}

/**
 * m² by method over the task's approved entries of both kinds, so that land
 * reopened is out of its method's figure; the three add up to the total.
 */
export function releasedByMethod(
  entries: readonly Pick<TaskEntry, "method" | "countedAreaM2">[],
): Record<ReleaseMethod, number> {
  const out: Record<ReleaseMethod, number> = { CANCELLED: 0, REDUCED: 0, CLEARED: 0 };
  for (const e of entries) out[e.method] += e.countedAreaM2;
  return out;
}

/**
 * The task's hazardous land not released, in m²: each area's registered
 * area less its released land (by anyone: land another operator released is
 * not hazardous), summed; 0 when within UNRELEASED_TOLERANCE_M2 of nothing.
 */
export function unreleasedM2(areas: readonly { areaM2: number; releasedM2: number }[]): number {
  const left = areas.reduce((sum, a) => sum + Math.max(0, a.areaM2 - a.releasedM2), 0);
  return left < UNRELEASED_TOLERANCE_M2 ? 0 : left;
}

/** The post-clearance inspection a handover depends on: the newest recorded after the current completion was filed. */
export type HandoverInspection = { result: "PASSED" | "FAILED"; inspectedOn: Date } | null;

/**
 * Why the land may not be handed over yet, or null: a handover needs a passed
 * post-clearance inspection (IMAS 09.20) recorded after the current completion.
 */
export function handoverBlocker(newest: HandoverInspection): "noPassedInspection" | "lastInspectionFailed" | null {
  if (!newest) return "noPassedInspection";
  return newest.result === "PASSED" ? null : "lastInspectionFailed";
}
