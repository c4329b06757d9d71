/**
 * A signed-in session's cookies for an app at `base`, through NextAuth's
 * credentials flow as a browser does it: for scripts and specs that call
 * the app over HTTP without a browser.
 */
export async function sessionCookie(base: string, email: string, password = "demo-password"): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Sign-in as ${email} failed (${res.status}).`);
  return `${jar}; ${session.split(";")[0]}`;
}
