import type { Boundary } from "../../geo/locate";
import type { Db } from "../prisma";

export type GovernorateBoundary = Boundary<{ pcode: string; nameEn: string; authorityId: string | null }>;

// Reference data the seed writes and nothing edits: read once per database
// client (every app instance reads the same rows, so instances cannot disagree).
const cache = new WeakMap<Db, Promise<GovernorateBoundary[]>>();

export function governorateBoundaries(db: Db): Promise<GovernorateBoundary[]> {
  const cached = cache.get(db);
  if (cached) return cached;
  const loading = db.governorate
    .findMany({ select: { pcode: true, nameEn: true, authorityId: true, boundary: true } })
    .then((rows) =>
      rows.map((g): GovernorateBoundary => ({ type: "Feature", properties: { pcode: g.pcode, nameEn: g.nameEn, authorityId: g.authorityId }, geometry: g.boundary as never })),
    )
    .catch((err: unknown) => {
      cache.delete(db);
      throw err;
    });
  cache.set(db, loading);
  return loading;
}
