// A cache for expensive read models (the dashboard's aggregates), valid for
// one version of the data. The version lives in the database and is bumped in
// the same transaction as every write that changes the figures, so every app
// instance sees a change the moment it commits and none serves a figure older
// than the data it has read.
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "./prisma";

const KEY = "dataVersion";
/**
 * Moved by every change a page may show, figures or not (a report submitted,
 * an attachment added): the pages cache (lib/server/page-cache) keys a list of
 * records by it, while the figures' caches keep to the data version, which a
 * submission does not move.
 */
const RECORDS_KEY = "recordsVersion";
const MAX_ENTRIES = 500;

type Entry = { version: number; value: Promise<unknown> };
/** One cache per database client: tests and scripts may hold several. */
const caches = new WeakMap<Db, Map<string, Entry>>();

/**
 * The current data version. Read once per page render (React's request
 * cache: a page with several cached parts asks the database once); every
 * call outside a render reads it afresh.
 */
export const dataVersion = cache(async (db: Db): Promise<number> => {
  const row = await db.setting.findUnique({ where: { key: KEY }, select: { value: true } });
  return (row?.value as { version?: number } | undefined)?.version ?? 0;
});

/**
 * Marks the figures changed. Call it last in the writing transaction: the
 * row lock it takes is held until commit, so concurrent writers queue here
 * only briefly.
 */
export async function bumpDataVersion(tx: Prisma.TransactionClient | Db): Promise<void> {
  await bump(tx, [RECORDS_KEY, KEY]);
}

/** Marks the records changed but not the figures: called with every audited change (lib/server/queries/audit.ts). */
export async function bumpRecordsVersion(tx: Prisma.TransactionClient | Db): Promise<void> {
  await bump(tx, [RECORDS_KEY]);
}

// The records row is always locked before the figures row, in one statement, so two writers
// that bump in different orders cannot deadlock.
async function bump(tx: Prisma.TransactionClient | Db, keys: string[]) {
  await tx.$executeRaw`
    INSERT INTO "Setting" (key, value, "updatedAt")
    SELECT k, '{"version": 1}'::jsonb, now() FROM unnest(${keys}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n
    ON CONFLICT (key) DO UPDATE SET value = jsonb_build_object('version', COALESCE(("Setting".value->>'version')::int, 0) + 1), "updatedAt" = now()`;
}

/** Both versions in one read, for a key that must change with either. */
export async function versions(db: Db): Promise<{ data: number; records: number }> {
  const rows = await db.setting.findMany({
    where: { key: { in: [KEY, RECORDS_KEY] } },
    select: { key: true, value: true },
  });
  const of = (key: string) =>
    (rows.find((r) => r.key === key)?.value as { version?: number } | undefined)?.version ?? 0;
  return { data: of(KEY), records: of(RECORDS_KEY) };
}

/**
 * The value for `key` at the current data version, computed once per
 * version (concurrent callers share one computation; a failed one is not kept).
 */
export async function cachedForDataVersion<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await dataVersion(db);
  const entries = caches.get(db) ?? caches.set(db, new Map()).get(db)!;
  const hit = entries.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  entries.delete(key);
  entries.set(key, { version, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  value.catch(() => entries.get(key)?.value === value && entries.delete(key));
  return value;
}
