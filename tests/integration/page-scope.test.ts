// The key the pages cache keeps a page under (lib/server/page-cache/scope.ts):
// two people share a kept page only when everything the page shows of them is
// the same (role, organisation, language and digits, address), a session that
// may not see the page is never served from the cache, and every write a page
// may show moves the version it is kept at.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { reviewLandReleaseReport } from "@/lib/server/commands/review-land-release-report";
import { submitLandReleaseReport } from "@/lib/server/commands/submit-land-release-report";
import { CACHED_PAGES } from "@/lib/server/page-cache/pages";
import { type PageRequest, scopeOfPage } from "@/lib/server/page-cache/scope";
import { actorFor } from "@/tests/helpers/actors";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";
import { rectangle, strip } from "@/tests/helpers/shapes";

const SECRET = "page-scope-secret-page-scope-secret-000";

describe.each(DATABASE_KINDS)("pages cache scope on %s", (kind) => {
  const t = useSeededDatabase(kind);

  /** The Cookie header of a browser signed in as `email`, as NextAuth makes it. */
  async function cookieOf(email: string, extra = "") {
    const u = await t().db.user.findUniqueOrThrow({ where: { email } });
    const token = await encode({
      token: {
        sub: u.id,
        name: u.name,
        email: u.email,
        role: u.role,
        organisationId: u.organisationId,
        sv: u.sessionVersion,
        signedInAt: Math.floor(Date.now() / 1000),
      },
      secret: SECRET,
    });
    return `next-auth.session-token=${token}${extra}`;
  }

  const ask = (path: string, cookieHeader?: string, acceptLanguage?: string, search = ""): PageRequest => ({
    path,
    search,
    cached: CACHED_PAGES[path]!,
    cookieHeader,
    acceptLanguage,
  });
  const scope = (request: PageRequest) => scopeOfPage(t().db, SECRET, request);

  it("gives two partners, two authorities and a donor each their own page, and names each viewer", async () => {
    const emails = ["partner@demo.test", "ikmaa-team@demo.test", "dma@demo.test", "ikmaa@demo.test", "donor@demo.test"];
    for (const path of ["/", "/reports"]) {
      const scopes = await Promise.all(emails.map(async (e) => scope(ask(path, await cookieOf(e)))));
      expect(new Set(scopes.map((s) => s!.key)).size).toBe(emails.length);
      const users = await t().db.user.findMany({ where: { email: { in: emails } } });
      for (const [i, s] of scopes.entries()) {
        const u = users.find((x) => x.email === emails[i])!;
        expect(s!.viewer).toEqual({ id: u.id, name: u.name });
        // The key holds the role and organisation, never who the person is.
        expect(s!.key).not.toContain(u.id);
        expect(s!.key).not.toContain(u.email);
      }
    }
  });

  it("shares one page between two people of the same role and organisation, in the same language", async () => {
    const partner = await t().db.user.findUniqueOrThrow({ where: { email: "partner@demo.test" } });
    await t().db.user.create({
      data: {
        email: "second-partner@demo.test",
        name: "Second Zagros Reporter",
        role: partner.role,
        organisationId: partner.organisationId,
        passwordHash: partner.passwordHash,
      },
    });
    const [a, b] = [
      await scope(ask("/reports", await cookieOf("partner@demo.test"))),
      await scope(ask("/reports", await cookieOf("second-partner@demo.test"))),
    ];
    expect(a!.key).toBe(b!.key);
    expect(a!.viewer!.name).not.toBe(b!.viewer!.name);

    // Language and digits, from the cookie or else the browser, and the address with its filters, each set a page apart.
    const cookie = await cookieOf("partner@demo.test");
    const keys = await Promise.all([
      scope(ask("/reports", `${cookie}; mat-language=ar`)),
      scope(ask("/reports", `${cookie}; mat-language=ar%3Alatn`)),
      scope(ask("/reports", cookie, "ckb,en;q=0.5")),
      scope(ask("/reports", cookie, undefined, "?status=approved")),
    ]);
    expect(new Set([a!.key, ...keys.map((k) => k!.key)]).size).toBe(5);
    expect(await scope(ask("/reports", cookie, "en-GB"))).toMatchObject({ key: a!.key });
  });

  it("serves no kept page to a session that has ended, a password to change, or a page the role may not see", async () => {
    expect(await scope(ask("/"))).toBeNull();
    expect(await scope(ask("/", "next-auth.session-token=not-a-token"))).toBeNull();
    // Partners do not see the funding page: Next renders its 403.
    expect(await scope(ask("/funding", await cookieOf("partner@demo.test")))).toBeNull();
    expect(await scope(ask("/funding", await cookieOf("donor@demo.test")))).not.toBeNull();

    const cookie = await cookieOf("dma@demo.test");
    await t().db.user.update({ where: { email: "dma@demo.test" }, data: { mustChangePassword: true } });
    expect(await scope(ask("/", cookie))).toBeNull();
    await t().db.user.update({ where: { email: "dma@demo.test" }, data: { mustChangePassword: false } });
    expect(await scope(ask("/", cookie))).not.toBeNull();
    await t().db.user.update({ where: { email: "dma@demo.test" }, data: { sessionVersion: { increment: 1 } } });
    expect(await scope(ask("/", cookie))).toBeNull();
  });

  it("keeps the public page as one page for readers signed in or not", async () => {
    const anonymous = await scope(ask("/public"));
    const signedIn = await scope(ask("/public", await cookieOf("donor@demo.test")));
    expect(signedIn).toEqual(anonymous);
    expect(anonymous!.viewer).toBeNull();
  });

  it("moves a list's version with a submission and the figures' only with an approval", async () => {
    const partner = await actorFor(t().db, "partner@demo.test");
    const cookie = await cookieOf("dma@demo.test");
    const task = await t().db.task.findFirstOrThrow({ where: { code: "DEMO-TASK-001" } });
    const before = { list: await scope(ask("/reports", cookie)), dashboard: await scope(ask("/", cookie)) };

    const submitted = await submitLandReleaseReport(t().db, partner, task.id, {
      method: "cleared",
      clearanceDepthCm: 30,
      periodStart: "2026-10-01",
      periodEnd: "2026-10-31",
      geometry: strip(rectangle([43.05, 36.3], 600, 400), 0.1, 0.15),
    });
    const submittedNow = { list: await scope(ask("/reports", cookie)), dashboard: await scope(ask("/", cookie)) };
    expect(submittedNow.list!.version).toBeGreaterThan(before.list!.version);
    expect(submittedNow.dashboard!.version).toBe(before.dashboard!.version);

    await reviewLandReleaseReport(t().db, await actorFor(t().db, "dma@demo.test"), submitted.id, {
      decision: "approve",
    });
    const approved = { list: await scope(ask("/reports", cookie)), dashboard: await scope(ask("/", cookie)) };
    expect(approved.list!.version).toBeGreaterThan(submittedNow.list!.version);
    expect(approved.dashboard!.version).toBeGreaterThan(submittedNow.dashboard!.version);
  });
});
