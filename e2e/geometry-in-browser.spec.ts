// The check before upload runs in the field officer's browser: the same
// lib/geo and lib/domain code as the server, bundled for the browser, must
// give the same figures. Not to the last bit: Chromium's and Node's V8 differ
// in trigonometry at ~1e-16 (measured 1e-12 relative after the projection),
// which is why the server recomputes on submission.
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewRelease } from "@/lib/domain/release-preview";
import { loadGeometryEngine } from "@/lib/geo/engine";
import { asFeatureCollection, readGeometryFile } from "@/lib/geo/read";
import { launchBrowser } from "./browser";

const root = path.resolve(import.meta.dirname, "..");
const HAZARD = {
  type: "Polygon",
  coordinates: [
    [
      [43.0, 36.3],
      [43.01, 36.3],
      [43.01, 36.31],
      [43.0, 36.31],
      [43.0, 36.3],
    ],
  ],
} as const;
const KML = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Block C</name><Polygon><outerBoundaryIs><LinearRing>
  <coordinates>42.998,36.302 43.006,36.302 43.006,36.308 42.998,36.308 42.998,36.302</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>`;

// Runs in the page and in Node alike.
const ENTRY = `
import { loadGeometryEngine } from "./lib/geo/engine";
import { previewRelease } from "./lib/domain/release-preview";
import { asFeatureCollection, readGeometryFile } from "./lib/geo/read/index";
globalThis.previewUpload = async (name, text, hazard) => {
  await loadGeometryEngine();
  const file = await readGeometryFile({ name, bytes: new TextEncoder().encode(text) });
  const p = previewRelease(asFeatureCollection(file), { code: "CHA-TEST", geometry: hazard, released: null });
  return { submitted: p.submittedAreaM2, outside: p.outsideHazardM2, counted: p.countedAreaM2 };
};`;

let browser: Browser;
let server: http.Server;
let url: string;

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: "ts" },
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const js = bundle.outputFiles[0]!.contents;
  server = http.createServer((req, res) => {
    if (req.url === "/check.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(js);
    res
      .writeHead(200, { "content-type": "text/html" })
      .end('<!doctype html><script type="module" src="/check.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe("geometry in the browser", () => {
  it("reads, validates and accounts an uploaded KML as the server does, to 1e-9", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => typeof (globalThis as { previewUpload?: unknown }).previewUpload === "function");
    const inBrowser = await page.evaluate(
      ([text, hazard]) =>
        (
          globalThis as unknown as { previewUpload: (n: string, t: string, h: unknown) => Promise<unknown> }
        ).previewUpload("block-c.kml", text, hazard),
      [KML, HAZARD] as const,
    );
    await loadGeometryEngine();
    const file = await readGeometryFile({ name: "block-c.kml", bytes: new TextEncoder().encode(KML) });
    const p = previewRelease(asFeatureCollection(file), {
      code: "CHA-TEST",
      geometry: HAZARD as never,
      released: null,
    });
    const shown = inBrowser as { submitted: number; outside: number; counted: number };
    const same = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * b);
    same(shown.submitted, p.submittedAreaM2);
    same(shown.outside, p.outsideHazardM2);
    same(shown.counted, p.countedAreaM2);
    expect(p.outsideHazardM2).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
