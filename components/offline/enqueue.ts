// Putting a submission in the device's queue (queue-store.ts), for the user signed in on this device, and the
// checks a form makes of its files before anything is kept or sent.
import { indexedDbQueue, nextSeq, type QueuedFile, type QueueItem, queueChanged } from "./queue-store";

const USER_KEY = "mat-offline-user";

/** The signed-in user, as the app's layout said (OfflineStatus): a queued item is theirs. */
export function queueUser(): string | null {
  try {
    return localStorage.getItem(USER_KEY);
  } catch {
    return null;
  }
}

/** Records who is signed in; true when another user was before (their kept pages must then go). */
export function setQueueUser(userId: string): boolean {
  const before = queueUser();
  try {
    localStorage.setItem(USER_KEY, userId);
  } catch {
    // Storage refused: the queue still works for this page's life.
  }
  return before !== null && before !== userId;
}

export type NewItem = Omit<QueueItem, "userId" | "seq" | "createdAt" | "state"> & Partial<Pick<QueueItem, "state">>;

export async function enqueue(item: NewItem): Promise<void> {
  const userId = queueUser();
  if (!userId) throw new Error("No signed-in user on this device");
  await indexedDbQueue().put({
    state: "waiting",
    ...item,
    userId,
    seq: nextSeq(),
    createdAt: new Date().toISOString(),
  });
  queueChanged();
}

/** The files a form's file input holds, as the queue keeps them. */
export function queuedFiles(files: readonly File[]): QueuedFile[] {
  return files.map((f) => ({ name: f.name, type: f.type, sizeBytes: f.size, blob: f, sent: false }));
}
