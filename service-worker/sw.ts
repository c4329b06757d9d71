// The service worker (built by @serwist/turbopack from app/serwist/[path]/route.ts into /serwist/sw.js).
// What it does, and why (docs/OFFLINE.md):
// - The build's static files (scripts, styles, the geometry engine) are precached, so a page kept for offline
//   use can run its scripts: the report form checks the polygon in the browser with the server's own code.
// - Page loads go to the network first and fall back to the page as last seen (PAGES_CACHE), then to the
//   offline page. Only full, direct, successful HTML answers are kept: never a redirect (a signed-out visit
//   lands on the sign-in page, which must not be stored under the page asked for).
// - Next.js's client-side moves fetch RSC payloads, which depend on the router's state: never kept. Offline
//   such a fetch fails and Next.js loads the whole document instead, which the cache answers.
// - The API is never cached: a submission made offline waits in the page's queue (IndexedDB), not here.
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  NetworkOnly,
  type PrecacheEntry,
  Serwist,
  type SerwistGlobalConfig,
  StaleWhileRevalidate,
} from "serwist";
import { OFFLINE_PAGE, PAGES_CACHE } from "@/lib/offline/cache-names";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const isRsc = (request: Request, url: URL) => request.headers.get("RSC") === "1" || url.searchParams.has("_rsc");

/** Said when neither the page nor the offline page was kept: in the three languages, since none is known here. */
function bareOfflinePage(): Response {
  const body = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Offline</title><body style="font-family:sans-serif;padding:1rem;line-height:1.5">
<p>You are offline and this page was not kept on this device. Open it again once connected.</p>
<p dir="rtl" lang="ar">أنت غير متصل، ولم تُحفظ هذه الصفحة على هذا الجهاز. افتحها مرة أخرى عند الاتصال.</p>
<p dir="rtl" lang="ckb">تۆ ئۆفلاینیت و ئەم پەڕەیە لەسەر ئەم ئامێرە هەڵنەگیراوە. کاتێک پەیوەندیت هەبوو دووبارە بیکەرەوە.</p>`;
  return new Response(body, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
}

const pages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  // A weak connection that answers nothing for this long: the page as last seen is better than a blank screen.
  networkTimeoutSeconds: 10,
  plugins: [
    {
      cacheWillUpdate: async ({ response }) =>
        response.status === 200 && !response.redirected && response.headers.get("content-type")?.includes("text/html")
          ? response
          : null,
    },
    {
      handlerDidError: async () =>
        (await caches.open(PAGES_CACHE).then((c) => c.match(OFFLINE_PAGE))) ?? bareOfflinePage(),
    },
  ],
});

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // Turbopack starts web workers (the geometry check's) from a precached chunk with a query naming the chunks to
  // load: the precached file answers whatever its query, its name already being its content's hash.
  precacheOptions: {
    ignoreURLParametersMatching: [/.*/],
    plugins: [
      {
        // A worker's location is its script response's URL: the cached file's address has lost the query that
        // carries Turbopack's bootstrap config ("Missing worker bootstrap config", and the report form's check
        // never ran offline). An answer made afresh has no URL of its own, so the worker keeps the one it asked.
        handlerWillRespond: async ({ request, response }) =>
          request.destination === "worker" && response.url !== request.url
            ? new Response(response.body, { status: response.status, headers: response.headers })
            : response,
      },
    ],
  },
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url }) => url.origin === self.location.origin && isRsc(request, url),
      handler: new NetworkOnly(),
    },
    {
      matcher: ({ url }) => url.origin === self.location.origin && url.pathname.startsWith("/api/"),
      handler: new NetworkOnly(),
    },
    { matcher: ({ request }) => request.mode === "navigate", handler: pages },
    // The build's files not in the precache list (named by their content's hash: never stale).
    {
      matcher: ({ url }) => url.origin === self.location.origin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: "mat-static", plugins: [new ExpirationPlugin({ maxEntries: 200 })] }),
    },
    // The app's own icons and base layers (public/): the same for every user. Anything else is not kept
    // (Serwist's default list for Next.js would keep any same-origin GET, and so one user's data).
    {
      matcher: ({ url }) => url.origin === self.location.origin && /^\/(icons|basemap)\//.test(url.pathname),
      handler: new StaleWhileRevalidate({
        cacheName: "mat-assets",
        plugins: [new ExpirationPlugin({ maxEntries: 64 })],
      }),
    },
  ],
});

serwist.addEventListeners();
