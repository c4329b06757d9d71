// Writes signed in by the session cookie: the browser adds that cookie to a
// request whichever site's page makes it, so such a write is refused when the
// browser says it came from another site, and a body is read as JSON only
// when sent as JSON (a cross-site form can send text/plain that parses).
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/server/auth";
import { publicPageEnabled } from "@/lib/server/queries/settings";
import { DATABASE_KINDS, useSeededDatabase } from "@/tests/helpers/databases";

vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-that-is-long-enough-0123456789");
vi.stubEnv("NEXTAUTH_URL", "https://mine-action.example.org");

// The caller as the session cookie would give it: the cookie itself is NextAuth's business, tested elsewhere.
let caller: SessionUser | null = null;
vi.mock("@/lib/server/auth", () => ({ apiCaller: async () => caller }));

const { POST: setPublicPage } = await import("@/app/api/settings/public-page/route");

describe.each(DATABASE_KINDS)("cookie-authenticated writes on %s", (kind) => {
  const t = useSeededDatabase(kind);

  beforeEach(async () => {
    const db = t().db;
    (globalThis as { __mineActionDb?: Promise<typeof db> }).__mineActionDb = Promise.resolve(db);
    const u = await db.user.findUniqueOrThrow({ where: { email: "dma@demo.test" } });
    caller = {
      id: u.id,
      role: u.role,
      organisationId: u.organisationId,
      email: u.email,
      name: u.name,
      mustChangePassword: false,
    };
  });

  const post = (headers: Record<string, string>, body = JSON.stringify({ enabled: false })) =>
    setPublicPage(
      new Request("http://localhost:3000/api/settings/public-page", {
        method: "POST",
        headers: { host: "localhost:3000", ...headers },
        body,
      }),
    );

  it.each([
    ["Sec-Fetch-Site says another site", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["Origin is another site (a browser without Sec-Fetch-Site)", { origin: "https://evil.example" }],
    ["Origin is opaque", { origin: "null" }],
  ])("are refused when %s, and change nothing", async (_label, headers) => {
    const res = await post({ "content-type": "application/json", ...headers });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/came from another site/);
    expect(await publicPageEnabled(t().db)).toBe(true);
  });

  it("refuse a body not sent as JSON, even one that parses as JSON, and change nothing", async () => {
    const res = await post({ "content-type": "text/plain", "sec-fetch-site": "same-origin" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /Content-Type: application\/json/,
    );
    expect(await publicPageEnabled(t().db)).toBe(true);
  });

  it("go through from the app's own pages, and from its public address behind a proxy", async () => {
    expect(
      (
        await post({
          "content-type": "application/json",
          "sec-fetch-site": "same-origin",
          origin: "http://localhost:3000",
        })
      ).status,
    ).toBe(200);
    expect(await publicPageEnabled(t().db)).toBe(false);
    const res = await post(
      {
        "content-type": "application/json; charset=utf-8",
        origin: "https://mine-action.example.org",
        host: "127.0.0.1:3000",
      },
      JSON.stringify({ enabled: true }),
    );
    expect(res.status).toBe(200);
    expect(await publicPageEnabled(t().db)).toBe(true);
  });

  it("with a personal token, are not refused for the Origin: a token is not sent by the browser on its own", async () => {
    // apiCaller is mocked: the token stands for the caller; what matters is that the Origin check lets it through.
    const res = await post({
      "content-type": "application/json",
      authorization: "Bearer mat_anything",
      origin: "https://tools.example",
    });
    expect(res.status).toBe(200);
  });
});
