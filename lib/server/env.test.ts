import { afterEach, describe, expect, it, vi } from "vitest";

const SECRET = "x".repeat(40);

async function freshEnv(vars: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries({ NEXTAUTH_SECRET: SECRET, ...vars })) vi.stubEnv(k, v);
  return import("./env");
}

describe("basemap configuration", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("draws only the shipped boundaries unless a tile URL is configured", async () => {
    expect((await freshEnv({})).basemapSettings()).toEqual({});
    const env = await freshEnv({
      BASEMAP_TILE_URL: "https://tiles.example.org/{z}/{x}/{y}.png",
      BASEMAP_ATTRIBUTION: "© Example",
    });
    expect(env.basemapSettings()).toEqual({
      tileUrl: "https://tiles.example.org/{z}/{x}/{y}.png",
      tileAttribution: "© Example",
    });
  });

  it("refuses a tile URL that is not an https XYZ template, saying what is expected", async () => {
    const env = await freshEnv({ BASEMAP_TILE_URL: "http://tiles.example.org/tiles.png" });
    expect(() => env.serverEnv()).toThrow(/BASEMAP_TILE_URL must be an https:\/\/ XYZ raster tile template/);
  });
});

describe("an offline PMTiles basemap", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("takes a path on this app or an https URL, with the attribution", async () => {
    const local = await freshEnv({ BASEMAP_PMTILES_URL: "/basemap/iraq.pmtiles", BASEMAP_ATTRIBUTION: "© OSM" });
    expect(local.basemapSettings()).toEqual({ pmtilesUrl: "/basemap/iraq.pmtiles", tileAttribution: "© OSM" });
    const remote = await freshEnv({ BASEMAP_PMTILES_URL: "https://maps.dma.example.iq/tiles/iraq-2026.pmtiles" });
    expect(remote.basemapSettings().pmtilesUrl).toBe("https://maps.dma.example.iq/tiles/iraq-2026.pmtiles");
  });

  it.each([
    "http://maps.example.org/iraq.pmtiles",
    "//maps.example.org/iraq.pmtiles",
    "basemap/iraq.pmtiles",
    "/basemap/iraq.mbtiles",
    "https://maps.example.org/iraq.pmtiles?token=1",
  ])("refuses %j, saying what is expected", async (url) => {
    const env = await freshEnv({ BASEMAP_PMTILES_URL: url });
    expect(() => env.serverEnv()).toThrow(
      /BASEMAP_PMTILES_URL must be a path on this app \(\/basemap\/iraq.pmtiles\) or an https:\/\/ URL, ending in .pmtiles/,
    );
  });
});

describe("reverse proxies in front", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("believes no X-Forwarded-For unless proxies are declared, and says what a wrong count should be", async () => {
    expect((await freshEnv({})).serverEnv().trustedProxyHops).toBe(0);
    expect((await freshEnv({ TRUSTED_PROXY_HOPS: "2" })).serverEnv().trustedProxyHops).toBe(2);
    const wrong = await freshEnv({ TRUSTED_PROXY_HOPS: "-1" });
    expect(() => wrong.serverEnv()).toThrow(/TRUSTED_PROXY_HOPS is 0 or more/);
  });
});
