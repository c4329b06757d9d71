// Sends the waiting submissions: strictly in the order they were made, one at a time, each with its clientRef
// (so a submission the server already received is answered with the record it made, never a second one), then
// its files to that record. A refusal (the task was closed meanwhile, a polygon outside the area as it is now, a
// form the server finds wrong) stops only that item, kept as refused with the server's words. No answer, or a
// "not now" (signed out, busy), stops the round: everything keeps waiting, in order, for the next.
import { apiErrorFrom, errorLines } from "@/components/api-client";
import type { QueueItem, QueueStore, Refusal } from "./queue-store";
import { isTransient, uploadAttachment } from "./upload-attachment";

export type SendRound = {
  /** Items whose record and files all arrived. */
  sent: string[];
  refused: string[];
  /** Why the round stopped before the end, if it did. */
  stopped: "network" | "later" | null;
};

type Deps = { fetch: typeof fetch; store: QueueStore; userId: string };

function requestInit(item: QueueItem): RequestInit {
  const r = item.request;
  if (r.kind === "json")
    return { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(r.body) };
  const body = new FormData();
  body.set("file", r.file, r.fileName);
  if (r.utmZone) body.set("utmZone", String(r.utmZone));
  body.set("data", JSON.stringify(r.data));
  return { method: "POST", body };
}

type Step = { next: QueueItem | null; stop: SendRound["stopped"] };

/** Makes the record; the item with its id (files to send) or its refusal, or a reason to stop. */
async function sendRecord(deps: Deps, item: QueueItem): Promise<Step> {
  let res: Response;
  try {
    res = await deps.fetch(item.request.url, requestInit(item));
  } catch {
    return { next: item, stop: "network" };
  }
  const body = (await res.json().catch(() => null)) as { id?: string } | null;
  if (res.ok && body?.id) return { next: { ...item, state: "filesWaiting", subjectId: body.id }, stop: null };
  if (res.ok || isTransient(res.status)) return { next: item, stop: "later" };
  const error = apiErrorFrom(body, `HTTP ${res.status}`);
  const refusal: Refusal = { status: res.status, code: error.code, lines: errorLines(error) };
  return { next: { ...item, state: "refused", refusal }, stop: null };
}

/** Posts the record's files not yet stored; a refused file is said, the others still go. */
async function sendFiles(deps: Deps, item: QueueItem): Promise<Step> {
  let current = item;
  for (const [i, file] of item.files.entries()) {
    if (file.sent) continue;
    const outcome = await uploadAttachment(deps.fetch, item.subject, item.subjectId!, file);
    if (outcome.kind === "retry") return { next: current, stop: "network" };
    const files = current.files.map((f, j) => (j === i ? { ...f, sent: true } : f));
    const refusal: Refusal | undefined =
      outcome.kind === "refused"
        ? { status: outcome.status, code: outcome.code, lines: [outcome.message], fileName: file.name }
        : current.refusal;
    current = { ...current, files, refusal };
    await deps.store.put(current);
  }
  return { next: current.refusal ? { ...current, state: "refused" } : null, stop: null };
}

/** One round over the user's waiting items. */
export async function sendWaiting(deps: Deps): Promise<SendRound> {
  const round: SendRound = { sent: [], refused: [], stopped: null };
  for (const queued of await deps.store.all()) {
    if (queued.userId !== deps.userId || queued.state === "refused") continue;
    let item: QueueItem | null = queued;
    if (item.state === "waiting") {
      const step = await sendRecord(deps, item);
      if (step.stop) return { ...round, stopped: step.stop };
      item = step.next!;
      if (item.state === "refused") {
        await deps.store.put(item);
        round.refused.push(item.id);
        continue;
      }
      await deps.store.put(item);
    }
    const step = await sendFiles(deps, item);
    if (step.stop) return { ...round, stopped: step.stop };
    if (step.next) {
      await deps.store.put(step.next);
      round.refused.push(item.id);
    } else {
      await deps.store.remove(item.id);
      round.sent.push(item.id);
    }
  }
  return round;
}

let running: Promise<SendRound> | null = null;

/** One round at a time in this page: the online event and the page's load may ask at once. */
export function sendWaitingOnce(deps: Deps): Promise<SendRound> {
  running ??= sendWaiting(deps).finally(() => {
    running = null;
  });
  return running;
}
