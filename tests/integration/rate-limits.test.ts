// The attempt counters behind the sign-in throttle and the public page's
// limit: in the database, so that every process of one installation counts
// together (npm run start:cluster runs several).
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDb } from "@/lib/server/prisma";
import { PUBLIC_PAGE_PER_ADDRESS, takeAttempt } from "@/lib/server/rate-limits";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

afterEach(() => {
  vi.useRealTimers();
});

describe.each(DATABASE_KINDS)("rate limits on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("let an address view the public page so many times a window, then not until the window ends; other addresses are unaffected", async () => {
    const db = t().db;
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const views = await Promise.all(
      Array.from({ length: PUBLIC_PAGE_PER_ADDRESS.points + 10 }, () =>
        takeAttempt(db, PUBLIC_PAGE_PER_ADDRESS, "198.51.100.1"),
      ),
    );
    expect(views.filter((v) => v.allowed)).toHaveLength(PUBLIC_PAGE_PER_ADDRESS.points);
    expect(views.find((v) => !v.allowed)).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(await takeAttempt(db, PUBLIC_PAGE_PER_ADDRESS, "198.51.100.2")).toEqual({ allowed: true });
    vi.setSystemTime(start + PUBLIC_PAGE_PER_ADDRESS.windowMs + 1000);
    expect(await takeAttempt(db, PUBLIC_PAGE_PER_ADDRESS, "198.51.100.1")).toEqual({ allowed: true });
  });
});

// Two app processes share one PostgreSQL server (PGlite is one process's).
describe.each(DATABASE_KINDS.filter((k) => k === "postgresql"))("rate limits across processes on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("count attempts made through two database clients (two app processes) together", async () => {
    const other = await openDb({ databaseUrl: t().url! });
    try {
      const both = await Promise.all(
        Array.from({ length: PUBLIC_PAGE_PER_ADDRESS.points + 4 }, (_, i) =>
          takeAttempt(i % 2 ? other.db : t().db, PUBLIC_PAGE_PER_ADDRESS, "198.51.100.3"),
        ),
      );
      expect(both.filter((v) => v.allowed)).toHaveLength(PUBLIC_PAGE_PER_ADDRESS.points);
    } finally {
      await other.close();
    }
  });
});
