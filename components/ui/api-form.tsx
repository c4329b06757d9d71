"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { postJson } from "@/components/api-client";
import { ErrorList } from "@/components/ui/error-list";

/** A form that posts its fields as JSON to an API route, lists what the server refused, and refreshes the page once it is accepted. */
export function ApiForm({
  url,
  toBody,
  submit,
  children,
  done,
  then,
}: {
  url: string;
  toBody: (d: FormData) => unknown;
  submit: string;
  children: ReactNode;
  /** For a form that records one entry after another: said once accepted, and the form is emptied for the next. */
  done?: string;
  /** Where to go once accepted, instead of staying (e.g. back to the list after a correction). */
  then?: string;
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [accepted, setAccepted] = useState(false);
  return (
    <form
      className="card report-form no-print"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        setBusy(true);
        setErrors(null);
        setAccepted(false);
        const res = await postJson(url, toBody(new FormData(form)));
        setBusy(false);
        if (!res.ok) return setErrors(res.messages);
        if (then) return router.push(then);
        if (done) {
          form.reset();
          setAccepted(true);
        }
        router.refresh();
      }}
    >
      {children}
      <ErrorList messages={errors} />
      {done && <p role="status">{accepted ? done : ""}</p>}
      <button type="submit" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

export const optional = (d: FormData, k: string) => (d.get(k) ? String(d.get(k)) : undefined);
export const count = (d: FormData, k: string) => Number(d.get(k) || 0);
