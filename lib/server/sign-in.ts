// Signing in with email and password. Each attempt is counted before the
// password is checked (per client address, then per email: one atomic
// increment each, in the database, lib/server/rate-limits.ts), so a burst of
// parallel guesses is counted in full; a success gives its attempt back.
// Every failure and refusal is recorded in the audit trail. Demo accounts,
// whose password is published, sign in only from the machine running the app.
import { isLoopback } from "@/lib/domain/client-address";
import { type LanguageChoice, languageChoice } from "@/lib/i18n/locales";
import { hashPassword, verifyPassword } from "./password";
import type { Db } from "./prisma";
import { recordAuditEvent } from "./queries/audit";
import { findUserForSignIn } from "./queries/users";
import { giveBackAttempt, SIGN_IN_PER_ADDRESS, SIGN_IN_PER_EMAIL, takeAttempt } from "./rate-limits";

export type SignInUser = {
  id: string;
  email: string;
  name: string;
  role: "ADMIN" | "AUTHORITY" | "PARTNER" | "DONOR";
  organisationId: string;
};
export type SignInResult =
  | { user: SignInUser; language: LanguageChoice }
  | { refused: "credentials" }
  | { refused: "throttled"; retryAfterSeconds: number }
  | { refused: "demoNotLocal" };

/** NextAuth passes a thrown error's message to the sign-in form as its `error`. */
export const SIGN_IN_THROTTLED = "SignInThrottled";
export const SIGN_IN_DATABASE_DOWN = "DatabaseUnavailable";
export const SIGN_IN_DEMO_NOT_LOCAL = "DemoAccountNotLocal";

// An unknown email is checked against this, so it costs the same scrypt as a known one and takes as long.
let dummyHash: Promise<string> | undefined;

/** Signs in from `address`, the client's address (lib/server/client-address.ts). */
export async function signInWithPassword(
  db: Db,
  email: string,
  password: string,
  address: string,
): Promise<SignInResult> {
  for (const [limit, key] of [
    [SIGN_IN_PER_ADDRESS, address],
    [SIGN_IN_PER_EMAIL, email],
  ] as const) {
    const attempt = await takeAttempt(db, limit, key);
    if (!attempt.allowed) {
      await recordAuditEvent(db, {
        actorUserId: null,
        action: "auth.signInThrottled",
        entityType: "SignIn",
        entityId: email,
        after: { retryAfterSeconds: attempt.retryAfterSeconds, limit: limit.name, address },
      });
      return { refused: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };
    }
  }
  const user = await findUserForSignIn(db, email);
  const passwordMatches = await verifyPassword(
    password,
    user?.passwordHash ?? (await (dummyHash ??= hashPassword(crypto.randomUUID()))),
  );
  if (!user || !passwordMatches) {
    await recordAuditEvent(db, {
      actorUserId: null,
      action: "auth.signInFailed",
      entityType: "SignIn",
      entityId: email,
      after: { address },
    });
    return { refused: "credentials" };
  }
  if (user.isDemo && !isLoopback(address)) {
    await recordAuditEvent(db, {
      actorUserId: null,
      action: "auth.signInRefusedDemo",
      entityType: "SignIn",
      entityId: email,
      after: { address },
    });
    return { refused: "demoNotLocal" };
  }
  await giveBackAttempt(db, SIGN_IN_PER_ADDRESS, address);
  await giveBackAttempt(db, SIGN_IN_PER_EMAIL, email);
  await recordAuditEvent(db, { actorUserId: user.id, action: "auth.signIn", entityType: "User", entityId: user.id });
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId },
    language: languageChoice(user.locale, user.numerals),
  };
}
