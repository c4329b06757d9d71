// Which pages are served from the pages cache, and when a request is for one.
// A cached page is the same for everyone whose scope is the same: its role and
// organisation (which is what every query behind these pages narrows by),
// language and digits, the address asked for, and the version of the data it
// shows. Nothing in it may name the user (app/(app)/layout.tsx leaves the name
// to the browser); a page that must not be shared says so with NO_STORE_MARK.
import type { PagePath } from "@/lib/server/permissions";

/** What a page shows moves with: the approved figures, or every record (lib/server/cache.ts). */
export type VersionKind = "figures" | "records";

export type CachedPage = { page: PagePath | null; version: VersionKind };

/** The pages served from the cache; `page: null` is the public page, the same signed in or not. */
export const CACHED_PAGES: Readonly<Record<string, CachedPage>> = {
  "/": { page: "/", version: "figures" },
  "/funding": { page: "/funding", version: "figures" },
  "/reports": { page: "/reports", version: "records" },
  "/public": { page: null, version: "figures" },
};

/** Rendered once in a page that must not be shared (the public page's "too many requests"). */
export const NO_STORE_MARK = 'name="page-cache" content="no-store"';

/** Headers of the router's own requests (a page's data for a client-side navigation or prefetch, a server action). */
const ROUTER_HEADERS = [
  "rsc",
  "next-action",
  "next-router-prefetch",
  "next-router-state-tree",
  "next-router-segment-prefetch",
];

/**
 * The cached page a request asks for, or null: only a browser's plain GET of
 * the whole document. A navigation inside the app asks for the router's data
 * instead, a request with a token is an API client's, and both are rendered.
 */
export function cachedPageOf(
  method: string | undefined,
  url: string | undefined,
  headers: Readonly<Record<string, string | string[] | undefined>>,
): { path: string; search: string; cached: CachedPage } | null {
  if (method !== "GET" || !url || ROUTER_HEADERS.some((h) => headers[h] !== undefined) || headers.authorization)
    return null;
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  const search = q === -1 ? "" : url.slice(q);
  const cached = Object.hasOwn(CACHED_PAGES, path) ? CACHED_PAGES[path]! : null;
  if (!cached || /[?&]_rsc=/.test(search)) return null;
  return { path, search, cached };
}
