// The names the service worker (service-worker/sw.ts) and the page (components/offline) share: the cache of
// pages kept for offline use, and the page shown offline when the one asked for was never kept. Pure: imported by
// the worker's own build, which bundles nothing of the server.

/** Pages as the signed-in user last saw them. Emptied at sign-out and when another user signs in on this device. */
export const PAGES_CACHE = "mat-pages-v1";

/** Said in the reader's language: kept at warm-up with the reader's language cookie. */
export const OFFLINE_PAGE = "/offline";

/** The worker's own address, and the scope it serves (the whole app). */
export const SERVICE_WORKER_URL = "/serwist/sw.js";
