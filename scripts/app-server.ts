// The built app behind Node's HTTP server, with the pages cache in front
// (lib/server/page-cache/serve.ts): `npm start` runs one
// (scripts/serve.ts), `npm run start:cluster` one per worker process. Rather
// than `next start`, because Next keeps an X-Forwarded-For the client sent
// (it sets the header only when missing), so a remote client could claim to
// be this machine: here the header is replaced by the address the connection
// came from (lib/domain/client-address.ts), and the app reads only that.
import { createServer } from "node:http";
import path from "node:path";
import { clientAddress } from "@/lib/domain/client-address";
import { serverEnv } from "@/lib/server/env";
import { pageCacheServer } from "@/lib/server/page-cache/serve";

/** Idle keep-alive: longer than a load balancer's idle timeout (60 s is usual), so it never reuses one the app just closed. */
const KEEP_ALIVE_MS = 65_000;

export async function serveApp(port: number): Promise<void> {
  (process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
  // Validated before the first request: a wrong TRUSTED_PROXY_HOPS stops the start with its message.
  const { trustedProxyHops, pageCacheBytes } = serverEnv();
  const next = (await import("next")).default;
  const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const pages = pageCacheServer(port, pageCacheBytes);
  const server = createServer((req, res) => {
    // The pages cache's own rendering request carries its asker's address already.
    if (pages.ownFill(req)) return void handle(req, res);
    const forwarded = req.headers["x-forwarded-for"];
    req.headers["x-forwarded-for"] = clientAddress(
      req.socket.remoteAddress,
      Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
      trustedProxyHops,
    );
    pages
      .handle(req, res, () => void handle(req, res))
      .catch((err: unknown) => {
        // A fault of the cache, not of the page: the page is rendered as if there were no cache.
        console.error("Pages cache:", err);
        if (!res.headersSent) void handle(req, res);
        else res.destroy();
      });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  await new Promise<void>((resolve) => server.listen(port, resolve));
}
