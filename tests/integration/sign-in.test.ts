import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_FAILURES, MAX_FAILURES_PER_ADDRESS, WINDOW_MS } from "@/lib/domain/sign-in-throttle";
import { chooseLanguage, parseLanguageChoiceInput } from "@/lib/server/commands/choose-language";
import { verifyPassword } from "@/lib/server/password";
import { signInWithPassword } from "@/lib/server/sign-in";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

// Counted, so a test can see that an unknown email is checked against a hash as a known one is.
vi.mock("@/lib/server/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const LOCAL = "127.0.0.1";
// Each test signs in from its own address, so the per-address limit of one does not reach into another.
let nextAddress = 1;
const remote = () => `203.0.113.${nextAddress++}`;

afterEach(() => {
  vi.useRealTimers();
});

describe.each(DATABASE_KINDS)("sign-in on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("pauses an account after repeated wrong passwords, even for the right one, and reopens after the window", async () => {
    const db = t().db;
    // Only Date is faked: the database's own timers keep running.
    vi.useFakeTimers({ toFake: ["Date"] });
    const now = new Date();
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(await signInWithPassword(db, "donor@demo.test", `wrong-${i}`, LOCAL)).toEqual({ refused: "credentials" });
    const paused = await signInWithPassword(db, "donor@demo.test", "demo-password", LOCAL);
    expect(paused).toMatchObject({ refused: "throttled" });
    // Another account is not affected.
    expect(await signInWithPassword(db, "partner@demo.test", "demo-password", LOCAL)).toMatchObject({
      user: { email: "partner@demo.test" },
    });
    vi.setSystemTime(new Date(now.getTime() + WINDOW_MS + 1000));
    expect(await signInWithPassword(db, "donor@demo.test", "demo-password", LOCAL)).toMatchObject({
      user: { email: "donor@demo.test", role: "DONOR" },
    });
    const trail = await db.auditEvent.groupBy({ by: ["action"], where: { entityId: "donor@demo.test" }, _count: true });
    expect(Object.fromEntries(trail.map((r) => [r.action, r._count]))).toEqual({
      "auth.signInFailed": MAX_FAILURES,
      "auth.signInThrottled": 1,
    });
  });

  it("treats an unknown email like a known one, so refusals do not reveal which accounts exist", async () => {
    const db = t().db;
    const from = remote();
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(await signInWithPassword(db, "nobody@example.org", "x", from)).toEqual({ refused: "credentials" });
    expect(await signInWithPassword(db, "nobody@example.org", "x", from)).toMatchObject({ refused: "throttled" });
  });

  it("checks an unknown email's password against a hash as for a known one, so it takes as long", async () => {
    const db = t().db;
    vi.mocked(verifyPassword).mockClear();
    expect(await signInWithPassword(db, "no-such-person@example.org", "guess", remote())).toEqual({
      refused: "credentials",
    });
    expect(verifyPassword).toHaveBeenCalledTimes(1);
    expect(vi.mocked(verifyPassword).mock.calls[0]![1]).toMatch(/^scrypt\$131072\$8\$1\$/);
  });

  it("counts a burst of parallel guesses in full: no more than the limit reach the password check", async () => {
    const db = t().db;
    const from = remote();
    const results = await Promise.all(
      Array.from({ length: 4 * MAX_FAILURES }, (_, i) =>
        signInWithPassword(db, "partner@demo.test", `burst-${i}`, from),
      ),
    );
    expect(results.filter((r) => "refused" in r && r.refused === "credentials")).toHaveLength(MAX_FAILURES);
    expect(results.filter((r) => "refused" in r && r.refused === "throttled")).toHaveLength(3 * MAX_FAILURES);
    expect(await signInWithPassword(db, "partner@demo.test", "demo-password", LOCAL)).toMatchObject({
      refused: "throttled",
    });
  });

  it("pauses an address that guesses many accounts' passwords, and only that address", async () => {
    const db = t().db;
    const from = remote();
    const guesses = await Promise.all(
      Array.from({ length: MAX_FAILURES_PER_ADDRESS }, (_, i) =>
        signInWithPassword(db, `guess-${i}@example.org`, "x", from),
      ),
    );
    expect(guesses.every((g) => "refused" in g && g.refused === "credentials")).toBe(true);
    const other = await db.user.create({
      data: {
        email: "ops@dma.gov.iq",
        name: "Ops",
        role: "AUTHORITY",
        organisationId: (await db.organisation.findFirstOrThrow()).id,
        passwordHash: await (await import("@/lib/server/password")).hashPassword("a long password"),
      },
    });
    expect(await signInWithPassword(db, other.email, "a long password", from)).toMatchObject({ refused: "throttled" });
    expect(await signInWithPassword(db, other.email, "a long password", remote())).toMatchObject({
      user: { email: other.email },
    });
    const throttled = await db.auditEvent.findFirstOrThrow({
      where: { action: "auth.signInThrottled", entityId: other.email },
    });
    expect(throttled.after).toMatchObject({ limit: "signin-address", address: from });
  }, 180_000);

  it("lets a demo account, whose password is published, sign in only from this machine", async () => {
    const db = t().db;
    const from = remote();
    expect(await signInWithPassword(db, "admin@demo.test", "demo-password", from)).toEqual({ refused: "demoNotLocal" });
    expect(await signInWithPassword(db, "admin@demo.test", "demo-password", "::ffff:127.0.0.1")).toMatchObject({
      user: { email: "admin@demo.test", role: "ADMIN" },
    });
    expect(
      await db.auditEvent.count({ where: { action: "auth.signInRefusedDemo", entityId: "admin@demo.test" } }),
    ).toBe(1);
  });

  it("brings back the language and digits a user chose, on any device, and only theirs", async () => {
    const db = t().db;
    expect(await signInWithPassword(db, "ikmaa@demo.test", "demo-password", LOCAL)).toMatchObject({
      language: { language: "en", numerals: "latn" },
    });
    const ikmaa = await db.user.findUniqueOrThrow({ where: { email: "ikmaa@demo.test" } });
    await chooseLanguage(db, ikmaa, parseLanguageChoiceInput({ language: "ckb", numerals: "" }));
    expect(await signInWithPassword(db, "ikmaa@demo.test", "demo-password", LOCAL)).toMatchObject({
      language: { language: "ckb", numerals: "arab" },
    });
    await chooseLanguage(db, ikmaa, parseLanguageChoiceInput({ language: "ar", numerals: "latn" }));
    expect(await signInWithPassword(db, "ikmaa@demo.test", "demo-password", LOCAL)).toMatchObject({
      language: { language: "ar", numerals: "latn" },
    });
    expect(await signInWithPassword(db, "dma@demo.test", "demo-password", LOCAL)).toMatchObject({
      language: { language: "en" },
    });
    expect(() => parseLanguageChoiceInput({ language: "fr", numerals: "latn" })).toThrow(
      /Choose a language \(en, ar, ckb\)/,
    );
  });
});
