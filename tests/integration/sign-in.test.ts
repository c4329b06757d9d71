import { describe, expect, it } from "vitest";
import { MAX_FAILURES, WINDOW_MS } from "@/lib/domain/sign-in-throttle";
import { chooseLanguage, parseLanguageChoiceInput } from "@/lib/server/commands/choose-language";
import { signInWithPassword } from "@/lib/server/sign-in";
import { DATABASE_KINDS, useSeededDatabase } from "../helpers/databases";

describe.each(DATABASE_KINDS)("sign-in on %s", (kind) => {
  const t = useSeededDatabase(kind);

  it("pauses an account after repeated wrong passwords, even for the right one, and reopens after the window", async () => {
    const db = t().db;
    const now = new Date();
    for (let i = 0; i < MAX_FAILURES; i++) expect(await signInWithPassword(db, "donor@demo.test", `wrong-${i}`, now)).toEqual({ refused: "credentials" });
    const paused = await signInWithPassword(db, "donor@demo.test", "demo-password", now);
    expect(paused).toMatchObject({ refused: "throttled" });
    // Another account is not affected.
    expect(await signInWithPassword(db, "partner@demo.test", "demo-password", now)).toMatchObject({ user: { email: "partner@demo.test" } });
    const later = new Date(now.getTime() + WINDOW_MS + 1000);
    expect(await signInWithPassword(db, "donor@demo.test", "demo-password", later)).toMatchObject({ user: { email: "donor@demo.test", role: "DONOR" } });
    const trail = await db.auditEvent.groupBy({ by: ["action"], where: { entityId: "donor@demo.test" }, _count: true });
    expect(Object.fromEntries(trail.map((r) => [r.action, r._count]))).toEqual({ "auth.signInFailed": MAX_FAILURES, "auth.signInThrottled": 1 });
  });

  it("treats an unknown email like a known one, so refusals do not reveal which accounts exist", async () => {
    const db = t().db;
    const now = new Date();
    for (let i = 0; i < MAX_FAILURES; i++) expect(await signInWithPassword(db, "nobody@example.org", "x", now)).toEqual({ refused: "credentials" });
    expect(await signInWithPassword(db, "nobody@example.org", "x", now)).toMatchObject({ refused: "throttled" });
  });

  it("brings back the language and digits a user chose, on any device, and only theirs", async () => {
    const db = t().db;
    expect(await signInWithPassword(db, "ikmaa@demo.test", "demo-password")).toMatchObject({ language: { language: "en", numerals: "latn" } });
    const ikmaa = await db.user.findUniqueOrThrow({ where: { email: "ikmaa@demo.test" } });
    await chooseLanguage(db, ikmaa, parseLanguageChoiceInput({ language: "ckb", numerals: "" }));
    expect(await signInWithPassword(db, "ikmaa@demo.test", "demo-password")).toMatchObject({ language: { language: "ckb", numerals: "arab" } });
    await chooseLanguage(db, ikmaa, parseLanguageChoiceInput({ language: "ar", numerals: "latn" }));
    expect(await signInWithPassword(db, "ikmaa@demo.test", "demo-password")).toMatchObject({ language: { language: "ar", numerals: "latn" } });
    expect(await signInWithPassword(db, "dma@demo.test", "demo-password")).toMatchObject({ language: { language: "en" } });
    expect(() => parseLanguageChoiceInput({ language: "fr", numerals: "latn" })).toThrow(/Choose a language \(en, ar, ckb\)/);
  });
});
