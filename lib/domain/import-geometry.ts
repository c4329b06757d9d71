// The geometry of an import, a batch of rows at a time in a geometry worker:
// each row's polygon checked as a single registration checks it, the land it
// shares with the register and with earlier rows of the file, and at commit
// what of it is not registered yet. Pure; GEOS underneath.
import { bbox } from "@turf/turf";
import { geodesicAreaM2 } from "@/lib/geo/area";
import { type Areal, difference, intersection, union, unionAll } from "@/lib/geo/boolean";
import { GeometryError, type GeometryProblem } from "@/lib/geo/errors";
import { validateAreal } from "@/lib/geo/validate";
import type { LocalisedText } from "@/lib/i18n/localised";
import { OVERLAP_TOLERANCE_M2, type Overlap, overlapsWithRegistered, type RegisteredArea } from "./hazard-area-overlap";

export type CheckedRow =
  | { row: number; ok: true; geometry: Areal; areaM2: number; notes: LocalisedText[] }
  | { row: number; ok: false; problems: GeometryProblem[] };

/**
 * Each row's polygon as single registration checks it (valid, not a sliver),
 * without a repair: a file is fixed at its source. Where it lies is checked
 * apart, by the governorate holding it (no governorate: outside Iraq), so the
 * country's outline is not intersected again for each of 20,000 rows (it was
 * three quarters of the check's time).
 */
export function checkImportGeometries(items: readonly { row: number; geometry: unknown }[]): CheckedRow[] {
  return items.map(({ row, geometry }) => {
    try {
      const valid = validateAreal(geometry, { repair: false });
      return { row, ok: true as const, geometry: valid.geometry, areaM2: valid.areaM2, notes: valid.notes };
    } catch (err) {
      if (err instanceof GeometryError) return { row, ok: false as const, problems: [...err.problems] };
      throw err;
    }
  });
}

export type RowOverlaps = {
  row: number;
  /** Registered areas it shares land with, largest share first. */
  register: Overlap[];
  /** Earlier rows of the file it shares land with. */
  rows: { row: number; overlapM2: number }[];
};

/** The land each row shares with the registered areas and the earlier rows given with it (found by their boxes beforehand). */
export function importOverlaps(
  items: readonly {
    row: number;
    geometry: Areal;
    registered: RegisteredArea[];
    earlier: { row: number; geometry: Areal }[];
  }[],
): RowOverlaps[] {
  return items.map((item) => {
    const [w, s, e, n] = bbox(item.geometry);
    const rows: RowOverlaps["rows"] = [];
    for (const other of item.earlier) {
      const [ow, os, oe, on] = bbox(other.geometry);
      if (ow > e || w > oe || os > n || s > on) continue;
      const common = intersection(item.geometry, other.geometry);
      const overlapM2 = common ? geodesicAreaM2(common) : 0;
      if (overlapM2 >= OVERLAP_TOLERANCE_M2) rows.push({ row: other.row, overlapM2 });
    }
    return { row: item.row, register: overlapsWithRegistered(item.geometry, item.registered), rows };
  });
}

export type ImportDecision = "skip" | "remainder" | "merge";

/** A registered area a row may be measured against, with the authority holding it: a row merges only into its own authority's. */
export type CommitArea = RegisteredArea & { authorityId?: string | null };

export type CommittedShape =
  | { row: number; result: "create"; geometry: Areal; areaM2: number; trimmedM2: number }
  | { row: number; result: "skip"; overlaps: Overlap[] }
  /**
   * Its land not yet registered added to the area it shares most land with: `into` the area's code,
   * `geometry`/`areaM2` the area's boundary once grown (after the batch's earlier merges into it too; an
   * earlier row of the batch is created with the last such boundary).
   */
  | {
      row: number;
      result: "merge";
      into: string;
      addedM2: number;
      geometry: Areal;
      areaM2: number;
      overlaps: Overlap[];
    };

const boxesMeet = (a: Areal, b: Areal) => {
  const [w, s, e, n] = bbox(a);
  const [bw, bs, be, bn] = bbox(b);
  return !(bw > e || w > be || bs > n || s > bn);
};

/**
 * What each row of a batch becomes at commit, in row order, against the
 * register as it is then (earlier batches of the import included) and the
 * rows of the batch before it: itself when it shares no land; with
 * "remainder", the part not yet registered (skipped when less than a square
 * metre is left); with "merge", that part added to the authority's area it
 * shares most land with (kept as its own area when it shares land with no
 * area of the authority); with "skip", nothing. An area grown by a merge is
 * measured grown for the rows after it.
 */
export function commitShapes(
  items: readonly {
    row: number;
    code: string;
    name: string;
    geometry: Areal;
    registered: CommitArea[];
    decision: ImportDecision;
    /** The authority of the row's governorate. */
    authorityId?: string | null;
  }[],
): CommittedShape[] {
  // The batch's new areas and the registered areas merges have grown, by code, as they stand now.
  const created = new Map<string, { row: number; area: CommitArea }>();
  const grown = new Map<string, CommitArea>();
  const out: CommittedShape[] = [];
  for (const { row, code, name, geometry, registered, decision, authorityId } of items) {
    const near = [...created.values()].map((c) => c.area).filter((c) => boxesMeet(c.geometry, geometry));
    const candidates = [
      ...registered.filter((r) => !grown.has(r.code)).map((r) => r),
      ...[...grown.values()].filter((g) => boxesMeet(g.geometry, geometry)),
      ...near,
    ];
    const overlaps = overlapsWithRegistered(geometry, candidates);
    const areaM2 = geodesicAreaM2(geometry);
    let shape: CommittedShape;
    if (!overlaps.length) shape = { row, result: "create", geometry, areaM2, trimmedM2: 0 };
    else if (decision === "skip") shape = { row, result: "skip", overlaps };
    else {
      const sharing = new Set(overlaps.map((o) => o.code));
      const taken = unionAll(candidates.filter((r) => sharing.has(r.code)).map((r) => r.geometry));
      const left = difference(geometry, taken);
      const leftM2 = left ? geodesicAreaM2(left) : 0;
      const target =
        decision === "merge"
          ? overlaps
              .map((o) => candidates.find((c) => c.code === o.code)!)
              .find((c) => !!authorityId && c.authorityId === authorityId)
          : undefined;
      if (!left || leftM2 < OVERLAP_TOLERANCE_M2) shape = { row, result: "skip", overlaps };
      else if (!target) shape = { row, result: "create", geometry: left, areaM2: leftM2, trimmedM2: areaM2 - leftM2 };
      else {
        const boundary = union(target.geometry, left) ?? target.geometry;
        const grownArea = { ...target, geometry: boundary };
        const batch = created.get(target.code);
        if (batch) created.set(target.code, { row: batch.row, area: grownArea });
        else grown.set(target.code, grownArea);
        shape = {
          row,
          result: "merge",
          into: target.code,
          addedM2: leftM2,
          geometry: boundary,
          areaM2: geodesicAreaM2(boundary),
          overlaps,
        };
      }
    }
    if (shape.result === "create")
      created.set(code, { row, area: { code, name, geometry: shape.geometry, authorityId: authorityId ?? null } });
    out.push(shape);
  }
  return out;
}
