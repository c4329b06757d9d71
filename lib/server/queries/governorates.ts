import type { Boundary } from "@/lib/geo/locate";
import { GOVERNORATE_NAMES } from "@/lib/i18n/names";
import type { Db } from "@/lib/server/prisma";

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
      rows.map(
        (g): GovernorateBoundary => ({
          type: "Feature",
          properties: { pcode: g.pcode, nameEn: g.nameEn, authorityId: g.authorityId },
          geometry: g.boundary as never,
        }),
      ),
    )
    .catch((err: unknown) => {
      cache.delete(db);
      throw err;
    });
  cache.set(db, loading);
  return loading;
}

/** Governorates named in every language, for a form's choice; an authority's own only when given. */
export function governorateChoices(db: Db, authorityId?: string) {
  return db.governorate.findMany({
    where: authorityId ? { authorityId } : {},
    orderBy: { nameEn: "asc" },
    select: { pcode: true, ...GOVERNORATE_NAMES },
  });
}

/** A governorate by its P-code, with its responsible authority and its names in every language. */
export function findGovernorate(db: Db, pcode: string) {
  return db.governorate.findUnique({
    where: { pcode },
    select: { pcode: true, authorityId: true, ...GOVERNORATE_NAMES },
  });
}
