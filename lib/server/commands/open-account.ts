// Accounts are opened by an administrator on the Users page, or from the
// command line by the operator (scripts/add-user.ts) for the first
// administrator of an installation. An account is never deleted, since the
// audit trail names it: it is disabled (set-account-disabled.ts). A password
// an administrator chooses must be replaced by the holder at first sign-in.
import type { OrganisationRole, Role } from "@/generated/prisma/enums";
import { refusal } from "@/lib/i18n/refusals";
import { ZUserCreate } from "@/lib/schemas/account";
import { CommandError, fieldIssue, isUniqueViolation, parseOrRefuse } from "@/lib/server/command-error";
import { hashPassword } from "@/lib/server/password";
import { type Actor, can } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { recordAuditEvent } from "@/lib/server/queries/audit";
import { findOrganisation } from "@/lib/server/queries/organisations";

/**
 * The role an organisation must hold for each account role: administrators and authority staff at a national
 * authority, partner staff (who report on tasks) at an operator, an authority's own teams included.
 */
const ORGANISATION_OF_ROLE: Record<Role, OrganisationRole> = {
  ADMIN: "AUTHORITY",
  AUTHORITY: "AUTHORITY",
  PARTNER: "OPERATOR",
  DONOR: "DONOR",
};

/** An administrator opens an account for someone, with a first password to hand over. */
export async function openAccount(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "user:manage")) throw new CommandError("forbidden", refusal("onlyAdminManagesUsers"));
  return insertAccount(db, actor, body);
}

/** The operator at the command line opens an account, with a password of their own choosing. */
export function openAccountFromCommandLine(db: Db, body: unknown) {
  return insertAccount(db, null, body);
}

/**
 * Creates an account, checked and audited in one transaction. `by` is the
 * administrator, or null for the operator at the command line.
 */
async function insertAccount(db: Db, by: Actor | null, body: unknown) {
  const input = parseOrRefuse(ZUserCreate, body, "userMalformed");
  const organisation = await findOrganisation(db, input.organisationId);
  if (!organisation)
    throw new CommandError("invalid_request", refusal("noSuchOrganisation"), [
      fieldIssue(["organisationId"], "noSuchOrganisation"),
    ]);
  if (!organisation.roles.includes(ORGANISATION_OF_ROLE[input.role])) {
    throw new CommandError("invalid_request", refusal("roleNotOfOrganisation", { organisation: organisation.name }), [
      fieldIssue(["role"], "roleNotOfOrganisationField"),
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  const taken = () =>
    new CommandError("conflict", refusal("emailTaken", { email: input.email }), [
      fieldIssue(["email"], "emailTakenField"),
    ]);
  return db
    .$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw taken();
      const user = await tx.user.create({
        // Chosen by an administrator, so known to them: the holder replaces it first. The operator at the command line chooses their own.
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          organisationId: organisation.id,
          passwordHash,
          mustChangePassword: by !== null,
        },
        select: { id: true, email: true, name: true, role: true, organisationId: true },
      });
      await recordAuditEvent(tx, {
        actorUserId: by?.id ?? null,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        after: {
          email: user.email,
          name: user.name,
          role: user.role,
          organisationId: user.organisationId,
          ...(by ? {} : { via: "command line" }),
        },
      });
      return user;
    })
    .catch((err: unknown) => {
      // Two administrators submitting the same email at once: the second meets the unique index, and is told so.
      throw isUniqueViolation(err) ? taken() : err;
    });
}
