// Who is signed in on this device, as the page shows it: the one part of a
// signed-in page that differs between two people of the same role and
// organisation. It travels in a cookie the browser can read, so the server can
// hand everyone of that role and organisation the same cached page and the
// page itself puts the name in (components/accounts/viewer.tsx). It is never
// trusted: who may see or do what is decided from the session, on the server.

import { cookieValue } from "./cookie-header";

export const VIEWER_COOKIE = "mat-viewer";

export type Viewer = { id: string; name: string };

/** The cookie's value: URL-encoded JSON, so any name survives a Cookie header. */
export function serialiseViewer(viewer: Viewer): string {
  return encodeURIComponent(JSON.stringify({ id: viewer.id, name: viewer.name }));
}

/** The viewer in a Cookie header (or document.cookie), or null when absent or not one. */
export function viewerOfCookies(cookieHeader: string | null | undefined): Viewer | null {
  const raw = cookieValue(cookieHeader, VIEWER_COOKIE);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const { id, name } = value as Record<string, unknown>;
    return typeof id === "string" && id && typeof name === "string" ? { id, name } : null;
  } catch {
    return null;
  }
}
