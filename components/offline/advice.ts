// What to do about a refused queued submission, chosen from what the server said (its status and code, as the
// commands refuse: lib/server/commands/submit-land-release-report.ts, record-*.ts). The server's own message
// says what is wrong; this says what the partner can do next.
import type { QueueItem } from "./queue-store";

export type AdviceKey =
  | "adviceTaskClosed"
  | "adviceNotYours"
  | "adviceGeometry"
  | "adviceInvalid"
  | "adviceForbidden"
  | "adviceConflict"
  | "adviceFileRefused";

export function adviceFor(item: Pick<QueueItem, "subject" | "refusal">): AdviceKey {
  const r = item.refusal;
  if (!r) return "adviceInvalid";
  if (r.fileName) return "adviceFileRefused";
  const report = item.subject === "landReleaseReport";
  // 409 on a report: the task is no longer assigned or in progress (closed, completed, cancelled meanwhile).
  if (r.status === 409) return report ? "adviceTaskClosed" : "adviceConflict";
  // 404 on a report: no such task among the partner's (handed to another partner, or cancelled and gone).
  if (r.status === 404) return report ? "adviceNotYours" : "adviceConflict";
  // 422: a geometry the server cannot accept against the hazardous area as it now is.
  if (r.status === 422) return "adviceGeometry";
  if (r.status === 403) return "adviceForbidden";
  return "adviceInvalid";
}

/**
 * A refused item can be opened again unless its record already arrived (only a file was refused), or its task no
 * longer takes reports from this partner (the form would only say so): then its polygon is offered as a file, to
 * send the land under another task.
 */
export const canReopen = (item: Pick<QueueItem, "subject" | "refusal" | "subjectId">) =>
  !item.subjectId && !keepsOnlyThePolygon(item);

export const keepsOnlyThePolygon = (item: Pick<QueueItem, "subject" | "refusal">) =>
  item.refusal !== undefined && ["adviceTaskClosed", "adviceNotYours"].includes(adviceFor(item));
