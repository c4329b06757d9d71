// Accounts and the organisations they belong to, managed by an administrator
// (the first administrator from the command line: scripts/add-user.ts). An
// account is never deleted, since the audit trail names it: it is disabled,
// which ends its sessions and revokes its API tokens at once, and can be enabled
// again (with new tokens). A password an administrator chooses, for a new
// account or a forgotten one, must be replaced by the holder at first sign-in.
import type { OrganisationType, Role } from "../../../generated/prisma/enums";
import { ZUserCreate, ZPasswordSet } from "../../schemas/account";
import { ZOrganisationCreate } from "../../schemas/organisation";
import { CommandError, fieldIssue, parseOrRefuse } from "../command-error";
import { refusal } from "../../i18n/refusals";
import { hashPassword } from "../password";
import { can, type Actor } from "../permissions";
import type { Db } from "../prisma";
import { bumpDataVersion } from "../cache";
import { recordAuditEvent } from "../queries/audit";
import { endSessionsAndTokens } from "./end-sessions";

/** The organisation each role works for: administrators and authorities at a national authority. */
const ORGANISATION_OF_ROLE: Record<Role, OrganisationType> = { ADMIN: "AUTHORITY", AUTHORITY: "AUTHORITY", PARTNER: "PARTNER", DONOR: "DONOR" };

/** Two administrators submitting the same email or name at once: the second meets the unique index, and is told so. */
function refuseDuplicate(err: unknown, refusalOnDuplicate: () => CommandError): never {
  if ((err as { code?: unknown } | null)?.code === "P2002") throw refusalOnDuplicate();
  throw err;
}

/**
 * Creates an account, checked and audited in one transaction. `by` is the
 * administrator, or null for the operator at the command line.
 */
export async function insertUser(db: Db, by: Actor | null, body: unknown) {
  const input = parseOrRefuse(ZUserCreate, body, "userMalformed");
  const organisation = await db.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, name: true, type: true } });
  if (!organisation) throw new CommandError("invalid_request", refusal("noSuchOrganisation"), [fieldIssue(["organisationId"], "noSuchOrganisation")]);
  if (organisation.type !== ORGANISATION_OF_ROLE[input.role]) {
    throw new CommandError("invalid_request", refusal("roleNotOfOrganisation", { organisation: organisation.name }), [fieldIssue(["role"], "roleNotOfOrganisationField")]);
  }
  const passwordHash = await hashPassword(input.password);
  const taken = () => new CommandError("conflict", refusal("emailTaken", { email: input.email }), [fieldIssue(["email"], "emailTakenField")]);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw taken();
    const user = await tx.user.create({
      // Chosen by an administrator, so known to them: the holder replaces it first. The operator at the command line chooses their own.
      data: { email: input.email, name: input.name, role: input.role, organisationId: organisation.id, passwordHash, mustChangePassword: by !== null },
      select: { id: true, email: true, name: true, role: true, organisationId: true },
    });
    await recordAuditEvent(tx, { actorUserId: by?.id ?? null, action: "user.create", entityType: "User", entityId: user.id, after: { email: user.email, name: user.name, role: user.role, organisationId: user.organisationId, ...(by ? {} : { via: "command line" }) } });
    return user;
  }).catch((err: unknown) => refuseDuplicate(err, taken));
}

/** An administrator creates an account for someone, with a first password to hand over. */
export async function createUser(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "user:manage")) throw new CommandError("forbidden", refusal("onlyAdminManagesUsers"));
  return insertUser(db, actor, body);
}

/**
 * Disables an account (its sessions end and its API tokens are revoked at
 * once) or enables it again, which starts no old session or token again. An administrator cannot disable their own account, and
 * these changes take turns, each by an administrator still enabled, so two
 * administrators disabling each other at once cannot leave none to undo it.
 */
export async function setUserDisabled(db: Db, actor: Actor, userId: string, disabled: boolean) {
  if (!can(actor, "user:manage")) throw new CommandError("forbidden", refusal("onlyAdminManagesUsers"));
  if (disabled && userId === actor.id) throw new CommandError("conflict", refusal("cannotDisableSelf"));
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('user.setDisabled'))`;
    if (!(await tx.user.findFirst({ where: { id: actor.id, role: "ADMIN", disabledAt: null }, select: { id: true } }))) {
      throw new CommandError("forbidden", refusal("onlyAdminManagesUsers"));
    }
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, disabledAt: true } });
    if (!user) throw new CommandError("not_found", refusal("noSuchUser"));
    if (Boolean(user.disabledAt) === disabled) return user;
    const updated = await tx.user.update({ where: { id: user.id }, data: { disabledAt: disabled ? new Date() : null }, select: { id: true, disabledAt: true } });
    await endSessionsAndTokens(tx, actor.id, user.id, disabled ? "user.disable" : "user.enable");
    await recordAuditEvent(tx, { actorUserId: actor.id, action: disabled ? "user.disable" : "user.enable", entityType: "User", entityId: user.id, before: { disabledAt: user.disabledAt?.toISOString() ?? null }, after: { disabledAt: updated.disabledAt?.toISOString() ?? null } });
    return updated;
  });
}

/**
 * An administrator sets a new password for an account whose holder forgot
 * theirs: every session of the account ends and its API tokens are revoked
 * (whoever knew the old password is out), and the holder must choose their
 * own at the next sign-in, so the administrator does not keep knowing it.
 */
export async function setUserPassword(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "user:manage")) throw new CommandError("forbidden", refusal("onlyAdminManagesUsers"));
  const input = parseOrRefuse(ZPasswordSet, body, "userMalformed");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true } });
    if (!user) throw new CommandError("not_found", refusal("noSuchUser"), [fieldIssue(["userId"], "noSuchUser")]);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true } });
    await endSessionsAndTokens(tx, actor.id, user.id, "user.setPassword");
    await recordAuditEvent(tx, { actorUserId: actor.id, action: "user.setPassword", entityType: "User", entityId: user.id });
    return user;
  });
}

/** An administrator adds an implementing partner or a donor (the national authorities come with the reference data). */
export async function createOrganisation(db: Db, actor: Actor, body: unknown) {
  if (!can(actor, "user:manage")) throw new CommandError("forbidden", refusal("onlyAdminManagesUsers"));
  const input = parseOrRefuse(ZOrganisationCreate, body, "organisationMalformed");
  const taken = () => new CommandError("conflict", refusal("organisationNameTaken", { name: input.name }), [fieldIssue(["name"], "organisationNameTakenField")]);
  return db.$transaction(async (tx) => {
    if (await tx.organisation.findUnique({ where: { name: input.name }, select: { id: true } })) throw taken();
    const organisation = await tx.organisation.create({ data: { name: input.name, shortName: input.shortName ?? null, type: input.type }, select: { id: true, name: true, shortName: true, type: true } });
    await recordAuditEvent(tx, { actorUserId: actor.id, action: "organisation.create", entityType: "Organisation", entityId: organisation.id, after: organisation });
    // The dashboard's partner filter lists the partners with the cached figures.
    await bumpDataVersion(tx);
    return organisation;
  }).catch((err: unknown) => refuseDuplicate(err, taken));
}
