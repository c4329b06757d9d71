// The service worker, built from service-worker/sw.ts by @serwist/turbopack at `next build` (this route is
// static: generateStaticParams runs the build once the app's static files exist, to list them for precaching).
// It is served at /serwist/sw.js with `Service-Worker-Allowed: /`, so it serves the whole app.
import { createSerwistRoute } from "@serwist/turbopack";

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "service-worker/sw.ts",
  // esbuild is already a dependency of the build; its WebAssembly twin would be a second copy.
  useNativeEsbuild: true,
  // What a kept page needs to run offline: the build's scripts and styles, the geometry engine's WebAssembly (not
  // in Serwist's default list) and the app's icons and base layers. Source maps are not for the field.
  // Turbopack emits the geometry worker's entry as static/media/geometry-worker.<hash>.ts.
  globPatterns: [
    ".next/static/**/*.{js,ts,css,wasm,woff,woff2,png,svg,ico,json}",
    "public/icons/*.png",
    "public/basemap/*.{geojson,json}",
  ],
  globIgnores: ["**/*.map"],
  // GEOS compiled into one 2.8 MB chunk: over Serwist's default 2 MB it was left out, and offline the report
  // form's check never ran (e2e/offline.spec.ts).
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
});
