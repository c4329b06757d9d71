import type { Db } from "../prisma";

export async function organisationName(db: Db, id: string): Promise<string> {
  return (await db.organisation.findUnique({ where: { id }, select: { name: true } }))?.name ?? "";
}
