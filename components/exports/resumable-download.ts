// A download that survives a dropped connection: when the stream breaks, it
// waits for the connection, then asks the server for the rest, proving with
// the SHA-256 of what it has that the file is still the same
// (app/api/exports/[file]/route.ts). Should the file have changed, it starts
// again. No framework here, so it is tested with a fake fetch.

export type DownloadEvents = {
  /** The first answer's headers, before its bytes. */
  onStart?: (headers: Headers) => void;
  /** Bytes as they arrive. */
  onBytes: (chunk: Uint8Array) => void;
  /** Everything received so far was thrown away: the file changed, or the server sent it whole. */
  onRestart: () => void;
  /** Waits before trying again (until the browser is back online). */
  waitToRetry: (attempt: number) => Promise<void>;
};

/** The server refused: its answer, for the caller to show. */
export class DownloadRefused extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

const RETRIES = 8;

async function sha256Hex(parts: readonly Uint8Array[]): Promise<string> {
  const whole = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    whole.set(p, at);
    at += p.byteLength;
  }
  return [...new Uint8Array(await crypto.subtle.digest("SHA-256", whole))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/** The whole file's bytes and the first answer's headers (its name, type and row count). */
export async function resumableDownload(
  url: string,
  events: DownloadEvents,
  fetchImpl: typeof fetch = fetch,
): Promise<{ parts: Uint8Array[]; headers: Headers }> {
  let parts: Uint8Array[] = [];
  let received = 0;
  let headers: Headers | null = null;
  const restart = () => {
    parts = [];
    received = 0;
    events.onRestart();
  };
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetchImpl(
        url,
        received ? { headers: { "x-resume-from": String(received), "x-resume-sha256": await sha256Hex(parts) } } : {},
      );
    } catch (err) {
      if (attempt >= RETRIES) throw err;
      await events.waitToRetry(attempt);
      continue;
    }
    if (res.status === 412 && received) {
      restart();
      continue;
    }
    if (!res.ok || !res.body) throw new DownloadRefused(res);
    if (received && res.headers.get("x-export-resumed-from") !== String(received)) restart();
    if (!headers) {
      headers = res.headers;
      events.onStart?.(headers);
    }
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return { parts, headers };
        parts.push(value);
        received += value.byteLength;
        events.onBytes(value);
      }
    } catch (err) {
      if (attempt >= RETRIES) throw err;
      await events.waitToRetry(attempt);
    }
  }
}

/** In the browser: wait until it is online again, then a moment more, longer after each failure. */
export function waitForConnection(attempt: number): Promise<void> {
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, Math.min(1_000 * 2 ** attempt, 30_000)));
  if (navigator.onLine) return pause();
  return new Promise((resolve) => window.addEventListener("online", () => void pause().then(resolve), { once: true }));
}
