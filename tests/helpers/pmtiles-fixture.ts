// A minimal PMTiles v3 writer for tests (no writer is published on npm): one
// uncompressed root directory, empty metadata, raster tiles as given. Layout
// and field order follow the PMTiles v3 specification
// (github.com/protomaps/PMTiles, spec/v3/spec.md): a 127-byte header, then
// the root directory, the metadata and the tile data.
import { zxyToTileId } from "pmtiles";

export type FixtureTile = { z: number; x: number; y: number; bytes: Uint8Array };

function varint(value: number, out: number[]) {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A PMTiles archive of PNG tiles over a bounding box (degrees: west, south, east, north). */
export function pmtilesArchive(tiles: FixtureTile[], bbox: [number, number, number, number]): Uint8Array {
  const entries = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), bytes: t.bytes })).sort((a, b) => a.id - b.id);
  const dir: number[] = [];
  varint(entries.length, dir);
  let last = 0;
  for (const e of entries) {
    varint(e.id - last, dir);
    last = e.id;
  }
  for (const _ of entries) varint(1, dir); // run lengths
  for (const e of entries) varint(e.bytes.length, dir);
  // Offsets: 0 means "right after the previous tile"; otherwise offset + 1. Tiles are written back to back.
  entries.forEach((_, i) => varint(i === 0 ? 1 : 0, dir));
  const metadata = new TextEncoder().encode("{}");
  const data = entries.reduce((n, e) => n + e.bytes.length, 0);
  const rootOffset = 127;
  const metadataOffset = rootOffset + dir.length;
  const dataOffset = metadataOffset + metadata.length;
  const out = new Uint8Array(dataOffset + data);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode("PMTiles"), 0);
  out[7] = 3;
  const u64 = (at: number, v: number) => view.setBigUint64(at, BigInt(v), true);
  u64(8, rootOffset);
  u64(16, dir.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, dataOffset); // no leaf directories
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, data);
  u64(72, entries.length); // addressed tiles
  u64(80, entries.length); // tile entries
  u64(88, entries.length); // tile contents
  out[96] = 1; // clustered
  out[97] = 1; // internal compression: none
  out[98] = 1; // tile compression: none
  out[99] = 2; // tile type: PNG
  out[100] = Math.min(...tiles.map((t) => t.z));
  out[101] = Math.max(...tiles.map((t) => t.z));
  const e7 = (deg: number) => Math.round(deg * 1e7);
  view.setInt32(102, e7(bbox[0]), true);
  view.setInt32(106, e7(bbox[1]), true);
  view.setInt32(110, e7(bbox[2]), true);
  view.setInt32(114, e7(bbox[3]), true);
  out[118] = out[100]!;
  view.setInt32(119, e7((bbox[0] + bbox[2]) / 2), true);
  view.setInt32(123, e7((bbox[1] + bbox[3]) / 2), true);
  out.set(new Uint8Array(dir), rootOffset);
  out.set(metadata, metadataOffset);
  let at = dataOffset;
  for (const e of entries) {
    out.set(e.bytes, at);
    at += e.bytes.length;
  }
  return out;
}
