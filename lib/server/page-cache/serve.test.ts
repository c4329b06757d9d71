// The pages cache in front of a stand-in for Next: what it keeps, whom it
// serves a kept page to, and what it leaves to be rendered.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { viewerOfCookies } from "@/lib/domain/viewer";
import { PAGE_SCOPE_HOOK } from "./hook";
import { NO_STORE_MARK } from "./pages";
import type { PageRequest, PageScope } from "./scope";
import { KeptPages, pageCacheServer } from "./serve";

/** What the stand-in app renders, and what it saw. */
let renders: { url: string; cookie: string; forwardedFor: string }[] = [];
let answer: (req: IncomingMessage, res: ServerResponse) => void;
let version = 1;
/** Scope: the "role" cookie is the scope; no role, no cached page. */
const scopeOf = async (r: PageRequest): Promise<PageScope | null> => {
  const role = /role=(\w+)/.exec(r.cookieHeader ?? "")?.[1];
  if (r.cached.page === null) return { key: `public ${r.path}${r.search}`, version, viewer: null };
  if (!role) return null;
  const id = /uid=(\w+)/.exec(r.cookieHeader ?? "")?.[1] ?? "u1";
  return { key: `${role} ${r.path}${r.search}`, version, viewer: { id, name: `Name of ${id}` } };
};

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  const pages = pageCacheServer(port, 1024 * 1024);
  server.on("request", (req, res) => {
    const next = () => {
      renders.push({
        url: req.url!,
        cookie: String(req.headers.cookie ?? ""),
        forwardedFor: String(req.headers["x-forwarded-for"] ?? ""),
      });
      answer(req, res);
    };
    if (pages.ownFill(req)) return next();
    req.headers["x-forwarded-for"] = "203.0.113.7";
    void pages.handle(req, res, next);
  });
  (globalThis as Record<symbol, unknown>)[PAGE_SCOPE_HOOK] = scopeOf;
});
afterAll(() => {
  delete (globalThis as Record<symbol, unknown>)[PAGE_SCOPE_HOOK];
  server.close();
});
beforeEach(() => {
  renders = [];
  version++;
  answer = (_req, res) => {
    // A slow page: concurrent askers arrive while it renders.
    setTimeout(() => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-security-policy", "script-src 'nonce-abc'");
      res.end(`<html><body>page ${version} ${"x".repeat(2000)}</body></html>`);
    }, 50);
  };
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers, redirect: "manual" });

