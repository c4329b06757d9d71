// An account stays its holder's: sessions and API tokens end when the
// account's password is set, changed or reset, and when it is disabled or
// enabled; a session ends at a fixed time after sign-in however often it is
// renewed; a password an administrator chose is changed before anything else.
// Sessions are made as NextAuth makes them (the credentials provider's
// authorize, the jwt callback, NextAuth's own encode) and read back through
// the app's currentUser, requirePage and route handlers.

import { decode, encode, type JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as setPublicPageRoute } from "@/app/api/settings/public-page/route";
import { GET as listTasks } from "@/app/api/tasks/route";
import { authOptions, currentUser, requirePage } from "@/lib/server/auth";
import { changeOwnPassword } from "@/lib/server/commands/change-own-password";
import { issueApiToken as createApiToken } from "@/lib/server/commands/issue-api-token";
import { openAccount as createUser } from "@/lib/server/commands/open-account";
import { setAccountDisabled as setUserDisabled } from "@/lib/server/commands/set-account-disabled";
import { setAccountPassword as setUserPassword } from "@/lib/server/commands/set-account-password";
import { serverEnv } from "@/lib/server/env";
import type { Db } from "@/lib/server/prisma";
import { SESSION_LIFETIME_S } from "@/lib/server/sessions";
import { signInWithPassword } from "@/lib/server/sign-in";
import { actorFor, refusal } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

// The browser's cookie jar, as next/headers shows it to the server.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));

const COOKIE = "next-auth.session-token";
type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<Record<string, unknown> | null>;

/** Signs in as a browser does: the credentials provider, then NextAuth's jwt callback and cookie. Returns the cookie. */
async function signIn(email: string, password = "demo-password"): Promise<string> {
  const options = authOptions();
  const authorize = (options.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
  // From this machine, as npm start's server passes the connection's address on (demo accounts sign in only from here).
  const user = await authorize({ email, password }, { headers: { "x-forwarded-for": "127.0.0.1" } });
  if (!user) throw new Error(`sign-in as ${email} refused`);
  const token = await options.callbacks!.jwt!({
    token: { sub: String(user.id), email, name: String(user.name) },
    user: user as never,
    account: null,
  });
  const cookie = await encode({ token, secret: serverEnv().nextAuthSecret, maxAge: options.session!.maxAge });
  jar.set(COOKIE, cookie);
  return cookie;
}

/** What /api/auth/session does with the cookie: the jwt callback, then a fresh cookie; null where NextAuth clears it. */
async function renew(cookie: string): Promise<string | null> {
  const options = authOptions();
  const token = (await decode({ token: cookie, secret: serverEnv().nextAuthSecret })) as JWT;
  try {
    const renewed = await options.callbacks!.jwt!({ token, user: undefined as never, account: null });
    return await encode({ token: renewed, secret: serverEnv().nextAuthSecret, maxAge: options.session!.maxAge });
  } catch {
    return null;
  }
}

async function call(
  handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>,
  init: { token?: string; method?: string; body?: unknown; language?: string } = {},
) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "accept-language": init.language ?? "en",
  };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await handler(
    new Request("http://localhost/api/x", {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve({}) },
  );
  const payload = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  return { status: res.status, error: payload?.error };
}

/** Where a page sent the caller (Next's redirect throws), or "rendered". */
async function pageOutcome(page: Parameters<typeof requirePage>[0]): Promise<string> {
  try {
    await requirePage(page);
    return "rendered";
  } catch (err) {
    const digest = String((err as { digest?: unknown }).digest ?? err);
    return /NEXT_REDIRECT;[^;]*;([^;]+);/.exec(digest)?.[1] ?? digest;
  }
}

