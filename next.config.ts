import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Sent with every response. Scripts only from this app (Next's inline
 * bootstrap needs 'unsafe-inline'; 'wasm-unsafe-eval' lets the browser
 * compile the geometry engine); map workers from blob:; raster tiles from
 * any https host, since BASEMAP_TILE_URL is read at start and these headers
 * are fixed at build. No framing, no plugins, forms post only here.
 * HSTS: browsers honour it only over HTTPS, so it is inert on a plain-HTTP
 * local install and protects a deployment behind TLS.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self' https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Field staff may locate themselves on the map; nothing else is asked of the device.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), payment=(), usb=(), geolocation=(self)" },
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  // Bundling these breaks them at run time (WASM and file-system loading), though the build succeeds.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm", "geos-wasm", "pdfkit"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 status.
    authInterrupts: true,
    // Styles in the page itself: on a slow connection each stylesheet is one more round trip before
    // anything is painted (DevTools' Slow 3G: first view 5.2 s before, 2.2 s after; npm run bench:slow3g).
    // The map's 70 KB of styles load with the map instead (components/map), so pages stay small.
    inlineCss: true,
  },
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
