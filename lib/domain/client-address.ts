// Who is on the other end of a request. The app's own HTTP server
// (scripts/app-server.ts) works this out once from the connection and puts it
// in X-Forwarded-For, replacing whatever the client sent: a client cannot
// claim to be this machine by sending the header itself.

/** Whether an address (IPv4, IPv6 or IPv4-mapped IPv6) is this machine's loopback. */
export function isLoopback(address: string | null | undefined): boolean {
  if (!address) return false;
  const a = address.trim().toLowerCase();
  const v4 = a.startsWith("::ffff:") ? a.slice(7) : a;
  return a === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * The client's address, from the TCP connection's peer and the request's
 * X-Forwarded-For, given how many reverse proxies of our own stand in front
 * (TRUSTED_PROXY_HOPS). Each proxy appends the address it was reached from,
 * so with n proxies the client is the n-th entry from the end; anything
 * before it was written by the client and is not believed. With no proxy
 * declared, the peer is the client, except that a request arriving from this
 * machine with X-Forwarded-For came through a proxy on this machine that was
 * not declared: then the proxy's entry (the last) is taken, so a remote
 * visitor is never mistaken for a local one.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trustedProxyHops: number,
): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = "unknown";
  if (trustedProxyHops === 0) {
    if (isLoopback(peer) && hops.length > 0) return hops[hops.length - 1]!;
    return peer || unknown;
  }
  // Fewer entries than proxies: the request did not come through them all; the peer is what we know.
  return hops[hops.length - trustedProxyHops] ?? peer ?? unknown;
}
