// Who is behind a session cookie or an API token, checked against the account
// as it is now. A session carries the account's sessionVersion from the moment
// its password was checked; a password change or reset, a disable, an enable
// or a role change raises the version (lib/server/commands/end-sessions.ts),
// which ends every session of that account at its next request.

import type { Role } from "@/generated/prisma/enums";
import { refusal } from "@/lib/i18n/refusals";
import { CommandError } from "./command-error";
import type { Db } from "./prisma";
import { userForTokenHash } from "./queries/api-tokens";
import { activeAccount } from "./queries/users";
import { SESSION_LIFETIME_S } from "./session-token";

export { SESSION_LIFETIME_S, sessionTokenOf } from "./session-token";

/** What the app adds to NextAuth's JWT at sign-in. */
export type SessionClaims = { sub?: string; sv?: unknown; signedInAt?: unknown };

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  mustChangePassword: boolean;
};

/** The claims of a session that starts now, for an account whose version was read before its password was checked. */
export function newSessionClaims(sessionVersion: number, now = new Date()): { sv: number; signedInAt: number } {
  return { sv: sessionVersion, signedInAt: Math.floor(now.getTime() / 1000) };
}

/** False once the session is older than SESSION_LIFETIME_S, or has no sign-in time (issued before sessions had one). */
export function withinLifetime(token: SessionClaims, now = new Date()): boolean {
  return typeof token.signedInAt === "number" && now.getTime() / 1000 - token.signedInAt < SESSION_LIFETIME_S;
}

/**
 * The account behind a decoded session token, or null: the session is past
 * its lifetime, the account is disabled, or its credentials, state or role
 * changed since the session began.
 */
export async function accountOfSession(db: Db, token: SessionClaims, now = new Date()) {
  if (!token.sub || !withinLifetime(token, now) || typeof token.sv !== "number") return null;
  const account = await activeAccount(db, token.sub);
  return account && account.sessionVersion === token.sv ? account : null;
}

/** HEAD and GET only read; everything else may write. */
export function methodWrites(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

/**
 * The caller behind an API token, or null for an unknown, revoked or expired
 * token. A read-only token used to write, or an account that must first
 * choose its own password, is refused with a 403 that says so.
 */
export async function callerOfApiToken(
  db: Db,
  tokenHash: string,
  method: string,
  now = new Date(),
): Promise<SessionUser | null> {
  const found = await userForTokenHash(db, tokenHash, now);
  if (!found) return null;
  const { tokenReadOnly, ...user } = found;
  if (tokenReadOnly && methodWrites(method)) throw new CommandError("forbidden", refusal("tokenReadOnly"));
  if (user.mustChangePassword) throw new CommandError("forbidden", refusal("changePasswordFirst"));
  return user;
}