describe("the pages cache", () => {
  it("renders a page once for everyone of a scope asking at once, then serves it without rendering", async () => {
    const first = await Promise.all(
      Array.from({ length: 5 }, (_, i) => get("/", { cookie: `role=donor; uid=u${i}`, "accept-encoding": "identity" })),
    );
    const bodies = await Promise.all(first.map((r) => r.text()));
    expect(renders).toHaveLength(1);
    // Rendered with the viewer cookie its asker gets, so the app has no cookie to set on a page to be kept.
    expect(viewerOfCookies(renders[0]!.cookie)?.name).toMatch(/^Name of u\d$/);
    expect(new Set(bodies).size).toBe(1);
    expect(first.map((r) => r.headers.get("x-page-cache")).sort()).toEqual(["hit", "hit", "hit", "hit", "miss"]);
    // Each asker is told who they are, for the browser to show: the page itself names nobody.
    expect(first.map((r) => viewerOfCookies(r.headers.get("set-cookie"))?.id).sort()).toEqual([
      "u0",
      "u1",
      "u2",
      "u3",
      "u4",
    ]);
    const again = await get("/", {
      cookie: "role=donor; uid=u0; mat-viewer=%7B%22id%22%3A%22u0%22%2C%22name%22%3A%22Name%20of%20u0%22%7D",
    });
    expect(again.headers.get("x-page-cache")).toBe("hit");
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(again.headers.get("content-security-policy")).toBe("script-src 'nonce-abc'");
    expect(renders).toHaveLength(1);
  });

  it("renders again for another scope, another address and another data version", async () => {
    await (await get("/", { cookie: "role=donor" })).text();
    await (await get("/", { cookie: "role=partner" })).text();
    await (await get("/?region=kurdistan", { cookie: "role=donor" })).text();
    expect(renders).toHaveLength(3);
    version++;
    const fresh = await get("/", { cookie: "role=donor" });
    expect(await fresh.text()).toContain(`page ${version}`);
    expect(fresh.headers.get("x-page-cache")).toBe("miss");
    expect(renders).toHaveLength(4);
  });

  it("leaves to Next what is not a cached page or has no scope: nothing is kept", async () => {
    await get("/tasks", { cookie: "role=donor" });
    await get("/", {});
    await get("/", { cookie: "role=donor", rsc: "1" });
    await get("/?_rsc=abc", { cookie: "role=donor" });
    await get("/", { cookie: "role=donor", authorization: "Bearer mat_x" });
    expect(renders.map((r) => r.url)).toEqual(["/tasks", "/", "/", "/?_rsc=abc", "/"]);
    expect((await get("/", {})).headers.get("x-page-cache")).toBeNull();
  });

  it("answers a rendering that may not be shared to its asker alone, and renders for each other asker", async () => {
    for (const refuse of [
      (res: ServerResponse) => res.writeHead(307, { location: "/sign-in" }).end(),
      (res: ServerResponse) =>
        res.writeHead(200, { "content-type": "text/html", "set-cookie": "a=b" }).end("<p>mine</p>"),
      (res: ServerResponse) => res.writeHead(200, { "content-type": "text/html" }).end(`<meta ${NO_STORE_MARK}>`),
      (res: ServerResponse) => res.writeHead(500, { "content-type": "text/html" }).end("error"),
    ]) {
      renders = [];
      answer = (_req, res) => setTimeout(() => refuse(res), 20);
      const [a, b] = await Promise.all([
        get("/", { cookie: "role=authority" }),
        get("/", { cookie: "role=authority" }),
      ]);
      expect(b.status).toBe(a.status);
      expect(a.headers.get("x-page-cache")).toBeNull();
      await get("/", { cookie: "role=authority" });
      expect(renders).toHaveLength(3);
    }
  });

  it("renders the public page as for a reader not signed in, at the asker's address, and serves it to both", async () => {
    await (await get("/public", { cookie: "next-auth.session-token=secret; role=donor; mat-language=ar" })).text();
    expect(renders).toHaveLength(1);
    expect(renders[0]!.cookie).toBe("role=donor; mat-language=ar");
    expect(renders[0]!.forwardedFor).toBe("203.0.113.7");
    expect((await get("/public")).headers.get("x-page-cache")).toBe("hit");
  });

  it("takes no rendering order from a client: the mark of its own request is a secret", async () => {
    const res = await get("/", { cookie: "role=donor", "x-page-cache-fill": "guess" });
    await res.text();
    expect(res.headers.get("x-page-cache")).toBe("miss");
    // The forged mark was dropped and the request went through the cache: its client address is the connection's.
    expect(renders[0]!.forwardedFor).toBe("203.0.113.7");
  });

  it("sends a kept page compressed to a browser that accepts it", async () => {
    const res = await fetch(`${base}/`, { headers: { cookie: "role=donor", "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toMatch(/Accept-Encoding/);
    // fetch decompresses: the bytes are the page.
    expect(await res.text()).toContain(`page ${version}`);
  });
});

describe("kept pages", () => {
  const page = (v: number, bytes: number) => ({ version: v, headers: {}, body: Buffer.alloc(bytes) });

  it("hold each key's newest version only, and drop the least recently used beyond their size", () => {
    const kept = new KeptPages(900);
    kept.keep("a", page(1, 200));
    kept.keep("a", page(2, 200));
    expect(kept.get("a", 1)).toBeUndefined();
    expect(kept.get("a", 2)).toBeDefined();
    kept.keep("a", page(1, 200)); // a slow, older rendering arriving late
    expect(kept.get("a", 2)).toBeDefined();
    kept.keep("b", page(1, 200));
    kept.keep("c", page(1, 200));
    kept.get("a", 2);
    kept.keep("d", page(1, 200));
    kept.keep("e", page(1, 200));
    expect(kept.size).toEqual({ pages: 4, bytes: 800 });
    expect(kept.get("b", 1)).toBeUndefined();
    expect(kept.get("a", 2)).toBeDefined();
    kept.keep("huge", page(1, 600));
    expect(kept.get("huge", 1)).toBeUndefined();
  });
});
