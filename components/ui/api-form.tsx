"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { postJson } from "@/components/api-client";
import { ACCEPTED_FILES, fileProblem } from "@/components/offline/file-limits";
import { formDraftKey } from "@/components/offline/queue-list";
import type { QueueSubject } from "@/components/offline/queue-store";
import { submitOrQueue } from "@/components/offline/submit-or-queue";
import { uploadAttachment } from "@/components/offline/upload-attachment";
import { newClientRef } from "@/components/reports/report-draft";
import { ErrorList } from "@/components/ui/error-list";
import { announce } from "@/components/ui/notice";

/** The record a form's files are attached to: the attachments API's subjectType, and its id in the answer. */
type AttachTo = {
  subjectType: QueueSubject | "completionReport" | "handover";
  idOf: (answer: Record<string, unknown>) => unknown;
};

/**
 * A form that posts its fields as JSON to an API route, lists what the server refused, and refreshes the page once
 * it is accepted. With `queue`, a submission made offline (or left unanswered) waits in the device's queue with
 * its clientRef and is sent when the connection returns. With `attachTo`, it takes photos and signed forms, posted
 * to the record once it is made.
 */
export function ApiForm({
  url,
  toBody,
  submit,
  children,
  done,
  then,
  queue,
  attachTo,
}: {
  url: string;
  toBody: (d: FormData) => unknown;
  submit: string;
  children: ReactNode;
  /** Said once accepted (on the page of `then`, or this one, whose form is then emptied for the next entry). */
  done?: string;
  /** Where to go once accepted, instead of staying (e.g. back to the list after a correction). */
  then?: string;
  /** The queue's kind of record, and what its list calls this one (e.g. the place). */
  queue?: { subject: QueueSubject; label: (d: FormData) => string };
  attachTo?: AttachTo;
}) {
  const router = useRouter();
  const tOffline = useTranslations("offline");
  const [errors, setErrors] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // A queued submission opened again from the queue's list: its fields come back.
  useEffect(() => {
    const form = formRef.current;
    const key = formDraftKey(window.location.href);
    const kept = localStorage.getItem(key);
    if (!form || !kept || !queue) return;
    localStorage.removeItem(key);
    for (const [name, value] of Object.entries(JSON.parse(kept) as Record<string, string>)) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement && field.type === "checkbox") field.checked = value === "on";
      else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
      else if (field instanceof HTMLTextAreaElement) field.value = value;
    }
  }, [queue]);

  async function send(form: HTMLFormElement) {
    const data = new FormData(form);
    const files = data.getAll("attachments").filter((f): f is File => f instanceof File && f.size > 0);
    const tooLarge = fileProblem(files);
    if (tooLarge) return setErrors([tOffline(tooLarge.key, tooLarge.values)]);
    setBusy(true);
    setErrors(null);
    setQueued(false);
    const body = toBody(data) as Record<string, unknown>;
    let refusedFiles: string[] = [];
    if (queue) {
      const fields = Object.fromEntries([...data].filter(([, v]) => typeof v === "string")) as Record<string, string>;
      const outcome = await submitOrQueue({
        url,
        subject: queue.subject,
        clientRef: newClientRef(),
        fields: body,
        files,
        label: queue.label(data),
        reopen: { href: window.location.pathname, fields },
      });
      setBusy(false);
      if (outcome.kind === "refused") return setErrors(outcome.messages);
      if (outcome.kind === "queued") {
        form.reset();
        return setQueued(true);
      }
      refusedFiles = outcome.refusedFiles;
    } else {
      const res = await postJson<Record<string, unknown>>(url, body).catch(() => null);
      setBusy(false);
      if (!res) return setErrors([tOffline("pageTitle")]);
      if (!res.ok) return setErrors(res.messages);
      const subjectId = attachTo && res.body ? attachTo.idOf(res.body) : undefined;
      for (const file of typeof subjectId === "string" ? files : []) {
        const outcome = await uploadAttachment(fetch, attachTo!.subjectType, subjectId as string, {
          name: file.name,
          blob: file,
        });
        if (outcome.kind !== "stored")
          refusedFiles.push(`${file.name}: ${outcome.kind === "refused" ? outcome.message : tOffline("pageTitle")}`);
      }
    }
    const filesSaid = refusedFiles.length
      ? tOffline("attachmentsFailed", { count: refusedFiles.length, reasons: refusedFiles.join("; ") })
      : "";
    if (done || filesSaid) announce([done, filesSaid].filter(Boolean).join(" "), then);
    if (then) return router.push(then);
    form.reset();
    router.refresh();
  }

  return (
    <form
      ref={formRef}
      className="card report-form no-print"
      onSubmit={(e) => {
        e.preventDefault();
        void send(e.currentTarget);
      }}
    >
      {children}
      {attachTo && (
        <label>
          {tOffline("attachments")}
          <input type="file" name="attachments" accept={ACCEPTED_FILES} multiple />
        </label>
      )}
      <ErrorList messages={errors} />
      {queued && (
        <p className="warning" role="alert" data-testid="offline">
          {tOffline("queued")}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

export const optional = (d: FormData, k: string) => (d.get(k) ? String(d.get(k)) : undefined);
export const count = (d: FormData, k: string) => Number(d.get(k) || 0);
