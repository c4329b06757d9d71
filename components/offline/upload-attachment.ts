// Posting one file to a record, by the attachments API's contract: POST /api/attachments, multipart with
// subjectType, subjectId and file; 201 stored, 200 when that content is already attached (a resend is harmless),
// 413 too large, 415 not an accepted type, 403/404 not the caller's record; errors as { error: { code, message } }.
import { readApiError } from "@/components/api-client";
import type { QueuedFile, QueueSubject } from "./queue-store";

export type UploadOutcome =
  | { kind: "stored" }
  /** No answer, or one to retry later (signed out, busy, a server fault): the file keeps waiting. */
  | { kind: "retry" }
  | { kind: "refused"; status: number; code?: string; message: string };

export async function uploadAttachment(
  fetchFn: typeof fetch,
  subjectType: QueueSubject | "completionReport" | "handover",
  subjectId: string,
  file: Pick<QueuedFile, "name" | "blob">,
): Promise<UploadOutcome> {
  const body = new FormData();
  body.set("subjectType", subjectType);
  body.set("subjectId", subjectId);
  body.set("file", file.blob, file.name);
  let res: Response;
  try {
    res = await fetchFn("/api/attachments", { method: "POST", body });
  } catch {
    return { kind: "retry" };
  }
  if (res.ok) return { kind: "stored" };
  if (isTransient(res.status)) return { kind: "retry" };
  const error = await readApiError(res);
  return { kind: "refused", status: res.status, code: error.code, message: error.message };
}

/** Statuses that say "not now" rather than "not this": the item waits and is sent again later. */
export function isTransient(status: number): boolean {
  return status === 401 || status === 408 || status === 429 || status >= 500;
}
