// Well-known binary (OGC Simple Features, ISO and PostGIS's EWKB flavours) to
// GeoJSON, for GeoPackage's geometry blobs. Written here: betterknown reads WKT
// only, and wkx, the usual reader, has not been released since 2020 and needs
// Node's Buffer; the format is small and fixed (ISO 13249-3 / OGC 06-103r4).
import type { Geometry, Position } from "geojson";

export class WkbError extends Error {}

/** Reads one geometry from `bytes` at `offset`; Z and M values are dropped (areas are measured on the ellipsoid). */
export function wkbToGeoJSON(bytes: Uint8Array, offset = 0): Geometry {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = offset;
  const need = (n: number) => {
    if (at + n > bytes.byteLength) throw new WkbError(`the geometry ends early, at byte ${at} of ${bytes.byteLength}`);
  };
  const read = (depth = 0): Geometry => {
    if (depth > 8) throw new WkbError("collections nested more than 8 deep");
    need(5);
    const little = view.getUint8(at) === 1;
    at += 1;
    const u32 = () => {
      need(4);
      const v = view.getUint32(at, little);
      at += 4;
      return v;
    };
    const raw = u32();
    // EWKB keeps dimensions and an SRID in the high bits; ISO adds 1000 (Z), 2000 (M) or 3000 (ZM) to the type.
    let hasZ = (raw & 0x80000000) !== 0;
    let hasM = (raw & 0x40000000) !== 0;
    if (raw & 0x20000000) u32(); // the SRID of EWKB: the GeoPackage header says the system
    let type = raw & 0x0fffffff;
    if (type >= 1000) {
      const dims = Math.floor(type / 1000);
      type %= 1000;
      hasZ ||= dims === 1 || dims === 3;
      hasM ||= dims === 2 || dims === 3;
    }
    const width = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    const position = (): Position => {
      need(8 * width);
      const p: Position = [view.getFloat64(at, little), view.getFloat64(at + 8, little)];
      at += 8 * width;
      return p;
    };
    // A count no file could hold (a corrupt one says 4 billion) is refused before anything is made of it.
    const list = <T>(item: () => T, bytesEach: number): T[] => {
      const n = u32();
      if (n * bytesEach > bytes.byteLength - at)
        throw new WkbError(`a count of ${n} at byte ${at - 4} is more than the file holds`);
      return Array.from({ length: n }, item);
    };
    const ring = () => list(position, 8 * width);
    switch (type) {
      case 1:
        return { type: "Point", coordinates: position() };
      case 2:
        return { type: "LineString", coordinates: ring() };
      case 3:
        return { type: "Polygon", coordinates: list(ring, 4) };
      case 4:
        return {
          type: "MultiPoint",
          coordinates: list(() => (read(depth + 1) as { coordinates: Position }).coordinates, 21),
        };
      case 5:
        return {
          type: "MultiLineString",
          coordinates: list(() => (read(depth + 1) as { coordinates: Position[] }).coordinates, 9),
        };
      case 6:
        return {
          type: "MultiPolygon",
          coordinates: list(() => (read(depth + 1) as { coordinates: Position[][] }).coordinates, 9),
        };
      case 7:
        return { type: "GeometryCollection", geometries: list(() => read(depth + 1), 5) };
      default:
        throw new WkbError(`geometry type ${type} (curves and surfaces other than polygons are not read)`);
    }
  };
  return read();
}
