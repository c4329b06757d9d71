// The session cookie as a request carries it, read without the database, so
// the proxy (proxy.ts) and the pages cache can use it as the pages do.

/**
 * A session ends 12 hours after sign-in however often it is used: a working
 * day in the field with margin, so a holder signs in once a day, and a cookie
 * copied from a shared or lost device works at most until the evening. The
 * 8-hour idle limit (NextAuth's maxAge) still applies within it.
 */
export const SESSION_LIFETIME_S = 12 * 60 * 60;

// NextAuth's cookie names: the __Secure- one when the app is served over HTTPS.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The session token among a request's cookies, or null; a token over 4 KB comes in chunks name.0, name.1, … */
export function sessionTokenOf(cookies: readonly { name: string; value: string }[]): string | null {
  const chunked = (name: string) =>
    cookies
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
      .map((c) => c.value)
      .join("");
  const named = (name: string) => cookies.find((c) => c.name === name)?.value;
  return SESSION_COOKIES.map((name) => named(name) || chunked(name)).find(Boolean) ?? null;
}
