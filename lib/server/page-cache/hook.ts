// Where the app leaves its pageScope (./scope.ts) for the HTTP server, which
// runs outside Next's bundle and so cannot import the app's modules itself.
import type { pageScope } from "./scope";

export const PAGE_SCOPE_HOOK = Symbol.for("mine-action.pageScope");

/** The app's pageScope once it has started, or undefined (then every page is rendered). */
export function installedPageScope(): typeof pageScope | undefined {
  return (globalThis as Record<symbol, unknown>)[PAGE_SCOPE_HOOK] as typeof pageScope | undefined;
}
