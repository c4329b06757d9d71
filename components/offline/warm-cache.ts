// Keeping the signed-in user's field pages on this device while online, so "opened the app once" is enough to
// work offline: the pages are fetched as documents (the reader's language cookie goes with them) and put in the
// cache the service worker answers page loads from when there is no connection.
import { OFFLINE_PAGE, PAGES_CACHE } from "@/lib/offline/cache-names";

type TaskList = { items: { id: string; status: string }[] };
const OPEN = new Set(["assigned", "in_progress"]);

/**
 * The pages to keep: the shell's pages, the offline page, and, for a partner (`withTasks`), each of its open
 * tasks' page and report form. An authority's tasks are a region's, hundreds of pages it does not report on.
 */
export async function pagesToKeep(
  fetchFn: typeof fetch,
  shellPages: readonly string[],
  withTasks: boolean,
): Promise<string[]> {
  const pages = [...shellPages, OFFLINE_PAGE];
  if (!withTasks) return pages;
  const res = await fetchFn("/api/tasks");
  if (!res.ok) return pages;
  const tasks = ((await res.json()) as TaskList).items.filter((t) => OPEN.has(t.status));
  return [...pages, ...tasks.flatMap((t) => [`/tasks/${t.id}`, `/tasks/${t.id}/reports/new`])];
}

/** Fetches and keeps each page, one at a time (a weak connection serves the partner's own work first). */
export async function warmPages(shellPages: readonly string[], withTasks: boolean): Promise<number> {
  if (typeof caches === "undefined" || !navigator.onLine) return 0;
  const cache = await caches.open(PAGES_CACHE);
  let kept = 0;
  for (const url of await pagesToKeep(fetch, shellPages, withTasks)) {
    const res = await fetch(url, { headers: { accept: "text/html" }, credentials: "same-origin" }).catch(() => null);
    // Only the page itself: never a redirect to sign-in stored under the page's address.
    if (res?.status !== 200 || res.redirected || !res.headers.get("content-type")?.includes("text/html")) continue;
    await cache.put(url, res);
    kept++;
  }
  return kept;
}

/** At sign-out, and when another user signs in on this device: no page of one user is shown to another. */
export async function forgetPages(): Promise<void> {
  if (typeof caches !== "undefined") await caches.delete(PAGES_CACHE);
}
