// What the register map's API answers (lib/server/queries/register-map.ts), shared with the page that draws it.
import type { Feature, MultiPolygon, Point, Polygon } from "geojson";
import type { HazardStatus } from "@/lib/colours";

export type RegisterArea = Feature<
  Polygon | MultiPolygon,
  { id: string; code: string; name: string; kind: string; contamination: string[]; status: HazardStatus }
>;
/**
 * The areas whose centre falls in one cell, at their mean centre: how many,
 * how many of each status, and their land and what is released of it.
 */
export type RegisterCell = Feature<
  Point,
  { areas: number; byStatus: Record<HazardStatus, number>; areaM2: number; releasedM2: number }
>;
/** Land approved as released in the areas drawn, one feature per report, by its method. */
export type RegisterRelease = Feature<
  Polygon | MultiPolygon,
  { method: "CANCELLED" | "REDUCED" | "CLEARED" | "REOPENED" }
>;
export type RegisterMap =
  | { level: "areas"; features: RegisterArea[]; released: RegisterRelease[] }
  | { level: "cells"; features: RegisterCell[]; cellDeg: number; reason: "zoom" | "tooMany" };

/**
 * A cell's colour for the statuses shown: the one status its shown areas
 * share, or partly released when they mix (some of the cell's land is
 * released, some not); null when none of its areas is shown.
 */
export function cellStatus(
  byStatus: Readonly<Record<HazardStatus, number>>,
  shown: ReadonlySet<HazardStatus>,
): HazardStatus | null {
  const present = (["open", "partial", "released"] as const).filter((s) => shown.has(s) && byStatus[s] > 0);
  if (present.length === 0) return null;
  return present.length === 1 ? present[0]! : "partial";
}
