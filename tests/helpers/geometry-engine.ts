// Imported by the test files whose code overlays or validates with GEOS, as
// the server and the browser load it; the others start without it.
import { loadGeometryEngine } from "@/lib/geo/engine";

await loadGeometryEngine();
