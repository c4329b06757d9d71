// Every response carries the security headers: no framing (clickjacking),
// scripts and forms only from the app, no MIME sniffing. The browser specs
// (maps, the geometry engine in the browser, downloads) run under this policy.
import { describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");

describe("security headers", () => {
  it.each(["/sign-in", "/api/progress", "/public", "/basemap/iraq-outline.geojson"])("%s is served with them", async (path) => {
    const res = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toContain("form-action 'self'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(res.headers.get("x-powered-by")).toBeNull();
  });
});
