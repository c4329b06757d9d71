// Vitest setup: geometry code needs GEOS loaded, as the server and the browser load it.
import { loadGeometryEngine } from "@/lib/geo/engine";

await loadGeometryEngine();
