// What the register map's API answers (lib/server/queries/register-map.ts), shared with the page that draws it.
import type { Feature, MultiPolygon, Point, Polygon } from "geojson";
import type { HazardStatus } from "@/lib/colours";

export type RegisterArea = Feature<
  Polygon | MultiPolygon,
  { id: string; code: string; name: string; kind: string; contamination: string[]; status: HazardStatus }
>;
/**
 * The areas whose centre falls in one cell, at their mean centre: how many,
 * how many of each status, their land and what is released of it, and the
 * status of all of them together.
 */
export type RegisterCell = Feature<
  Point,
  { areas: number; byStatus: Record<HazardStatus, number>; areaM2: number; releasedM2: number; status: HazardStatus }
>;
export type RegisterMap =
  | { level: "areas"; features: RegisterArea[] }
  | { level: "cells"; features: RegisterCell[]; cellDeg: number; reason: "zoom" | "tooMany" };
