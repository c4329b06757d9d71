// Runs once when the server starts: a bad configuration stops it here with a
// readable message, not on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { serverEnv } = await import("./lib/server/env");
    serverEnv();
  }
}
