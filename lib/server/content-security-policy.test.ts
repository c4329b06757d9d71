import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, tileSource } from "./content-security-policy";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("the Content-Security-Policy", () => {
  it("runs scripts only by this response's nonce: no inline scripts, no eval", () => {
    const csp = contentSecurityPolicy("abc123", { development: false });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(directive(csp, "script-src")).not.toContain("'unsafe-inline'");
  });

  it("lets pages connect to and draw images from this app only, plus the configured tile server", () => {
    const plain = contentSecurityPolicy("n", { development: false });
    expect(directive(plain, "connect-src")).toBe("connect-src 'self'");
    expect(directive(plain, "img-src")).toBe("img-src 'self' data: blob:");
    const withTiles = contentSecurityPolicy("n", {
      development: false,
      tileUrl: "https://tiles.example.org/{z}/{x}/{y}.png",
    });
    expect(directive(withTiles, "connect-src")).toBe("connect-src 'self' https://tiles.example.org");
    expect(directive(withTiles, "img-src")).toBe("img-src 'self' data: blob: https://tiles.example.org");
  });

  it("reads a PMTiles basemap on this app under 'self' and one elsewhere from its origin only", () => {
    const local = contentSecurityPolicy("n", { development: false, pmtilesUrl: "/basemap/iraq.pmtiles" });
    expect(directive(local, "connect-src")).toBe("connect-src 'self'");
    const remote = contentSecurityPolicy("n", {
      development: false,
      pmtilesUrl: "https://maps.dma.example.iq/tiles/iraq.pmtiles",
      tileUrl: "https://maps.dma.example.iq/xyz/{z}/{x}/{y}.png",
    });
    expect(directive(remote, "connect-src")).toBe("connect-src 'self' https://maps.dma.example.iq");
  });

  it.each([
    ["https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org"],
    ["https://maps.example.org:8443/t/{z}/{x}/{y}.png?key=k", "https://maps.example.org:8443"],
    ["https://tiles.{s}.example.org/{z}/{x}/{y}.png", "https:"],
  ])("allows tiles of %s from %s", (url, source) => expect(tileSource(url)).toBe(source));
});
