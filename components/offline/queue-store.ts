// Submissions waiting on this device (IndexedDB, through idb-keyval): made offline, or sent while online when no
// answer came. Each keeps its clientRef, so sending it again can never make a second record, and its files (Blobs)
// until they are stored on the server. Items belong to the user who made them: only theirs are shown and sent.
import { createStore, del, get, set, values } from "idb-keyval";

/** The record kinds the attachments API names (subjectType), for the kinds a form can queue. */
export type QueueSubject = "landReleaseReport" | "eoreSession" | "accident";

export type QueuedFile = { name: string; type: string; sizeBytes: number; blob: Blob; sent: boolean };

/** The request that makes the record: JSON, or multipart with a GPS file (the report form's file source). */
export type QueuedRequest =
  | { kind: "json"; url: string; body: Record<string, unknown> }
  | { kind: "multipart"; url: string; data: Record<string, unknown>; file: Blob; fileName: string; utmZone?: number };

/** What the server said when it refused: its status, code and message as the API's error answer gives them. */
export type Refusal = { status: number; code?: string; lines: string[]; fileName?: string };

export type QueueItem = {
  /** The submission's clientRef. */
  id: string;
  userId: string;
  subject: QueueSubject;
  /** What the list calls it: the task's code, or the place of a session or accident. */
  label: string;
  request: QueuedRequest;
  files: QueuedFile[];
  /** Where "open again" leads, and what it fills back in (the report form's draft, or a form's fields). */
  reopen: { href: string; draftName?: string; draft?: unknown; fields?: Record<string, string> };
  createdAt: string;
  /** Order of making: sent strictly in this order. */
  seq: number;
  state: "waiting" | "refused" | "filesWaiting";
  /** The record's id once the server made it (files are then posted to it). */
  subjectId?: string;
  refusal?: Refusal;
};

export type QueueStore = {
  all(): Promise<QueueItem[]>;
  get(id: string): Promise<QueueItem | undefined>;
  put(item: QueueItem): Promise<void>;
  remove(id: string): Promise<void>;
};

/** The queue in this browser's IndexedDB; `name` only differs in tests. */
export function indexedDbQueue(name = "mat-offline"): QueueStore {
  const store = createStore(name, "queue");
  return {
    all: async () => ((await values<QueueItem>(store)) ?? []).sort((a, b) => a.seq - b.seq),
    get: (id) => get<QueueItem>(id, store),
    put: (item) => set(item.id, item, store),
    remove: (id) => del(id, store),
  };
}

let lastSeq = 0;
/** Increasing even for two items made in one millisecond. */
export function nextSeq(now = Date.now()): number {
  lastSeq = Math.max(now, lastSeq + 1);
  return lastSeq;
}

export const QUEUE_CHANGED = "mat-queue-changed";

/** Tells the status bar (and any open list) that the queue changed. */
export function queueChanged() {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(QUEUE_CHANGED));
}
