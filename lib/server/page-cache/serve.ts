// The pages cache, in front of Next in the app's HTTP server
// (scripts/app-server.ts). A request for a cached page (./pages.ts) is scoped
// by the app (./scope.ts): the same key and data version as a page already
// rendered gets that page's bytes, with no rendering at all; otherwise the
// page is rendered once for everyone waiting on that key (an internal request
// to this same server, marked with a secret only this process knows) and kept.
//
// Kept per process, in memory, within PAGE_CACHE_MB: each key holds only its
// newest rendering, so a write replaces pages rather than adding to them.
// Workers and instances share nothing but the database, whose version every
// request reads, so none serves a page older than the last write it can see.
//
// Each kept page keeps the script nonce it was rendered with. A nonce only has
// to be unknown to whoever could inject markup before the page is made; a kept
// page's markup is fixed before anyone sees it, and any change to what it shows
// renders a new page with a new nonce.
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { cookiesOf } from "@/lib/domain/cookie-header";
import { serialiseViewer, VIEWER_COOKIE, viewerOfCookies } from "@/lib/domain/viewer";
import { SESSION_LIFETIME_S } from "@/lib/server/session-token";
import { installedPageScope } from "./hook";
import { cachedPageOf, NO_STORE_MARK } from "./pages";
import type { PageScope } from "./scope";

const FILL_HEADER = "x-page-cache-fill";
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
/** Not kept with a page: they belong to one answer or are set again for each. */
const NOT_KEPT = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
]);
const gzipAsync = promisify(gzip);

type Rendered = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
type Kept = { version: number; headers: OutgoingHttpHeaders; body: Buffer; gzipped?: Promise<Buffer> };

/** A rendering's headers without those that belong to one answer. */
function passedOn(headers: http.IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !NOT_KEPT.has(name)) out[name] = value;
  return out;
}

/** Whether a rendering may be shared: a whole page, answered without setting a cookie, that does not refuse it. */
export function shareable(rendered: Rendered): boolean {
  return (
    rendered.status === 200 &&
    /^text\/html/.test(String(rendered.headers["content-type"] ?? "")) &&
    rendered.headers["set-cookie"] === undefined &&
    !rendered.body.includes(NO_STORE_MARK)
  );
}

/** Each key's newest page, least recently used first, within a number of bytes. */
export class KeptPages {
  private readonly pages = new Map<string, Kept>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string, version: number): Kept | undefined {
    const kept = this.pages.get(key);
    if (!kept || kept.version !== version) return undefined;
    this.pages.delete(key);
    this.pages.set(key, kept);
    return kept;
  }

  keep(key: string, kept: Kept): void {
    const old = this.pages.get(key);
    // A slower rendering of an older version never replaces a newer one.
    if (old && old.version > kept.version) return;
    if (old) this.drop(key, old);
    if (kept.body.length > this.maxBytes / 4) return;
    this.pages.set(key, kept);
    this.bytes += kept.body.length;
    for (const [k, v] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(k, v);
    }
  }

  get size(): { pages: number; bytes: number } {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  private drop(key: string, kept: Kept) {
    this.pages.delete(key);
    this.bytes -= kept.body.length;
  }
}

export type PageCacheServer = {
  /** True for this server's own rendering request (whose client address it set itself); removes the mark. */
  ownFill(req: IncomingMessage): boolean;
  /** Answers from the cache, or through `next` (Next's handler). */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void>;
};

