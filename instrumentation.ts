// Runs once when the server starts: a bad configuration stops it here with a
// readable message, not on the first request. Then it hands the pages cache
// in front of the app (scripts/app-server.ts) the app's way of scoping a page.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { serverEnv } = await import("./lib/server/env");
    serverEnv();
    const { installPageScope } = await import("./lib/server/page-cache/scope");
    installPageScope();
  }
}
