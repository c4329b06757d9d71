import { PMTiles, type RangeResponse, type Source } from "pmtiles";
import { describe, expect, it } from "vitest";
import { pmtilesArchive } from "@/tests/helpers/pmtiles-fixture";
import { pmtilesSourceUrl, style } from "./map-style";

/** An archive served from memory by byte ranges, as a web server answers the pmtiles protocol's range requests. */
const memorySource = (bytes: Uint8Array): Source => ({
  getKey: () => "memory.pmtiles",
  getBytes: async (offset: number, length: number): Promise<RangeResponse> => ({
    data: bytes.slice(offset, offset + length).buffer,
  }),
});

describe("an installation's PMTiles basemap", () => {
  it("is drawn beneath the boundaries as a raster source read through the pmtiles protocol, with its attribution", () => {
    const s = style(
      { pmtilesUrl: "/basemap/iraq.pmtiles", tileAttribution: "© OpenStreetMap" },
      "https://dma.example.iq",
    );
    expect(s.sources.tiles).toEqual({
      type: "raster",
      url: "pmtiles://https://dma.example.iq/basemap/iraq.pmtiles",
      tileSize: 256,
      attribution: "© OpenStreetMap",
    });
    expect(s.layers.map((l) => l.id).slice(0, 3)).toEqual(["background", "tiles", "governorates-fill"]);
    expect(pmtilesSourceUrl("https://maps.example.org/a.pmtiles", "https://dma.example.iq")).toBe(
      "pmtiles://https://maps.example.org/a.pmtiles",
    );
  });

  it("is preferred to a tile server, which needs internet; without either only the shipped layers are drawn", () => {
    const both = style({ pmtilesUrl: "/b.pmtiles", tileUrl: "https://t.example.org/{z}/{x}/{y}.png" }, "http://x");
    expect(both.sources.tiles).toMatchObject({ url: "pmtiles://http://x/b.pmtiles" });
    expect(style({}, "http://x").sources.tiles).toBeUndefined();
  });

  it("is a file the pmtiles reader the map uses can read: header, bounds and a tile's bytes", async () => {
    const tile = (n: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, n]);
    const archive = pmtilesArchive(
      [
        { z: 0, x: 0, y: 0, bytes: tile(0) },
        { z: 1, x: 1, y: 0, bytes: tile(1) },
        { z: 2, x: 2, y: 1, bytes: tile(2) },
      ],
      [38.79, 29.06, 48.57, 37.38],
    );
    const reader = new PMTiles(memorySource(archive));
    const header = await reader.getHeader();
    expect([header.specVersion, header.tileType, header.minZoom, header.maxZoom]).toEqual([3, 2, 0, 2]);
    expect(header.minLon).toBeCloseTo(38.79, 6);
    expect(header.maxLat).toBeCloseTo(37.38, 6);
    expect(new Uint8Array((await reader.getZxy(2, 2, 1))!.data)).toEqual(tile(2));
    expect(new Uint8Array((await reader.getZxy(1, 1, 0))!.data)).toEqual(tile(1));
    expect(await reader.getZxy(2, 0, 0)).toBeUndefined();
  });
});
