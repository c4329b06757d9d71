"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { postJson } from "@/components/api-client";
import { ErrorList } from "@/components/ui/error-list";
import { announce } from "@/components/ui/notice";

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
  /** Said once accepted (on the page of `then`, or this one, whose form is then emptied for the next entry). */
  done?: string;
  /** Where to go once accepted, instead of staying (e.g. back to the list after a correction). */
  then?: string;
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="card report-form no-print"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        setBusy(true);
        setErrors(null);
        const res = await postJson(url, toBody(new FormData(form)));
        setBusy(false);
        if (!res.ok) return setErrors(res.messages);
        if (done) announce(done, then);
        if (then) return router.push(then);
        form.reset();
        router.refresh();
      }}
    >
      {children}
      <ErrorList messages={errors} />
      <button type="submit" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

export const optional = (d: FormData, k: string) => (d.get(k) ? String(d.get(k)) : undefined);
export const count = (d: FormData, k: string) => Number(d.get(k) || 0);
