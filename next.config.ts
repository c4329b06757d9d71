import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Sent with every response; the Content-Security-Policy is set per request
 * by proxy.ts, since it carries a fresh script nonce each time.
 * HSTS: browsers honour it only over HTTPS, so it is inert on a plain-HTTP
 * local install and protects a deployment behind TLS.
 */
const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Field staff may locate themselves on the map; nothing else is asked of the device.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), payment=(), usb=(), geolocation=(self)" },
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

/** The policy of a JSON answer: nothing in it may load, run, frame or be framed. */
const JSON_ANSWER_POLICY =
  "default-src 'none'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const nextConfig: NextConfig = {
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Outside the proxy (proxy.ts), so no nonce: JSON answers run no script at all.
      {
        source: "/api/imports/:path*",
        headers: [{ key: "Content-Security-Policy", value: JSON_ANSWER_POLICY }],
      },
    ];
  },
  // Bundling these breaks them at run time (WASM and file-system loading), though the build succeeds.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "geos-wasm",
    "sql.js",
    "pdfkit",
  ],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 status.
    authInterrupts: true,
    // Styles in the page itself: on a slow connection each stylesheet is one more round trip before
    // anything is painted (DevTools' Slow 3G: first view 5.2 s before, 2.2 s after; npm run bench:slow3g).
    // The map's 70 KB of styles load with the map instead (components/map), so pages stay small.
    inlineCss: true,
    // The proxy passes a request's body on only up to this size (10 MB by default, cutting a 20 MB field file
    // short): the largest body any route behind it reads (MAX_BODY_BYTES in lib/server/http.ts).
    proxyClientMaxBodySize: "25mb",
  },
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
