// The browser's calls to the app's own API, and the one reading of its error
// answer `{ error: { code, message, details } }` (lib/server/http.ts's
// apiError). A form whose polygon is drawn is sent as JSON, one with a file
// as multipart, read on the server by the same code.
import type { GeometrySource } from "@/components/map/geometry-check";

/** Zod's issues (a path each) or a geometry's problems. */
type ApiErrorDetails = { path?: (string | number)[]; message: string }[] | { problems?: { message: string }[] };

export type ApiError = { code?: string; message: string; details?: ApiErrorDetails };

/** What the API answered: its body when accepted, else its error and that error as lines to show. */
export type ApiResult<T> = { ok: true; body: T } | { ok: false; status: number; error: ApiError; messages: string[] };

/** The error in an answer's body; `fallback` says it when the body holds none (not JSON, or no error). */
export function apiErrorFrom(body: unknown, fallback: string): ApiError {
  const error = (body as { error?: Partial<ApiError> } | null)?.error;
  return { ...error, message: error?.message ?? fallback };
}

/**
 * An error as lines: its message, then each detail (`path: message`, or a geometry's problems). A detail on the
 * polygon as a whole is for programs: the message already says it in words, and "geometry:" is not a reader's word.
 */
export function errorLines(error: ApiError): string[] {
  const details = Array.isArray(error.details)
    ? error.details
        .filter((d) => d.path?.join(".") !== "geometry")
        .map((d) => `${d.path?.join(".") ?? ""}: ${d.message}`)
    : (error.details?.problems?.map((p) => p.message) ?? []);
  return [error.message, ...details];
}

/** The error of a refused answer (status 4xx or 5xx). */
export async function readApiError(res: Response, fallback = `HTTP ${res.status}`): Promise<ApiError> {
  return apiErrorFrom(await res.json().catch(() => null), fallback);
}

async function result<T>(res: Response): Promise<ApiResult<T>> {
  if (!res.ok) {
    const error = await readApiError(res);
    return { ok: false, status: res.status, error, messages: errorLines(error) };
  }
  // Some answers carry no body worth reading (the caller only refreshes).
  const json = res.status !== 204 && res.headers.get("content-type")?.includes("json");
  return { ok: true, body: (json ? await res.json() : undefined) as T };
}

/** POSTs `body` as JSON. Rejects only when no answer came (offline). */
export async function postJson<T = unknown>(url: string, body: unknown): Promise<ApiResult<T>> {
  return result<T>(
    await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  );
}

/** GETs JSON; rejects with the status when refused, or with an AbortError when `signal` aborts. */
export async function getJson<T>(url: string, init?: { signal?: AbortSignal }): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(String(res.status));
  return (await res.json()) as T;
}

/** POSTs a record with its geometry: drawn polygons as JSON, a file as multipart with the fields in `data`. */
export async function postWithGeometry(
  url: string,
  fields: Record<string, unknown>,
  source: GeometrySource,
): Promise<ApiResult<{ id: string }>> {
  if (source.kind === "drawn")
    return postJson(url, { ...fields, geometry: { type: "FeatureCollection", features: source.polygons } });
  const body = new FormData();
  body.set("file", source.file);
  if (source.utmZone) body.set("utmZone", String(source.utmZone));
  body.set("data", JSON.stringify(fields));
  return result(await fetch(url, { method: "POST", body }));
}

/**
 * POSTs JSON with XMLHttpRequest, not fetch, to hear the upload's progress
 * (`onProgress(loaded, total)` in bytes). Rejects only when no answer came.
 */
export function postJsonWithProgress<T>(
  url: string,
  body: unknown,
  onProgress: (loaded: number, total: number) => void,
): Promise<ApiResult<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded, e.total);
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText || "{}");
      } catch {
        // Not JSON: said as the status below.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ ok: true, body: json as T });
      const error = apiErrorFrom(json, `HTTP ${xhr.status}`);
      resolve({ ok: false, status: xhr.status, error, messages: errorLines(error) });
    };
    xhr.onerror = () => reject(new TypeError("network"));
    xhr.send(JSON.stringify(body));
  });
}
