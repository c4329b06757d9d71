// The geometry of a living register: an area split in two along a line the
// authority draws, several merged into one, a boundary revised after
// re-survey. Released land goes with the land: each part of a split holds the
// released land inside it, report by report, so an area's released land by
// date, its parts' and the country's all still add up.
// Needs the geometry engine loaded (await loadGeometryEngine()).
import { geodesicAreaM2 } from "@/lib/geo/area";
import { type Areal, difference, intersection, unionAll } from "@/lib/geo/boolean";
import { OVERLAP_TOLERANCE_M2 } from "./hazard-area-overlap";

/** Why a change's geometry is refused, with the figures the message needs. */
export class RegisterChangeError extends Error {
  constructor(
    readonly reason: "splitLeavesNothing" | "mergedAreasOverlap" | "revisionLeavesReleasedOut",
    readonly values: Record<string, string | number> = {},
  ) {
    super(reason);
  }
}

/**
 * Land an approved report released in an area: its counted land, and the m² of it the area holds. A reopening (land
 * a failed inspection took back) is a share below zero over the land it reopened, so a part's released m² is its
 * releases less what was reopened in it.
 */
export type ReleaseShare = { reportId: string; counted: Areal | null; m2: number };

export type AreaPart = {
  geometry: Areal;
  areaM2: number;
  released: Areal | null;
  /** Each report's released land within the part; they add up to releasedM2. */
  shares: { reportId: string; m2: number }[];
  releasedM2: number;
};

const areaOf = (g: Areal | null) => (g ? geodesicAreaM2(g) : 0);

/**
 * An area split by a polygon the authority draws: the land inside it and the
 * land outside, each with the released land and the reports' shares within
 * it. Both parts must hold at least a square metre.
 *
 * The overlay cuts in a gnomonic plane and the area is measured on the
 * ellipsoid, so two parts measured apart differ from the whole by up to a
 * few millionths of it (about 1 m² in a 25 ha area): noise of the
 * measurement, not land. The part outside is therefore the whole less the
 * part inside, for the area and for each report's share, so a split moves
 * no figure by even that.
 */
export function splitArea(
  area: { geometry: Areal; areaM2: number; released: Areal | null; reports: readonly ReleaseShare[] },
  cut: Areal,
) {
  const inside = intersection(area.geometry, cut);
  const outside = difference(area.geometry, cut);
  const insideM2 = Math.min(areaOf(inside), area.areaM2);
  const outsideM2 = area.areaM2 - insideM2;
  if (!inside || !outside || insideM2 < OVERLAP_TOLERANCE_M2 || outsideM2 < OVERLAP_TOLERANCE_M2)
    throw new RegisterChangeError("splitLeavesNothing", { insideM2, outsideM2 });
  const shares = area.reports.map((r) => {
    const insideShare = r.counted
      ? Math.sign(r.m2) * Math.min(Math.abs(r.m2), areaOf(intersection(r.counted, inside)))
      : 0;
    return { reportId: r.reportId, inside: insideShare, outside: r.m2 - insideShare };
  });
  const part = (geometry: Areal, areaM2: number, side: "inside" | "outside"): AreaPart => {
    const held = shares.map((s) => ({ reportId: s.reportId, m2: s[side] })).filter((s) => s.m2 !== 0);
    return {
      geometry,
      areaM2,
      released: area.released ? intersection(area.released, geometry) : null,
      shares: held,
      releasedM2: held.reduce((sum, x) => sum + x.m2, 0),
    };
  };
  return [part(inside, insideM2, "inside"), part(outside, outsideM2, "outside")];
}

/**
 * Areas merged into one: their union, refused when two of them share land (an
 * area found on another's released land stays apart). Their released land and
 * shares carry over whole, so the merged area's released total is theirs summed.
 */
export function mergeAreas(
  areas: readonly {
    code: string;
    geometry: Areal;
    areaM2: number;
    released: Areal | null;
    shares: readonly { reportId: string; m2: number }[];
  }[],
): AreaPart {
  for (const [i, a] of areas.entries())
    for (const b of areas.slice(i + 1)) {
      const sharedM2 = areaOf(intersection(a.geometry, b.geometry));
      if (sharedM2 >= OVERLAP_TOLERANCE_M2)
        throw new RegisterChangeError("mergedAreasOverlap", { first: a.code, second: b.code, sharedM2 });
    }
  const geometry = unionAll(areas.map((a) => a.geometry));
  const released = areas.flatMap((a) => (a.released ? [a.released] : []));
  // One report may have released land in several of them (it was split between them): its shares add up.
  const byReport = new Map<string, number>();
  for (const s of areas.flatMap((a) => a.shares)) byReport.set(s.reportId, (byReport.get(s.reportId) ?? 0) + s.m2);
  const shares = [...byReport].map(([reportId, m2]) => ({ reportId, m2 }));
  return {
    geometry,
    // Theirs summed (they share no land): the union measured anew would differ by the overlay's noise (see splitArea).
    areaM2: areas.reduce((sum, a) => sum + a.areaM2, 0),
    released: released.length ? unionAll(released) : null,
    shares,
    releasedM2: shares.reduce((s, x) => s + x.m2, 0),
  };
}

/**
 * A revised boundary must keep the land already released in the area: that
 * land was released and counted, and a boundary drawn past it would leave
 * released land that no area holds. Land found clean by re-survey is released
 * by a report (cancelled), not by moving the boundary.
 */
export function checkRevision(revised: Areal, released: Areal | null) {
  const outside = released ? difference(released, revised) : null;
  const outsideM2 = areaOf(outside);
  if (outsideM2 >= OVERLAP_TOLERANCE_M2) throw new RegisterChangeError("revisionLeavesReleasedOut", { outsideM2 });
  return { areaM2: areaOf(revised) };
}
