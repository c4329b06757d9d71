// Overlay happens in a gnomonic projection centred on the shapes, where great
// circles are straight lines. Edges are geodesics (that is how areas are
// measured, with GeographicLib), so a planar overlay in longitude/latitude
// would put every new intersection vertex on the wrong curve and break area
// conservation by up to 1.8e-5 relative for 800 m edges. On the sphere the
// gnomonic projection makes that error vanish; on the WGS84 ellipsoid what
// remains is of the order of the flattening times that: 6.5e-8 at most over
// 20,000 random site pairs (measured; reduced latitude did not do better).
import type { Geometry, Position } from "geojson";

const R = 6_371_008.8; // mean Earth radius, m: projected units are then close to metres
const RAD = Math.PI / 180;

export type Gnomonic = { forward: (p: Position) => Position; inverse: (p: Position) => Position };

export function gnomonicAt(lon0: number, lat0: number): Gnomonic {
  const l0 = lon0 * RAD;
  const sin0 = Math.sin(lat0 * RAD);
  const cos0 = Math.cos(lat0 * RAD);
  return {
    forward([lon, lat]) {
      const dl = lon! * RAD - l0;
      const sinP = Math.sin(lat! * RAD);
      const cosP = Math.cos(lat! * RAD);
      const cosC = sin0 * sinP + cos0 * cosP * Math.cos(dl);
      return [(R * cosP * Math.sin(dl)) / cosC, (R * (cos0 * sinP - sin0 * cosP * Math.cos(dl))) / cosC];
    },
    inverse([x, y]) {
      const rho = Math.hypot(x!, y!);
      if (rho === 0) return [lon0, lat0];
      const c = Math.atan(rho / R);
      const sinC = Math.sin(c);
      const cosC = Math.cos(c);
      const lat = Math.asin(cosC * sin0 + (y! * sinC * cos0) / rho);
      const lon = l0 + Math.atan2(x! * sinC, rho * cos0 * cosC - y! * sin0 * sinC);
      return [lon / RAD, lat / RAD];
    },
  };
}

/** The geometry with every position mapped (a new object; the input is not touched). */
export function mapPositions<G extends Geometry>(g: G, f: (p: Position) => Position): G {
  const ring = (r: Position[]) => r.map(f);
  switch (g.type) {
    case "Polygon":
      return { ...g, coordinates: g.coordinates.map(ring) };
    case "MultiPolygon":
      return { ...g, coordinates: g.coordinates.map((p) => p.map(ring)) };
    case "GeometryCollection":
      return { ...g, geometries: g.geometries.map((x) => mapPositions(x, f)) };
    case "LineString":
    case "MultiPoint":
      return { ...g, coordinates: g.coordinates.map(f) };
    case "MultiLineString":
      return { ...g, coordinates: g.coordinates.map(ring) };
    case "Point":
      return { ...g, coordinates: f(g.coordinates) };
  }
}
