import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { NextAuthOptions } from "next-auth";
import { decode, type JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cache } from "react";
import { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { VIEWER_COOKIE, type Viewer } from "@/lib/domain/viewer";
import { rememberLanguage } from "@/lib/i18n/language-cookie";
import { refusal } from "@/lib/i18n/refusals";
import { bearerToken, hashApiToken } from "./api-tokens";
import { requestAddress } from "./client-address";
import { CommandError } from "./command-error";
import { databaseTrouble, troubleLogLine } from "./database-trouble";
import { getDb } from "./db";
import { serverEnv } from "./env";
import { can, PAGE_PERMISSIONS, type PagePath } from "./permissions";
import { sessionVersionForSignIn } from "./queries/users";
import {
  accountOfSession,
  callerOfApiToken,
  newSessionClaims,
  SESSION_LIFETIME_S,
  type SessionUser,
  sessionTokenOf,
  withinLifetime,
} from "./sessions";
import { SIGN_IN_DATABASE_DOWN, SIGN_IN_DEMO_NOT_LOCAL, SIGN_IN_THROTTLED, signInWithPassword } from "./sign-in";

export type { SessionUser } from "./sessions";

/** Who signed in on this device, for the page to show (lib/domain/viewer.ts); Next URL-encodes the value. */
async function rememberViewer(viewer: Viewer) {
  (await cookies()).set(VIEWER_COOKIE, JSON.stringify(viewer), {
    path: "/",
    sameSite: "lax",
    maxAge: SESSION_LIFETIME_S,
  });
}

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(1024),
});

export function authOptions(): NextAuthOptions {
  const env = serverEnv();
  return {
    secret: env.nextAuthSecret,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          const parsed = ZCredentials.safeParse(raw);
          if (!parsed.success) return null;
          let result: Awaited<ReturnType<typeof signInWithPassword>>;
          let sessionVersion: number | null;
          try {
            const db = await getDb();
            // Read before the password is checked: a reset while it is checked leaves this session already ended.
            sessionVersion = await sessionVersionForSignIn(db, parsed.data.email);
            result = await signInWithPassword(
              db,
              parsed.data.email,
              parsed.data.password,
              requestAddress(req.headers?.["x-forwarded-for"]),
            );
          } catch (err) {
            const trouble = databaseTrouble(err);
            if (!trouble) throw err;
            console.error(troubleLogLine("Sign-in", trouble, err));
            throw new Error(SIGN_IN_DATABASE_DOWN);
          }
          if ("user" in result) {
            // The language stored on the user, not the last reader's of this device.
            await rememberLanguage(result.language);
            await rememberViewer({ id: result.user.id, name: result.user.name });
            return { ...result.user, ...newSessionClaims(sessionVersion ?? -1) };
          }
          if (result.refused === "throttled") throw new Error(SIGN_IN_THROTTLED);
          if (result.refused === "demoNotLocal") throw new Error(SIGN_IN_DEMO_NOT_LOCAL);
          return null;
        },
      }),
    ],
    // Who was signed in leaves the device with them (lib/domain/viewer.ts).
    events: {
      async signOut() {
        (await cookies()).delete(VIEWER_COOKIE);
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as SessionUser & ReturnType<typeof newSessionClaims>;
          token.sub = u.id;
          token.role = u.role;
          token.organisationId = u.organisationId;
          token.sv = u.sv;
          token.signedInAt = u.signedInAt;
          return token;
        }
        // /api/auth/session renews the cookie: not past the session's lifetime, nor once the account's credentials changed
        // (NextAuth clears the cookie when this throws). A database that is down ends nobody's session: each request checks again.
        if (!withinLifetime(token)) throw new Error("SessionEnded");
        const account = await getDb()
          .then((db) => accountOfSession(db, token))
          .catch((err: unknown) => (databaseTrouble(err) ? "unchecked" : Promise.reject(err)));
        if (!account) throw new Error("SessionEnded");
        return token;
      },
      session({ session, token }) {
        session.user = sessionUserFrom(token) as never;
        return session;
      },
    },
  };
}

/**
 * The caller of an API request: a personal token (`Authorization: Bearer
 * mat_…`) if one is sent, otherwise the session. A token that is sent but
 * unknown or revoked authenticates nobody, even with a session cookie.
 */
export async function apiCaller(req: Request): Promise<SessionUser | null> {
  const token = bearerToken(req.headers.get("authorization"));
  if (token) return callerOfApiToken(await getDb(), hashApiToken(token), req.method);
  const user = await currentUser();
  if (user?.mustChangePassword) throw new CommandError("forbidden", refusal("changePasswordFirst"));
  return user;
}

function sessionUserFrom(token: JWT): SessionUser {
  return {
    id: token.sub!,
    email: token.email ?? "",
    name: token.name ?? "",
    role: token.role as Role,
    organisationId: token.organisationId as string,
    mustChangePassword: false,
  };
}

/**
 * The signed-in user, or null: the session cookie's JWT, decrypted and
 * checked for expiry with NextAuth's own decode. Read directly rather than
 * through getServerSession, which also re-encrypts a refreshed token on every
 * call (a page cannot set it anyway): measured as most of the signed-in cost
 * of a page. Decoded once per page render, though the layout and the page both ask.
 * The role and organisation are read from the account on each request, so a
 * disabled account or a changed role takes effect at the next request; a
 * session past its lifetime or older than the account's last change of
 * credentials is no session (lib/server/sessions.ts).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const raw = sessionTokenOf((await cookies()).getAll());
  if (!raw) return null;
  const token = await decode({ token: raw, secret: serverEnv().nextAuthSecret }).catch(() => null);
  if (!token?.sub || !token.role) return null;
  // The account as it is now, not as it was at sign-in: disabling it ends its sessions at once.
  const account = await accountOfSession(await getDb(), token);
  return account
    ? {
        ...sessionUserFrom(token),
        role: account.role,
        organisationId: account.organisationId,
        mustChangePassword: account.mustChangePassword,
      }
    : null;
});

export const CHANGE_PASSWORD_PAGE = "/account/password";

/** For pages: sends a signed-out visitor to sign-in and renders 403 for a user without the page's permission. */
export async function requirePage(page: PagePath, path: string = page): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  // A password an administrator chose is changed before anything else is done.
  if (user.mustChangePassword && page !== CHANGE_PASSWORD_PAGE) redirect(CHANGE_PASSWORD_PAGE);
  if (!can(user, PAGE_PERMISSIONS[page])) forbidden();
  return user;
}
