import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DownloadRefused, resumableDownload } from "./resumable-download";

const FILE = new TextEncoder().encode(
  `reportId,countedAreaM2\n${Array.from({ length: 2_000 }, (_, i) => `r${i},${i * 1.5}`).join("\n")}\n`,
);
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A body that sends `bytes` in chunks and, if told, breaks after `breakAt` bytes as a dropped connection does. */
function body(bytes: Uint8Array, breakAt = Infinity): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= breakAt) return controller.error(new TypeError("network error"));
      if (at >= bytes.byteLength) return controller.close();
      const end = Math.min(at + 1_000, bytes.byteLength, breakAt);
      controller.enqueue(bytes.slice(at, end));
      at = end;
    },
  });
}

/** A fake server: answers the requests in turn, and keeps what each asked. */
function server(answers: ((init: RequestInit | undefined) => Response)[]) {
  const asked: Record<string, string>[] = [];
  const fake = (async (_url: string, init?: RequestInit) => {
    asked.push({ ...(init?.headers as Record<string, string> | undefined) });
    const answer = answers.shift();
    if (!answer) throw new Error("no more answers");
    return answer(init);
  }) as typeof fetch;
  return { fake, asked };
}

const events = () => {
  let bytes = 0;
  let restarts = 0;
  return {
    onBytes: (c: Uint8Array) => void (bytes += c.byteLength),
    onRestart: () => {
      bytes = 0;
      restarts++;
    },
    waitToRetry: async () => {},
    get bytes() {
      return bytes;
    },
    get restarts() {
      return restarts;
    },
  };
};

const whole = (parts: Uint8Array[]) => Buffer.concat(parts);

describe("a download on a weak connection", () => {
  it("goes on from where it broke, proving what it has, and ends with the whole file", async () => {
    const { fake, asked } = server([
      () => new Response(body(FILE, 12_345), { headers: { "x-export-rows": "2000" } }),
      (init) => {
        const from = Number((init!.headers as Record<string, string>)["x-resume-from"]);
        return new Response(body(FILE.slice(from)), { headers: { "x-export-resumed-from": String(from) } });
      },
    ]);
    const e = events();
    const { parts, headers } = await resumableDownload("/api/exports/reports.csv", e, fake);
    expect(whole(parts).equals(Buffer.from(FILE))).toBe(true);
    expect(e.bytes).toBe(FILE.byteLength);
    expect(headers.get("x-export-rows")).toBe("2000");
    expect(asked[1]).toEqual({ "x-resume-from": "12345", "x-resume-sha256": sha(FILE.slice(0, 12_345)) });
  });

  it("starts again when the file changed meanwhile (412), or when the server sends it whole", async () => {
    const { fake } = server([
      () => new Response(body(FILE, 5_000)),
      () => new Response("{}", { status: 412 }),
      () => new Response(body(FILE, 3_000)),
      // This server does not resume: it answers the whole file again.
      () => new Response(body(FILE)),
    ]);
    const e = events();
    const { parts } = await resumableDownload("/x", e, fake);
    expect(whole(parts).equals(Buffer.from(FILE))).toBe(true);
    expect(e.restarts).toBe(2);
    expect(e.bytes).toBe(FILE.byteLength);
  });

  it("waits while the network is down, and gives up after repeated failures", async () => {
    let waits = 0;
    const offline = (): Response => {
      throw new TypeError("offline");
    };
    const { fake } = server([offline, offline, offline, () => new Response(body(FILE))]);
    const { parts } = await resumableDownload("/x", { ...events(), waitToRetry: async () => void waits++ }, fake);
    expect(whole(parts).byteLength).toBe(FILE.byteLength);
    expect(waits).toBe(3);

    const never = (async () => Promise.reject(new TypeError("offline"))) as typeof fetch;
    await expect(resumableDownload("/x", events(), never)).rejects.toThrow("offline");
  });

  it("hands a refusal to the caller to show", async () => {
    const { fake } = server([() => Response.json({ error: { message: "No export is called 'x'." } }, { status: 404 })]);
    const err = await resumableDownload("/x", events(), fake).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadRefused);
    expect((err as DownloadRefused).response.status).toBe(404);
  });
});
