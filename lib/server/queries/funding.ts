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
