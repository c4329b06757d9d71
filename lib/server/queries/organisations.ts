import { cachedForDataVersion } from "@/lib/server/cache";
import type { Db } from "@/lib/server/prisma";

/** For the signed-in line on every page; organisations are written only by the seed, the funding import and the Users page, which bump the data version. */
export function organisationName(db: Db, id: string): Promise<string> {
  return cachedForDataVersion(
    db,
    `organisation:${id}`,
    async () => (await db.organisation.findUnique({ where: { id }, select: { name: true } }))?.name ?? "",
  );
}

export function listOrganisations(db: Db, type?: "PARTNER" | "DONOR" | "AUTHORITY") {
  return db.organisation.findMany({
    where: type ? { type } : {},
    orderBy: { name: "asc" },
    select: { id: true, name: true, type: true },
  });
}

/** The region an authority is responsible for (null for other organisations). */
export async function organisationRegion(db: Db, id: string) {
  return (await db.organisation.findUnique({ where: { id }, select: { region: true } }))?.region ?? null;
}

/** An organisation an account is opened at, with its type (each role works for one type). */
export function findOrganisation(db: Db, id: string) {
  return db.organisation.findUnique({ where: { id }, select: { id: true, name: true, type: true } });
}

/** The implementing partner with this id, or null when there is none (or the organisation is not a partner). */
export function findPartner(db: Db, id: string) {
  return db.organisation.findFirst({ where: { id, type: "PARTNER" }, select: { id: true } });
}

/** An organisation other than a donor that bears one of these names, if any (an imported donor may not take its name). */
export function nonDonorNamed(db: Db, names: string[]) {
  return db.organisation.findFirst({
    where: { name: { in: names }, type: { not: "DONOR" } },
    select: { name: true, type: true },
  });
}
