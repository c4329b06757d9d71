// A request's Cookie header (or the browser's document.cookie) read as the
// browser wrote it: name=value pairs, values still URL-encoded.

export function cookiesOf(header: string | null | undefined): { name: string; value: string }[] {
  return (header ?? "")
    .split(/;\s*/)
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf("=");
      return eq === -1 ? { name: pair, value: "" } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
}

/** One cookie's value, URL-decoded, or null when it is absent or not URL-encoding. */
export function cookieValue(header: string | null | undefined, name: string): string | null {
  const raw = cookiesOf(header).find((c) => c.name === name)?.value;
  if (raw === undefined) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
