// Signing in with email and password: the account's recent failures are
// read from the audit trail first (lib/domain/sign-in-throttle.ts), every
// failure and refusal is recorded there, and a paused account is refused
// before its password is even checked.
import { signInAllowed, WINDOW_MS } from "../domain/sign-in-throttle";
import { languageChoice, type LanguageChoice } from "../i18n/locales";
import { verifyPassword } from "./password";
import type { Db } from "./prisma";
import { recordAuditEvent } from "./queries/audit";
import { findUserForSignIn } from "./queries/users";

export type SignInUser = { id: string; email: string; name: string; role: "ADMIN" | "AUTHORITY" | "PARTNER" | "DONOR"; organisationId: string };
export type SignInResult = { user: SignInUser; language: LanguageChoice } | { refused: "credentials" } | { refused: "throttled"; retryAfterSeconds: number };

/** NextAuth passes a thrown error's message to the sign-in form as its `error`. */
export const SIGN_IN_THROTTLED = "SignInThrottled";
export const SIGN_IN_DATABASE_DOWN = "DatabaseUnavailable";

export async function signInWithPassword(db: Db, email: string, password: string, now = new Date()): Promise<SignInResult> {
  const failures = await db.auditEvent.findMany({
    where: { action: "auth.signInFailed", entityType: "SignIn", entityId: email, at: { gt: new Date(now.getTime() - WINDOW_MS) } },
    select: { at: true },
  });
  const gate = signInAllowed(failures.map((f) => f.at), now);
  if (!gate.allowed) {
    await recordAuditEvent(db, { actorUserId: null, action: "auth.signInThrottled", entityType: "SignIn", entityId: email, after: { retryAfterSeconds: gate.retryAfterSeconds } });
    return { refused: "throttled", retryAfterSeconds: gate.retryAfterSeconds };
  }
  const user = await findUserForSignIn(db, email);
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    await recordAuditEvent(db, { actorUserId: null, action: "auth.signInFailed", entityType: "SignIn", entityId: email });
    return { refused: "credentials" };
  }
  await recordAuditEvent(db, { actorUserId: user.id, action: "auth.signIn", entityType: "User", entityId: user.id });
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId },
    language: languageChoice(user.locale, user.numerals),
  };
}
