// What each row of a commit batch needs, decided from what the preview found
// and what has changed in the register since, before any geometry is measured
// again: most rows of a national import share land with nothing and meet only
// areas the preview already measured them against, so measuring them again
// (as every batch near a registered area was, GEOS on one worker) was a
// quarter of the commit's time. Pure.
import type { Overlap } from "./hazard-area-overlap";
import type { ImportDecision } from "./import-geometry";

/** A pending row as the preview left it: the land it shares with the register then, and with earlier rows. */
export type PlannedRow = {
  row: number;
  code: string;
  name: string;
  register: readonly Overlap[];
  rows: readonly { row: number; overlapM2: number }[];
};

/**
 * A registered area whose box meets the row's. `fresh`: registered by someone else or redrawn since the
 * preview read the register, so the preview did not measure the row against it as it is.
 */
export type CommitCandidate = { id: string; code: string; fresh: boolean };

/** An earlier row of the import in an earlier batch, as it stands: created (with its area), skipped, or pending. */
export type EarlierRow = {
  /** MERGED: its land was added to an area (`areaId`), which holds it now. */
  status: "PENDING" | "CREATED" | "SKIPPED" | "MERGED";
  code: string;
  name: string;
  areaId: string | null;
};

export type RowPlan =
  /** Shares land with nothing registered: registered as previewed. */
  | { row: number; plan: "create" }
  /** Shares land, by the preview's measure, with areas still registered as it measured them: skipped. */
  | { row: number; plan: "skip"; overlaps: Overlap[] }
  /**
   * Measured again (GEOS) against these registered areas and these earlier rows of the batch registered
   * as previewed; the batch's measured rows count for those after them.
   */
  | { row: number; plan: "measure"; areaIds: string[]; batchRows: number[] };

/**
 * Each row's plan, in row order. With "skip", a row the preview found sharing
 * land with an area still registered as it measured it, or with an earlier
 * row registered whole, is skipped as the preview measured it; with
 * "remainder" or "merge" it is measured again, its part not yet registered
 * being what is kept (or added to the area it shares most land with). A row near an area registered or redrawn since is measured again.
 */
export function planCommitBatch(
  rows: readonly PlannedRow[],
  candidates: ReadonlyMap<number, readonly CommitCandidate[]>,
  earlier: ReadonlyMap<number, EarlierRow>,
  decision: ImportDecision,
): RowPlan[] {
  const planned = new Map<number, { plan: RowPlan; row: PlannedRow }>();
  return rows.map((r) => {
    const near = candidates.get(r.row) ?? [];
    const measured = new Map(near.filter((c) => !c.fresh).map((c) => [c.code, c]));
    // The preview's overlaps with areas still registered as it measured them, and the earlier rows it
    // shares land with that were registered whole (in an earlier batch: their area, if still as it was).
    const known: Overlap[] = r.register.filter((o) => measured.has(o.code));
    const knownIds = known.map((o) => measured.get(o.code)!.id);
    const wholeInBatch: number[] = [];
    let measuredInBatch = false;
    for (const o of r.rows) {
      const inBatch = planned.get(o.row);
      const before = earlier.get(o.row);
      const area = before?.areaId ? near.find((c) => c.id === before.areaId && !c.fresh) : undefined;
      if (inBatch?.plan.plan === "create") {
        wholeInBatch.push(o.row);
        known.push({ code: inBatch.row.code, name: inBatch.row.name, overlapM2: o.overlapM2, onReleasedM2: 0 });
      } else if (inBatch?.plan.plan === "measure") measuredInBatch = true;
      else if ((before?.status === "CREATED" || before?.status === "MERGED") && area) {
        known.push({ code: before.code, name: before.name, overlapM2: o.overlapM2, onReleasedM2: 0 });
        knownIds.push(area.id);
      }
    }
    const fresh = near.filter((c) => c.fresh).map((c) => c.id);
    const plan: RowPlan =
      decision === "skip" && known.length
        ? { row: r.row, plan: "skip", overlaps: known.sort((a, b) => b.overlapM2 - a.overlapM2) }
        : known.length || fresh.length || measuredInBatch
          ? { row: r.row, plan: "measure", areaIds: [...knownIds, ...fresh], batchRows: wholeInBatch }
          : { row: r.row, plan: "create" };
    planned.set(r.row, { plan, row: r });
    return plan;
  });
}
