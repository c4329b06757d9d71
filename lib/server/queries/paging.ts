// Lists show a page at a time with the count of all; the count is cached per
// caller's scope (lib/server/cache.ts).
import type { Actor } from "@/lib/server/permissions";

/** Lists show 100 rows a page with the count of all: a national programme has tens of thousands of areas and tasks. */
export const LIST_PAGE_SIZE = 100;
export type Paging = { skip?: number; take?: number };
/** The rows of list page `page` (from 1), LIST_PAGE_SIZE at a time. */
export const pageOf = (page: number): Paging => ({
  skip: (Math.max(1, page) - 1) * LIST_PAGE_SIZE,
  take: LIST_PAGE_SIZE,
});

/** A list's page and the count of all its rows, read together. */
export async function counted<Row>(count: Promise<number>, rows: Promise<Row[]>) {
  const [total, page] = await Promise.all([count, rows]);
  return { total, rows: page };
}

/**
 * Counting a national list costs more than reading a page of it. The count
 * changes only with a registration, a task order or an assignment, each of
 * which bumps the data version, so it is kept per caller's scope and version.
 */
export const scopeKey = (actor: Actor) => `${actor.role}:${actor.role === "ADMIN" ? "" : actor.organisationId}`;
