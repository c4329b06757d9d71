import type { Prisma } from "../../../generated/prisma/client";
import type { Actor } from "../permissions";
import type { Db } from "../prisma";

/** A donor sees the grants it funds; authorities and admins see all. */
export function grantScope(actor: Actor): Prisma.GrantWhereInput {
  return actor.role === "DONOR" ? { donorId: actor.organisationId } : {};
}

export function listGrants(db: Db, actor: Actor) {
  return db.grant.findMany({
    where: grantScope(actor),
    orderBy: [{ fiscalYear: "desc" }, { amountUsdCents: "desc" }],
    select: {
      id: true, code: true, title: true, fiscalYear: true, amountUsdCents: true, currency: true, source: true, isDemo: true,
      donor: { select: { name: true } },
      partner: { select: { name: true } },
    },
  });
}

/** Grants a task order can name, with their donor and the partner they fund. */
export async function listGrantsForTasks(db: Db) {
  const grants = await db.grant.findMany({
    orderBy: [{ fiscalYear: "desc" }, { code: "asc" }],
    select: { id: true, code: true, title: true, partnerId: true, donor: { select: { name: true } } },
  });
  return grants.map((g) => ({ id: g.id, code: g.code, title: g.title, partnerId: g.partnerId, donor: g.donor.name }));
}