describe.each(DATABASE_KINDS)("sessions, tokens and passwords on %s", (kind) => {
  const t = useSeededDatabase(kind);
  const actor = (email: string) => actorFor(t().db, email);

  beforeEach(() => {
    // The route handlers and currentUser read the app's database through getDb(): point it at this test's.
    (globalThis as { __mineActionDb?: Promise<Db> }).__mineActionDb = Promise.resolve(t().db);
    jar.clear();
  });
  afterEach(() => vi.useRealTimers());

  it("an administrator's password reset ends the holder's session and revokes their tokens; the holder must choose their own password first", async () => {
    const db = t().db;
    const [admin, partner] = [await actor("admin@demo.test"), await actor("partner@demo.test")];
    const cookie = await signIn("partner@demo.test");
    const { token } = await createApiToken(db, partner, "GIS sync");
    expect((await currentUser())?.id).toBe(partner.id);
    expect((await call(listTasks, { token })).status).toBe(200);

    await setUserPassword(db, admin, { userId: partner.id, password: "handed over in person" });
    expect(await currentUser()).toBeNull();
    expect(await renew(cookie)).toBeNull();
    expect((await call(listTasks)).status).toBe(401);
    expect((await call(listTasks, { token })).status).toBe(401);
    const revoked = await db.auditEvent.findMany({ where: { action: "apiToken.revoke", actorUserId: admin.id } });
    expect(revoked.map((e) => e.after)).toEqual([{ because: "user.setPassword" }]);

    // Signed in with the administrator's password: the pages send the holder to change it, and the API refuses, saying why.
    await signIn("partner@demo.test", "handed over in person");
    expect(await currentUser()).toMatchObject({ id: partner.id, mustChangePassword: true });
    expect(await pageOutcome("/tasks")).toBe("/account/password");
    expect(await pageOutcome("/account/password")).toBe("rendered");
    const refused = await call(listTasks, { language: "ar" });
    expect([refused.status, refused.error?.message]).toEqual([
      403,
      "اختر كلمة مرورك الخاصة أولًا: كلمة المرور التي دخلت بها عيّنها المسؤول. افتح التطبيق في المتصفح وغيّرها، ثم سجّل الدخول مرة أخرى.",
    ]);

    await changeOwnPassword(db, partner, {
      currentPassword: "handed over in person",
      newPassword: "only the holder knows",
      confirmPassword: "only the holder knows",
    });
    expect(await currentUser()).toBeNull();
    await signIn("partner@demo.test", "only the holder knows");
    expect(await currentUser()).toMatchObject({ id: partner.id, mustChangePassword: false });
    expect(await pageOutcome("/tasks")).toBe("rendered");
    expect((await call(listTasks)).status).toBe(200);
  });

  it("an account an administrator opens must choose its own password at first sign-in", async () => {
    const db = t().db;
    const [admin, partner] = [await actor("admin@demo.test"), await actor("partner@demo.test")];
    const created = await createUser(db, admin, {
      email: `new-${kind}@partner.example.org`,
      name: "New Officer",
      role: "PARTNER",
      organisationId: partner.organisationId,
      password: "the first password",
    });
    await signIn(created.email, "the first password");
    expect(await pageOutcome("/")).toBe("/account/password");
    expect((await call(listTasks)).status).toBe(403);
  });

  it("disabling and enabling an account leaves its old session and tokens ended; signing in again works", async () => {
    const db = t().db;
    const [admin, donor] = [await actor("admin@demo.test"), await actor("donor@demo.test")];
    const cookie = await signIn("donor@demo.test");
    const { token } = await createApiToken(db, donor, "Donor dashboard");
    await setUserDisabled(db, admin, donor.id, true);
    await setUserDisabled(db, admin, donor.id, false);
    expect(await currentUser()).toBeNull();
    expect(await renew(cookie)).toBeNull();
    const funding = await import("@/app/api/funding/summary/route");
    expect((await call(funding.GET, { token })).status).toBe(401);
    await signIn("donor@demo.test");
    expect((await currentUser())?.id).toBe(donor.id);
  });

  it("a holder changes their own password only with the current one; every session and token of the account ends, audited", async () => {
    const db = t().db;
    const ikmaa = await actor("ikmaa@demo.test");
    const cookie = await signIn("ikmaa@demo.test");
    const { token } = await createApiToken(db, ikmaa, "Regional GIS");
    const before = [
      await db.auditEvent.count(),
      (await db.user.findUniqueOrThrow({ where: { id: ikmaa.id } })).passwordHash,
    ];

    const wrong = await refusal(
      changeOwnPassword(db, ikmaa, {
        currentPassword: "not-the-password",
        newPassword: "a brand new password",
        confirmPassword: "a brand new password",
      }),
    );
    expect([wrong.code, wrong.message, wrong.details]).toEqual([
      "forbidden",
      "The current password is not right.",
      [expect.objectContaining({ path: ["currentPassword"] })],
    ]);
    const differ = await refusal(
      changeOwnPassword(db, ikmaa, {
        currentPassword: "demo-password",
        newPassword: "a brand new password",
        confirmPassword: "a brand new passwort",
      }),
    );
    expect(differ.details).toMatchObject([
      { path: ["confirmPassword"], text: { ckb: "وشەی نهێنیی نوێ و دووبارەکردنەوەکەی جیاوازن." } },
    ]);
    const short = await refusal(
      changeOwnPassword(db, ikmaa, {
        currentPassword: "demo-password",
        newPassword: "short",
        confirmPassword: "short",
      }),
    );
    expect(short.details).toMatchObject([{ path: ["newPassword"], message: "A password has at least 12 characters." }]);
    const same = await refusal(
      changeOwnPassword(db, ikmaa, {
        currentPassword: "demo-password",
        newPassword: "demo-password",
        confirmPassword: "demo-password",
      }),
    );
    expect([same.message, same.details]).toEqual([
      "Choose a new password, different from the current one.",
      [expect.objectContaining({ path: ["newPassword"] })],
    ]);
    expect([
      await db.auditEvent.count(),
      (await db.user.findUniqueOrThrow({ where: { id: ikmaa.id } })).passwordHash,
    ]).toEqual(before);
    expect((await currentUser())?.id).toBe(ikmaa.id);

    await changeOwnPassword(db, ikmaa, {
      currentPassword: "demo-password",
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    });
    expect(await currentUser()).toBeNull();
    expect(await renew(cookie)).toBeNull();
    expect((await call(listTasks, { token })).status).toBe(401);
    expect(await signInWithPassword(db, "ikmaa@demo.test", "demo-password", "127.0.0.1")).toEqual({
      refused: "credentials",
    });
    const trail = await db.auditEvent.findMany({
      where: { actorUserId: ikmaa.id, action: { in: ["user.changePassword", "apiToken.revoke"] } },
      orderBy: { id: "asc" },
    });
    expect(trail.map((e) => [e.action, e.after])).toEqual([
      ["apiToken.revoke", { because: "user.changePassword" }],
      ["user.changePassword", null],
    ]);
  });

  it(`a session ends ${SESSION_LIFETIME_S / 3600} hours after sign-in, however often it is renewed`, async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-12-01T05:00:00Z");
    vi.setSystemTime(start);
    let cookie: string | null = await signIn("dma@demo.test");
    // Used all day: renewed every 4 hours, well within the 8-hour idle limit.
    for (let hours = 4; hours < SESSION_LIFETIME_S / 3600; hours += 4) {
      vi.setSystemTime(new Date(start.getTime() + hours * 3600_000));
      cookie = await renew(cookie!);
      expect(cookie, `renewed at ${hours} h`).not.toBeNull();
      jar.set(COOKIE, cookie!);
      expect(await currentUser()).not.toBeNull();
    }
    vi.setSystemTime(new Date(start.getTime() + SESSION_LIFETIME_S * 1000 + 60_000));
    expect(await currentUser()).toBeNull();
    expect(await renew(cookie!)).toBeNull();
  });

  it("a token lasts the days chosen, and a read-only token reads but is refused every write, changing nothing", async () => {
    const db = t().db;
    const dma = await actor("dma@demo.test");
    const created = new Date(Date.now() - 31 * 24 * 3600_000);
    const lapsed = await createApiToken(db, dma, "Thirty days", { expiresInDays: 30 }, created);
    expect(lapsed.expiresAt).toEqual(new Date(created.getTime() + 30 * 24 * 3600_000));
    expect((await call(listTasks, { token: lapsed.token })).status).toBe(401);

    const reader = await createApiToken(db, dma, "Dashboard reader", { expiresInDays: 90, readOnly: true });
    expect((await call(listTasks, { token: reader.token })).status).toBe(200);
    const before = await db.setting.findMany();
    const write = await call(setPublicPageRoute, { token: reader.token, method: "POST", body: { enabled: true } });
    expect([write.status, write.error?.message]).toEqual([
      403,
      "This API token is read-only: it may read but not change anything. Create a token without the read-only limit for a system that writes.",
    ]);
    expect(await db.setting.findMany()).toEqual(before);

    const scope = await refusal(createApiToken(db, dma, "Forever and more", { expiresInDays: 5000 }));
    expect([scope.code, scope.details]).toEqual([
      "invalid_request",
      [expect.objectContaining({ path: ["expiresInDays"] })],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: reader.id, action: "apiToken.create" } });
    expect(audit.after).toMatchObject({ readOnly: true, expiresAt: reader.expiresAt!.toISOString() });
  });
});
