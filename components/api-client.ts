// Sends a form whose polygon is drawn (JSON) or a file (multipart, read on
// the server by the same code), and turns an API error into lines to show.
import type { GeometrySource } from "@/components/map/geometry-check";

type ApiError = { error: { message: string; details?: { problems?: { message: string }[] } | { path: (string | number)[]; message: string }[] } };

export async function postWithGeometry(url: string, fields: Record<string, unknown>, source: GeometrySource): Promise<{ ok: true; body: { id: string } } | { ok: false; messages: string[] }> {
  let res: Response;
  if (source.kind === "file") {
    const body = new FormData();
    body.set("file", source.file);
    if (source.utmZone) body.set("utmZone", String(source.utmZone));
    body.set("data", JSON.stringify(fields));
    res = await fetch(url, { method: "POST", body });
  } else {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...fields, geometry: { type: "FeatureCollection", features: source.polygons } }),
    });
  }
  if (res.ok) return { ok: true, body: (await res.json()) as { id: string } };
  return { ok: false, messages: await errorMessages(res) };
}

export async function errorMessages(res: Response): Promise<string[]> {
  const { error } = (await res.json()) as ApiError;
  const details = Array.isArray(error.details)
    ? error.details.map((d) => `${d.path.join(".")}: ${d.message}`)
    : (error.details?.problems?.map((p) => p.message) ?? []);
  return [error.message, ...details];
}
