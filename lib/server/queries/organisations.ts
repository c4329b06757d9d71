import type { OrganisationRole } from "@/generated/prisma/enums";
import { cachedForDataVersion } from "@/lib/server/cache";
import type { Actor } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { ACCREDITATION_RECORD } from "./accreditations";

/** For the signed-in line on every page; organisations are written only by the seed, the funding import and the Users page, which bump the data version. */
export function organisationName(db: Db, id: string): Promise<string> {
  return cachedForDataVersion(
    db,
    `organisation:${id}`,
    async () => (await db.organisation.findUnique({ where: { id }, select: { name: true } }))?.name ?? "",
  );
}

// Roles are matched here rather than in the where: Prisma's list filters (has, hasSome) on an enum array fail on
// PGlite's adapter ("malformed array literal"), and organisations are a few dozen rows.

/** Organisations, or those holding one role (an authority with its own teams is listed as operator too). */
export async function listOrganisations(db: Db, role?: OrganisationRole) {
  const all = await db.organisation.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, roles: true, operatorKind: true },
  });
  return role ? all.filter((o) => o.roles.includes(role)) : all;
}

/**
 * The organisations a past release can be counted to: operators, and the importing authority itself (its national
 * teams' work from before it was an operator here); for an administrator's file any authority.
 */
export async function releaseOperators(db: Db, actor: Actor) {
  const all = await db.organisation.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, shortName: true, roles: true },
  });
  return all.filter(
    (o) =>
      o.roles.includes("OPERATOR") ||
      (actor.role === "ADMIN" ? o.roles.includes("AUTHORITY") : o.id === actor.organisationId),
  );
}

/** How a refusal names an organisation: its short name (IKMAA, DMA) when it has one. */
export async function organisationLabel(db: Db, id: string): Promise<string> {
  const o = await db.organisation.findUnique({ where: { id }, select: { name: true, shortName: true } });
  return o?.shortName ?? o?.name ?? "";
}

/** The region an authority is responsible for (null for other organisations). */
export async function organisationRegion(db: Db, id: string) {
  return (await db.organisation.findUnique({ where: { id }, select: { region: true } }))?.region ?? null;
}

/** An organisation an account is opened at, with its roles (each account role needs one of them). */
export function findOrganisation(db: Db, id: string) {
  return db.organisation.findUnique({ where: { id }, select: { id: true, name: true, roles: true } });
}

/** The operator with this id and its accreditations, or null when there is none (or it holds no operator role). */
export async function findOperator(db: Db, id: string) {
  const found = await db.organisation.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      roles: true,
      accreditationsHeld: { select: ACCREDITATION_RECORD },
    },
  });
  return found?.roles.includes("OPERATOR") ? found : null;
}

/** An organisation other than a donor that bears one of these names, if any (an imported donor may not take its name). */
export async function nonDonorNamed(db: Db, names: string[]) {
  const named = await db.organisation.findMany({
    where: { name: { in: names } },
    select: { name: true, roles: true },
  });
  return named.find((o) => !o.roles.includes("DONOR")) ?? null;
}
