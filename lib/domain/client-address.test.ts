import { describe, expect, it } from "vitest";
import { clientAddress, isLoopback } from "./client-address";

describe("the client's address", () => {
  it.each(["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"])("%s is this machine", (a) =>
    expect(isLoopback(a)).toBe(true),
  );
  it.each(["10.0.0.5", "192.168.1.10", "::ffff:10.0.0.5", "2001:db8::1", "unknown", "", null, "127.0.0.1.evil"])(
    "%s is not",
    (a) => expect(isLoopback(a)).toBe(false),
  );

  it("is the connection's peer when no proxy is declared, whatever X-Forwarded-For a remote client sends", () => {
    expect(clientAddress("203.0.113.7", "127.0.0.1", 0)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:203.0.113.7", undefined, 0)).toBe("::ffff:203.0.113.7");
  });

  it("behind an undeclared proxy on this machine, is the address that proxy saw, not loopback", () => {
    expect(clientAddress("127.0.0.1", "127.0.0.1, 203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientAddress("::1", "203.0.113.7", 0)).toBe("203.0.113.7");
  });

  it("is a local browser's loopback address", () => {
    expect(clientAddress("::ffff:127.0.0.1", undefined, 0)).toBe("::ffff:127.0.0.1");
  });

  it("with declared proxies, is the entry the outermost proxy wrote; the client's own entries are ignored", () => {
    expect(clientAddress("10.0.0.2", "127.0.0.1, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", "127.0.0.1, 203.0.113.7, 10.0.0.9", 2)).toBe("203.0.113.7");
    // Reached directly, past the proxy: the peer.
    expect(clientAddress("198.51.100.4", undefined, 1)).toBe("198.51.100.4");
  });
});
