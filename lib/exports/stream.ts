// Streaming an export: rows read a batch at a time, text streamed as bytes,
// and a dropped download resumed from the bytes the caller already has.
// Pure: no database, no Next.js; the reading is the caller's function.
import { createHash } from "node:crypto";

/** Rows read at a time. */
export const BATCH = 2_000;

/** The page of rows a batch asks for: `take` rows in id order after the cursor. */
export type BatchPage = { take: number; orderBy: { id: "asc" }; cursor?: { id: string }; skip?: number };

/** Rows in id order, BATCH at a time, so a national table never sits in memory at once. */
export async function* batches<T extends { id: string }>(read: (page: BatchPage) => Promise<T[]>): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await read({
      take: BATCH,
      orderBy: { id: "asc" },
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    cursor = rows.at(-1)!.id;
  }
}

/** Every row of a batched source, for a format built in memory. */
export async function collect<T>(source: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const rows of source) all.push(...rows);
  return all;
}

const encoder = new TextEncoder();

/** Text chunks as a byte stream that reads the next chunk only when the reader asks for it. */
export function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/**
 * The rest of an export after its first `from` bytes, when those bytes are
 * the ones the caller already has (their SHA-256, hex); null when they are
 * not (the data changed since), and the caller starts again. The export is
 * made afresh and the prefix read and checked on the server, so on a weak
 * connection a dropped download costs server time, not the bytes again.
 */
export async function resumeAfter(
  body: ReadableStream<Uint8Array> | Uint8Array,
  from: number,
  sha256: string,
): Promise<ReadableStream<Uint8Array> | Uint8Array | null> {
  const digest = createHash("sha256");
  if (body instanceof Uint8Array) {
    if (body.byteLength < from) return null;
    return digest.update(body.subarray(0, from)).digest("hex") === sha256 ? body.subarray(from) : null;
  }
  const reader = body.getReader();
  let seen = 0;
  let rest: Uint8Array | null = null;
  while (seen < from) {
    const { done, value } = await reader.read();
    if (done) break;
    const take = Math.min(value.byteLength, from - seen);
    digest.update(value.subarray(0, take));
    seen += take;
    if (take < value.byteLength) rest = value.subarray(take);
  }
  if (seen < from || digest.digest("hex") !== sha256) {
    await reader.cancel();
    return null;
  }
  return new ReadableStream({
    start(controller) {
      if (rest?.byteLength) controller.enqueue(rest);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
