// A form's submission made now when the device is online, else kept in the queue to be sent when the connection
// returns. Sent now, its files follow it to the record it made; a file that cannot go now waits in the queue
// (the record's id with it), so the partner never has to attach it again.
import { type ApiResult, postJson, postWithGeometry } from "@/components/api-client";
import type { GeometrySource } from "@/components/map/geometry-check";
import { enqueue, queuedFiles } from "./enqueue";
import type { QueuedRequest, QueueItem, QueueSubject } from "./queue-store";
import { uploadAttachment } from "./upload-attachment";

export type Submission = {
  url: string;
  subject: QueueSubject;
  /** Its clientRef: the same on every sending of this submission. */
  clientRef: string;
  fields: Record<string, unknown>;
  /** A land-release report's polygon or GPS file; none for the other forms. */
  source?: GeometrySource;
  files: File[];
  label: string;
  reopen: QueueItem["reopen"];
};

export type Outcome =
  | { kind: "queued" }
  | { kind: "refused"; messages: string[] }
  | { kind: "made"; body: { id: string } & Record<string, unknown>; refusedFiles: string[] };

function request(s: Submission): QueuedRequest {
  const data = { ...s.fields, clientRef: s.clientRef };
  if (!s.source) return { kind: "json", url: s.url, body: data };
  if (s.source.kind === "drawn")
    return {
      kind: "json",
      url: s.url,
      body: { ...data, geometry: { type: "FeatureCollection", features: s.source.polygons } },
    };
  return {
    kind: "multipart",
    url: s.url,
    data,
    file: s.source.file,
    fileName: s.source.file.name,
    utmZone: s.source.utmZone,
  };
}

const keep = (s: Submission, extra: Partial<QueueItem> = {}) =>
  enqueue({
    id: s.clientRef,
    subject: s.subject,
    label: s.label,
    request: request(s),
    files: queuedFiles(s.files),
    reopen: s.reopen,
    ...extra,
  });

export async function submitOrQueue(s: Submission): Promise<Outcome> {
  if (!navigator.onLine) {
    await keep(s);
    return { kind: "queued" };
  }
  let res: ApiResult<{ id: string } & Record<string, unknown>>;
  try {
    const data = { ...s.fields, clientRef: s.clientRef };
    res = s.source ? await postWithGeometry(s.url, data, s.source) : await postJson(s.url, data);
  } catch {
    // No answer: the connection dropped. Kept with its clientRef: if the server did make it, the resend says so.
    await keep(s);
    return { kind: "queued" };
  }
  if (!res.ok) return { kind: "refused", messages: res.messages };
  const refusedFiles: string[] = [];
  for (const [i, file] of s.files.entries()) {
    const outcome = await uploadAttachment(fetch, s.subject, res.body.id, { name: file.name, blob: file });
    if (outcome.kind === "refused") refusedFiles.push(`${file.name}: ${outcome.message}`);
    if (outcome.kind === "retry") {
      // The record is made; the files left wait for the connection, posted to it.
      await keep(
        { ...s, files: s.files.slice(i) },
        { state: "filesWaiting", subjectId: res.body.id, reopen: { href: s.reopen.href } },
      );
      break;
    }
  }
  return { kind: "made", body: res.body, refusedFiles };
}
