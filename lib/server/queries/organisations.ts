import type { Db } from "../prisma";

export async function organisationName(db: Db, id: string): Promise<string> {
  return (await db.organisation.findUnique({ where: { id }, select: { name: true } }))?.name ?? "";
}

export function listOrganisations(db: Db, type?: "PARTNER" | "DONOR" | "AUTHORITY") {
  return db.organisation.findMany({ where: type ? { type } : {}, orderBy: { name: "asc" }, select: { id: true, name: true, type: true } });
}

/** The region an authority is responsible for (null for other organisations). */
export async function organisationRegion(db: Db, id: string) {
  return (await db.organisation.findUnique({ where: { id }, select: { region: true } }))?.region ?? null;
}
