// Every response carries the security headers: no framing (clickjacking),
// scripts and forms only from the app, no MIME sniffing. The browser specs
// (maps, the geometry engine in the browser, downloads) run under this policy.
import { describe, expect, inject, it } from "vitest";
import { signIn } from "./browser";
import { browserForSpec } from "./spec-browser";

const baseUrl = inject("baseUrl");
const browser = browserForSpec();

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("security headers", () => {
  it.each(["/sign-in", "/api/progress", "/public", "/basemap/iraq-outline.geojson"])(
    "%s is served with them",
    async (path) => {
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
    },
  );
});

describe("the Content-Security-Policy", () => {
  it("runs a page's scripts by a nonce fresh for each rendering: no inline script without it runs", async () => {
    const load = async () => {
      const res = await fetch(`${baseUrl}/sign-in`);
      return { csp: res.headers.get("content-security-policy") ?? "", html: await res.text() };
    };
    const [first, second] = [await load(), await load()];
    const nonce = /'nonce-([^']+)'/.exec(directive(first.csp, "script-src"))?.[1];
    expect(nonce).toBeTruthy();
    expect(directive(first.csp, "script-src")).not.toContain("'unsafe-inline'");
    expect(directive(second.csp, "script-src")).not.toContain(nonce!);
    const scripts = [...first.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("serves a kept page with the nonce it was rendered with, in its policy and on every script", async () => {
    const answers: { state: string | null; csp: string; html: string }[] = [];
    // Another spec's approval between two requests renders the page anew: asked until one comes from the cache.
    while (answers.length < 6 && !answers.some((a) => a.state === "hit")) {
      const res = await fetch(`${baseUrl}/public`);
      const csp = res.headers.get("content-security-policy") ?? "";
      answers.push({ state: res.headers.get("x-page-cache"), csp, html: await res.text() });
    }
    expect(answers.map((a) => a.state)).toContain("hit");
    for (const { csp, html } of answers) {
      const nonce = /'nonce-([^']+)'/.exec(directive(csp, "script-src"))?.[1];
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
  });

  it("lets pages talk only to the app (and a tile server, when one is configured)", async () => {
    const csp = (await fetch(`${baseUrl}/sign-in`)).headers.get("content-security-policy") ?? "";
    expect(directive(csp, "connect-src")).toBe("connect-src 'self'");
    expect(directive(csp, "img-src")).toBe("img-src 'self' data: blob:");
  });

  it("refuses nothing the app's own pages do: signing in, the dashboard, the map", async () => {
    const page = await (await browser.newContext()).newPage();
    const refused: string[] = [];
    page.on("console", (m) => /Content Security Policy/i.test(m.text()) && refused.push(m.text()));
    await signIn(page, baseUrl, "dma@demo.test");
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole("heading", { name: "National progress" }).waitFor();
    // The map: MapLibre's worker starts from blob:, its styles and the geometry engine's WebAssembly load.
    await page.goto(`${baseUrl}/hazard-areas/new`);
    await expect.poll(() => page.locator(".maplibregl-ctrl-scale").textContent(), { timeout: 30_000 }).toMatch(/\d/);
    expect(refused).toEqual([]);
    await page.context().close();
  });
});
