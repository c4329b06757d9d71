import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, MAX_RECORD_BYTES, readPhotoMetadata, sizeRefusal, sniffMediaType } from "./attachments";

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/attachments/${name}`));

/** The first box of an ISO-BMFF file of the given brand: what phones' HEIC photos start with. */
function ftyp(brand: string): Uint8Array {
  const box = new Uint8Array(32);
  new DataView(box.buffer).setUint32(0, 24);
  box.set(new TextEncoder().encode(`ftyp${brand}\0\0\0\0mif1${brand}`), 4);
  return box;
}

describe("sniffMediaType reads the content, not the name", () => {
  it.each([
    ["marker-photo-gps.jpg", "image/jpeg"],
    ["sketch.png", "image/png"],
    ["signed-form.pdf", "application/pdf"],
  ])("%s is %s", async (name, type) => {
    expect(await sniffMediaType(fixture(name))).toEqual({ accepted: true, mediaType: type });
  });

  it("takes a phone's HEIC photo by its ftyp brand", async () => {
    expect(await sniffMediaType(ftyp("heic"))).toEqual({ accepted: true, mediaType: "image/heic" });
  });

  it("refuses HTML named .jpg, saying it is text", async () => {
    expect(await sniffMediaType(fixture("not-a-photo.jpg"))).toEqual({ accepted: false, found: "text" });
  });

  it("refuses a zip, naming it", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]);
    const sniffed = await sniffMediaType(zip);
    expect(sniffed.accepted).toBe(false);
    expect(sniffed.accepted === false && sniffed.found).toBe("application/zip");
  });
});

describe("readPhotoMetadata", () => {
  it("reads the GPS position and the time taken (Iraq time without an offset)", async () => {
    const meta = await readPhotoMetadata(fixture("marker-photo-gps.jpg"));
    expect(meta.position).toEqual({ lon: 44.01, lat: 36.19 });
    expect(meta.takenAt?.toISOString()).toBe("2026-11-20T06:41:07.000Z");
  });

  it.each(["sketch.png", "signed-form.pdf", "not-a-photo.jpg"])("gives nothing for %s", async (name) => {
    expect(await readPhotoMetadata(fixture(name))).toEqual({ takenAt: null, position: null });
  });
});

describe("sizeRefusal", () => {
  it.each([
    [MAX_FILE_BYTES, 0, null],
    [MAX_FILE_BYTES + 1, 0, "file"],
    [MAX_FILE_BYTES, MAX_RECORD_BYTES - MAX_FILE_BYTES, null],
    [1, MAX_RECORD_BYTES, "record"],
    [MAX_FILE_BYTES + 1, MAX_RECORD_BYTES, "file"],
  ])("a file of %i bytes on a record of %i: %s", (size, record, limit) => {
    expect(sizeRefusal(size, record)?.limit ?? null).toBe(limit);
  });
});