export function pageCacheServer(port: number, maxBytes: number): PageCacheServer {
  const secret = randomBytes(24).toString("base64url");
  const kept = new KeptPages(maxBytes);
  const filling = new Map<string, Promise<boolean>>();
  const agent = new http.Agent({ keepAlive: true });

  /**
   * The page rendered by Next for this request, uncompressed. The public page is rendered as for a reader who is
   * not signed in (it is the same page for both); a signed-in page with the viewer cookie the asker will get, so the
   * proxy has none to set (an answer that sets a cookie is not kept).
   */
  function render(req: IncomingMessage, scope: PageScope, signedIn: boolean): Promise<Rendered> {
    const headers: OutgoingHttpHeaders = { ...req.headers, [FILL_HEADER]: secret, "accept-encoding": "identity" };
    delete headers.connection;
    delete headers["keep-alive"];
    const cookies = cookiesOf(req.headers.cookie).filter(
      (c) => c.name !== VIEWER_COOKIE && (signedIn || !SESSION_COOKIE.test(c.name)),
    );
    if (scope.viewer) cookies.push({ name: VIEWER_COOKIE, value: serialiseViewer(scope.viewer) });
    headers.cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    return new Promise((resolve, reject) => {
      const inner = http.request(
        { host: "127.0.0.1", port, path: req.url, method: "GET", headers, agent },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on("data", (c: Buffer) => chunks.push(c));
          answer.on("end", () =>
            resolve({ status: answer.statusCode ?? 500, headers: answer.headers, body: Buffer.concat(chunks) }),
          );
          answer.on("error", reject);
        },
      );
      inner.on("error", reject);
      inner.end();
    });
  }

  async function send(req: IncomingMessage, res: ServerResponse, page: Kept, state: "hit" | "miss", scope: PageScope) {
    const headers: OutgoingHttpHeaders = { ...page.headers, "x-page-cache": state };
    headers.vary = [headers.vary, "Accept-Encoding"].filter(Boolean).join(", ");
    const viewer = scope.viewer;
    if (viewer) {
      const shown = viewerOfCookies(req.headers.cookie);
      if (shown?.id !== viewer.id || shown.name !== viewer.name)
        headers["set-cookie"] =
          `${VIEWER_COOKIE}=${serialiseViewer(viewer)}; Path=/; Max-Age=${SESSION_LIFETIME_S}; SameSite=Lax`;
    }
    let body = page.body;
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && body.length > 1024) {
      page.gzipped ??= gzipAsync(body).catch(() => page.body);
      body = await page.gzipped;
      if (body !== page.body) headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  }

  function keepable(rendered: Rendered, version: number): Kept {
    return { version, headers: passedOn(rendered.headers), body: rendered.body };
  }

  return {
    ownFill(req) {
      const mark = req.headers[FILL_HEADER];
      if (mark === undefined) return false;
      delete req.headers[FILL_HEADER];
      return mark === secret;
    },

    async handle(req, res, next) {
      const asked = cachedPageOf(req.method, req.url, req.headers);
      const scopeOf = installedPageScope();
      if (!asked || !scopeOf || maxBytes === 0) return next();
      let scope: PageScope | null;
      try {
        scope = await scopeOf({
          ...asked,
          cookieHeader: req.headers.cookie,
          acceptLanguage: req.headers["accept-language"],
        });
      } catch {
        // The database is unreachable or the like: Next renders the page, or its error page, as it would.
        return next();
      }
      if (!scope) return next();
      const found = kept.get(scope.key, scope.version);
      if (found) return send(req, res, found, "hit", scope);

      const fillKey = `${scope.key}\n${scope.version}`;
      const waiting = filling.get(fillKey);
      if (waiting) {
        // Someone else's rendering is under way: take it if it can be shared, else render this one.
        const page = (await waiting.catch(() => false)) ? kept.get(scope.key, scope.version) : undefined;
        return page ? send(req, res, page, "hit", scope) : next();
      }
      let rendered: Rendered;
      let resolve: (shared: boolean) => void = () => {};
      filling.set(fillKey, new Promise<boolean>((r) => (resolve = r)));
      try {
        rendered = await render(req, scope, asked.cached.page !== null);
      } catch {
        resolve(false);
        filling.delete(fillKey);
        return next();
      }
      const page = shareable(rendered) ? keepable(rendered, scope.version) : null;
      if (page) kept.keep(scope.key, page);
      resolve(page !== null);
      filling.delete(fillKey);
      if (page) return send(req, res, page, "miss", scope);
      // Rendered for this request alone (a redirect, an error, a page that must not be shared): answered as it came.
      const headers = passedOn(rendered.headers);
      headers["content-length"] = rendered.body.length;
      res.writeHead(rendered.status, headers);
      res.end(rendered.body);
    },
  };
}
