// The key a request's page is cached under, decided inside the app (which
// owns the session, the account and the permissions) and handed to the HTTP
// server in front of it (scripts/app-server.ts) through installPageScope().
import { decode } from "next-auth/jwt";
import { cookiesOf } from "@/lib/domain/cookie-header";
import type { Viewer } from "@/lib/domain/viewer";
import { languageChoiceOfRequest } from "@/lib/i18n/locales";
import { versions } from "@/lib/server/cache";
import { getDb } from "@/lib/server/db";
import { serverEnv } from "@/lib/server/env";
import { can, PAGE_PERMISSIONS } from "@/lib/server/permissions";
import type { Db } from "@/lib/server/prisma";
import { accountOfSession, sessionTokenOf } from "@/lib/server/sessions";
import { PAGE_SCOPE_HOOK } from "./hook";
import type { CachedPage } from "./pages";

export type PageRequest = {
  path: string;
  search: string;
  cached: CachedPage;
  cookieHeader: string | undefined;
  acceptLanguage: string | undefined;
};

export type PageScope = {
  /** Everything the page's content depends on but the data version. */
  key: string;
  /** The data version the page must have been rendered at, or later. */
  version: number;
  /** The signed-in user the page is for, whose name the browser shows (null on the public page). */
  viewer: Viewer | null;
};

/**
 * The scope of a request for a cached page, or null when it is not to be
 * served from the cache: nobody signed in (or the session has ended) on a
 * signed-in page, a password to change first, or a page the role may not see.
 * Next renders those as always: a redirect or a 403.
 */
export async function pageScope(request: PageRequest): Promise<PageScope | null> {
  return scopeOfPage(await getDb(), serverEnv().nextAuthSecret, request);
}

/** pageScope on a given database and session secret. */
export async function scopeOfPage(db: Db, secret: string, request: PageRequest): Promise<PageScope | null> {
  const choice = languageChoiceOfRequest(request.cookieHeader, request.acceptLanguage);
  const language = `${choice.language}:${choice.numerals}`;
  const { data, records } = await versions(db);
  const version = request.cached.version === "figures" ? data : records;
  const address = request.path + request.search;
  const page = request.cached.page;
  if (!page) return { key: JSON.stringify([address, "public", language]), version, viewer: null };
  const raw = sessionTokenOf(cookiesOf(request.cookieHeader));
  if (!raw) return null;
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token?.sub || !token.role) return null;
  const account = await accountOfSession(db, token);
  if (!account || account.mustChangePassword || !can(account, PAGE_PERMISSIONS[page])) return null;
  return {
    key: JSON.stringify([address, account.role, account.organisationId, language]),
    version,
    viewer: { id: token.sub, name: token.name ?? "" },
  };
}

/** Called once at start (instrumentation.ts), so the HTTP server asks the app's own code, database and secret. */
export function installPageScope(): void {
  (globalThis as Record<symbol, unknown>)[PAGE_SCOPE_HOOK] = pageScope;
}
