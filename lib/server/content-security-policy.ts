// The Content-Security-Policy of every response (set per request by
// proxy.ts). Scripts run only with this response's nonce, which Next.js puts
// on its own script tags, and what those scripts load ('strict-dynamic'): an
// injected <script> or inline handler does not run. 'wasm-unsafe-eval' lets
// the browser compile the geometry engine; map workers start from blob:.
// Pages and their scripts talk only to this app and the configured tile
// server or PMTiles host (read by range requests, so connect-src). Styles stay 'unsafe-inline': the page's own CSS is inlined
// (next.config.ts, inlineCss) and React sets style attributes.
// No 'server-only': a pure function, tested directly.

/**
 * The CSP source for a raster tile template's host: its origin, with a
 * placeholder subdomain (`{s}.tile.example.org`) as a wildcard; "https:" when
 * a placeholder sits elsewhere in the host, which CSP cannot express.
 */
export function tileSource(tileUrl: string): string {
  const marker = "tileplaceholder";
  const url = new URL(tileUrl.replace(/\{[^}]*\}/g, marker));
  const labels = url.hostname.split(".");
  if (labels.slice(1).some((l) => l.includes(marker))) return "https:";
  const host = [labels[0]!.includes(marker) ? "*" : labels[0], ...labels.slice(1)].join(".");
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ""}`;
}

/** The CSP source for a PMTiles archive: none on this app's origin ('self' covers it), else its origin. */
export function pmtilesSource(pmtilesUrl: string): string | null {
  return pmtilesUrl.startsWith("/") ? null : new URL(pmtilesUrl).origin;
}

export function contentSecurityPolicy(
  nonce: string,
  options: { tileUrl?: string; pmtilesUrl?: string; development: boolean },
): string {
  const sources = [
    options.tileUrl ? tileSource(options.tileUrl) : null,
    options.pmtilesUrl ? pmtilesSource(options.pmtilesUrl) : null,
  ].filter((s): s is string => s !== null);
  const tiles = [...new Set(sources)].map((s) => ` ${s}`).join("");
  return [
    "default-src 'self'",
    // In development React rebuilds server error stacks in the browser with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles}`,
    "font-src 'self'",
    `connect-src 'self'${tiles}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
