// The service worker, built from service-worker/sw.ts by @serwist/turbopack at `next build` (this route is
// static: generateStaticParams runs the build once the app's static files exist, to list them for precaching).
// It is served at /serwist/sw.js with `Service-Worker-Allowed: /`, so it serves the whole app.
import { spawnSync } from "node:child_process";
import { createSerwistRoute } from "@serwist/turbopack";

// Versions the few entries that carry no content hash in their name; a fresh build is a fresh worker.
const revision = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf-8" }).stdout?.trim() || String(Date.now());

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "service-worker/sw.ts",
  // esbuild is already a dependency of the build; its WebAssembly twin would be a second copy.
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: "/icons/icon-192.png", revision }],
  // Source maps of the app are not for the field: a phone downloads what it runs.
  globIgnores: ["**/*.map", "**/*.txt"],
});
