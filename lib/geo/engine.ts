// The geometry engine: GEOS 3.13 (the C++ port of JTS behind PostGIS and
// Shapely) compiled to WebAssembly, so the same code runs in the browser, on
// the server and in tests. Chosen by measurement: accounting a 2,000-vertex
// report against 500 earlier releases took ~1,400 ms with Turf 7
// (polyclip-ts, BigNumber arithmetic), ~600 ms with JSTS, ~80 ms with GEOS
// here (67 ms once accounting was restructured), against ~109 ms for PostGIS
// on the same machine
// (bench/results/geo.json). GEOS's OverlayNG falls back to snap-rounding by
// itself when floating-point noding fails; boolean.ts retries on a grid too.
import initGeosJs from "geos-wasm";

type Geos = Awaited<ReturnType<typeof initGeosJs>>;

let loading: Promise<Geos> | undefined;
let loaded: Geos | undefined;
let lastError: string | undefined;

/**
 * Loads GEOS once (about 70 ms); every caller may await it, later calls
 * resolve at once. GEOS reports errors through a handler: the default one
 * throws a JavaScript exception through the WebAssembly stack, which skips
 * C++ clean-up and left the engine failing every later operation (found by
 * the property tests). Ours records the message; the function returns NULL.
 */
export function loadGeometryEngine(): Promise<Geos> {
  // Notices ("Self-intersection at or near point …") are what isValidDetail returns anyway: not printed.
  loading ??= initGeosJs({
    errorHandler: (message: string) => void (lastError = message),
    noticeHandler: () => undefined,
  }).then((g) => (loaded = g));
  return loading;
}

/** The last error GEOS reported, cleared on reading. */
export function takeGeosError(): string | undefined {
  const message = lastError;
  lastError = undefined;
  return message;
}

/** The loaded engine, for synchronous geometry code. */
export function geosEngine(): Geos {
  if (!loaded)
    throw new Error("The geometry engine is not loaded: await loadGeometryEngine() before geometry operations.");
  return loaded;
}
