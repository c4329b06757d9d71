// The client's address as the app's server (scripts/app-server.ts) wrote it
// into X-Forwarded-For, replacing what the client sent. Under a bare
// `next start` or `next dev` Next keeps a client's own header, so only
// `npm start` and `npm run start:cluster` make this trustworthy (README, security section).

/** The first X-Forwarded-For entry, or "unknown". */
export function requestAddress(forwardedFor: string | string[] | null | undefined): string {
  const value = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  return value?.split(",")[0]?.trim() || "unknown";
}
