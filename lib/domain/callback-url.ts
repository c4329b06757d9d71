// Where the sign-in page sends someone once they are signed in: a path on
// this site, never another site. Browsers read URLs leniently (a backslash is
// a slash, tabs and newlines are dropped, `/./` segments collapse), so the
// check is the browser's own parser (WHATWG URL), not a look at the first characters.

// Any origin serves: only whether the parsed URL stays on it matters.
const HERE = "http://this-app.invalid";

/**
 * The path (with its query and fragment) a callback URL leads to when it
 * stays on this site, as the URL parser normalised it; "/" for anything
 * else: another host, another scheme, a protocol-relative `//host`, or a
 * path that a browser would read as one.
 */
export function sameOriginPath(raw: string | undefined): string {
  if (!raw?.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(raw, HERE);
  } catch {
    return "/";
  }
  if (url.origin !== HERE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A normalised path may itself start with "//" ("/.//evil.example"): read again, that is another host.
  return path.startsWith("/") && !path.startsWith("//") && new URL(path, HERE).origin === HERE ? path : "/";
}
