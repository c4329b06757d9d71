// Whether a browser sent a request from another site. A session cookie goes
// with any request the browser makes to this app, whichever page asked, so a
// write authenticated by the cookie alone must come from the app's own pages
// (cross-site request forgery). Browsers say where a request came from in
// Sec-Fetch-Site (all current ones) or Origin (older ones, on every POST).

export type RequestSite = { secFetchSite: string | null; origin: string | null; host: string | null };

/**
 * True when the browser says the request came from another site (or from an
 * opaque origin, Origin: null). `appOrigin` is the app's public origin
 * (NEXTAUTH_URL), accepted besides the Host the request was sent to, which a
 * reverse proxy may have rewritten. A request with neither header did not
 * come from a browser's page (a script, curl), so there is nothing forged.
 */
export function fromAnotherSite(site: RequestSite, appOrigin: string): boolean {
  if (site.secFetchSite) return site.secFetchSite !== "same-origin" && site.secFetchSite !== "none";
  if (site.origin === null) return false;
  let origin: URL;
  try {
    origin = new URL(site.origin);
  } catch {
    return true;
  }
  return origin.origin === "null" || (origin.host !== site.host && origin.origin !== new URL(appOrigin).origin);
}
