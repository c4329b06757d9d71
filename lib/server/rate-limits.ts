// Attempt counters shared by every process of one installation: rows of the
// RateLimit table, counted by rate-limiter-flexible's RateLimiterPrisma (an
// atomic INSERT … ON CONFLICT DO UPDATE increment, through Prisma, so on
// PGlite and PostgreSQL alike). An in-memory counter would hold per worker
// process only, and `npm run start:cluster` runs several.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { MAX_FAILURES, MAX_FAILURES_PER_ADDRESS, WINDOW_MS } from "@/lib/domain/sign-in-throttle";
import type { Db } from "./prisma";

export type RateLimit = { name: string; points: number; windowMs: number };

/** Sign-in attempts that did not succeed, per email typed (known or not). */
export const SIGN_IN_PER_EMAIL: RateLimit = { name: "signin-email", points: MAX_FAILURES, windowMs: WINDOW_MS };
/** The same, per client address: guessing many accounts' passwords from one place. */
export const SIGN_IN_PER_ADDRESS: RateLimit = {
  name: "signin-address",
  points: MAX_FAILURES_PER_ADDRESS,
  windowMs: WINDOW_MS,
};
/** Anonymous views of the public page per client address: each uncached view costs the server seconds. */
export const PUBLIC_PAGE_PER_ADDRESS: RateLimit = { name: "public-address", points: 60, windowMs: 60_000 };

const limiters = new WeakMap<Db, Map<string, RateLimiterPrisma>>();

function limiterFor(db: Db, limit: RateLimit): RateLimiterPrisma {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  let limiter = byName.get(limit.name);
  if (!limiter) {
    limiter = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: limit.name,
      points: limit.points,
      duration: limit.windowMs / 1000,
    });
    byName.set(limit.name, limiter);
  }
  return limiter;
}

export type Attempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt against the limit for this key, atomically, before the
 * work it guards: parallel attempts are all counted. Refused once the
 * window's points are spent, until the window (from its first attempt) ends.
 */
export async function takeAttempt(db: Db, limit: RateLimit, key: string): Promise<Attempt> {
  try {
    await limiterFor(db, limit).consume(key);
    return { allowed: true };
  } catch (err) {
    // The library rejects with a RateLimiterRes when over the limit, with the database's error otherwise.
    if (err instanceof RateLimiterRes)
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
    throw err;
  }
}

/** Gives an attempt back: one that succeeded does not count against the limit. */
export async function giveBackAttempt(db: Db, limit: RateLimit, key: string): Promise<void> {
  await limiterFor(db, limit).reward(key, 1);
}
