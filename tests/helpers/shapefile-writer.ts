// Minimal ESRI shapefile (polygon .shp + .dbf with a NAME field) and stored
// (uncompressed) zip writers, to build upload fixtures inside tests. Test
// tooling only: the app reads shapefiles with shpjs.
import { crc32 } from "node:zlib";
import type { Position } from "geojson";

/** Rings per polygon; outer rings clockwise, holes counter-clockwise (shapefile convention). */
export function polygonShp(polygons: Position[][][]): Uint8Array {
  const records = polygons.map((rings) => {
    const points = rings.flat();
    const content = 4 + 32 + 4 + 4 + 4 * rings.length + 16 * points.length;
    const buf = Buffer.alloc(8 + content);
    buf.writeInt32BE(0, 0);
    buf.writeInt32BE(content / 2, 4);
    buf.writeInt32LE(5, 8);
    const xs = points.map((p) => p[0]!);
    const ys = points.map((p) => p[1]!);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) =>
      buf.writeDoubleLE(v, 12 + 8 * i),
    );
    buf.writeInt32LE(rings.length, 44);
    buf.writeInt32LE(points.length, 48);
    let offset = 52;
    let start = 0;
    for (const ring of rings) {
      buf.writeInt32LE(start, offset);
      offset += 4;
      start += ring.length;
    }
    for (const [x, y] of points) {
      buf.writeDoubleLE(x!, offset);
      buf.writeDoubleLE(y!, offset + 8);
      offset += 16;
    }
    return buf;
  });
  records.forEach((r, i) => r.writeInt32BE(i + 1, 0));
  const all = polygons.flat(2);
  const header = Buffer.alloc(100);
  const length = 100 + records.reduce((s, r) => s + r.length, 0);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE(length / 2, 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(5, 32);
  // A loop, not Math.min(...all): a national register's millions of points would overflow the call's arguments.
  const extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of all) {
    extent[0] = Math.min(extent[0]!, x!);
    extent[1] = Math.min(extent[1]!, y!);
    extent[2] = Math.max(extent[2]!, x!);
    extent[3] = Math.max(extent[3]!, y!);
  }
  extent.forEach((v, i) => header.writeDoubleLE(v, 36 + 8 * i));
  return Buffer.concat([header, ...records]);
}

/** dBase III table with one 20-character NAME field. */
export function namesDbf(names: string[]): Uint8Array {
  return attributesDbf(
    names.map((NAME) => ({ NAME })),
    20,
  );
}

/**
 * dBase III table of text fields (names of up to 10 characters, as a
 * shapefile cuts them), one record per object, each field `width` wide; the
 * fields are the first record's keys.
 */
export function attributesDbf(records: Record<string, string>[], width = 40): Uint8Array {
  const fields = Object.keys(records[0] ?? {});
  const header = Buffer.alloc(32 + 32 * fields.length + 1);
  header.writeUInt8(3, 0);
  header.writeUInt32LE(records.length, 4);
  header.writeUInt16LE(header.length, 8);
  header.writeUInt16LE(1 + width * fields.length, 10);
  fields.forEach((f, i) => {
    header.write(f.slice(0, 10), 32 + 32 * i, "ascii");
    header.write("C", 32 + 32 * i + 11, "ascii");
    header.writeUInt8(width, 32 + 32 * i + 16);
  });
  header.writeUInt8(0x0d, 32 + 32 * fields.length);
  const rows = records.map((r) =>
    Buffer.from(` ${fields.map((f) => (r[f] ?? "").padEnd(width).slice(0, width)).join("")}`, "latin1"),
  );
  return Buffer.concat([header, ...rows, Buffer.from([0x1a])]);
}

/** A zip archive with the files stored, not compressed. */
export function storedZip(files: Record<string, Uint8Array | string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    // The fields a local header and its central-directory record share, from `at` on: version needed, CRC, sizes,
    // name length. The central record has a "version made by" of its own before them, and the local header's offset.
    const entry = (size: number, signature: number, at: number) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(signature, 0);
      b.writeUInt16LE(20, at);
      b.writeUInt32LE(crc, at + 10);
      b.writeUInt32LE(data.length, at + 14);
      b.writeUInt32LE(data.length, at + 18);
      b.writeUInt16LE(nameBytes.length, at + 22);
      return b;
    };
    const local = entry(30, 0x04034b50, 4);
    const central = entry(46, 0x02014b50, 6);
    central.writeUInt16LE(20, 4);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
