// Runs before every request (Next.js 16's proxy, formerly middleware): a fresh
// nonce for the page's scripts and the Content-Security-Policy that names it.
// Next.js reads the nonce from the request's policy and puts it on the
// scripts it renders, which is why every page is rendered per request.
import { type NextRequest, NextResponse } from "next/server";
import { decode } from "next-auth/jwt";
import { VIEWER_COOKIE } from "@/lib/domain/viewer";
import { contentSecurityPolicy } from "@/lib/server/content-security-policy";
import { serverEnv } from "@/lib/server/env";
import { SESSION_LIFETIME_S, sessionTokenOf } from "@/lib/server/session-token";

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const env = serverEnv();
  const csp = contentSecurityPolicy(nonce, {
    tileUrl: env.basemap.tileUrl,
    pmtilesUrl: env.basemap.pmtilesUrl,
    development: env.development,
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  await rememberViewer(request, response, env.nextAuthSecret);
  return response;
}

/**
 * A session begun before pages named their user through the viewer cookie
 * (lib/domain/viewer.ts) has none: it is set from the session's own token.
 * Sign-in sets it otherwise, so this decodes a token only where it is missing.
 */
async function rememberViewer(request: NextRequest, response: NextResponse, secret: string) {
  if (request.cookies.has(VIEWER_COOKIE)) return;
  const raw = sessionTokenOf(request.cookies.getAll());
  if (!raw) return;
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token?.sub) return;
  response.cookies.set(VIEWER_COOKIE, JSON.stringify({ id: token.sub, name: token.name ?? "" }), {
    path: "/",
    sameSite: "lax",
    maxAge: SESSION_LIFETIME_S,
  });
}

// Not the build's static files: they are never documents, so a policy there protects nothing. Nor the
// register import's upload: the proxy buffers a body it passes on only up to proxyClientMaxBodySize, and a
// national register is larger; its answers are JSON, given a fixed policy in next.config.ts.
export const config = { matcher: ["/((?!_next/static|_next/image|api/imports).*)"] };
