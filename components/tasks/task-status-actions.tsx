"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/components/api-client";
import { announce } from "@/components/ui/notice";

/** Each step: its button, a question asked first if it cannot be undone, and what is said once it is taken. */
type Props = { taskId: string; next: { to: string; label: string; confirm?: string; done: string }[] };

/** The lifecycle steps the caller's side may take; the server checks again. */
export function TaskStatusActions({ taskId, next }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (next.length === 0) return null;
  async function move({ to, done }: { to: string; done: string }) {
    setBusy(true);
    setError(null);
    const res = await postJson(`/api/tasks/${taskId}/status`, { to });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    announce(done);
    router.refresh();
  }
  return (
    <div className="actions">
      {next.map((n) => (
        <button
          key={n.to}
          type="button"
          className={n.confirm ? "danger" : undefined}
          disabled={busy}
          onClick={() => (!n.confirm || window.confirm(n.confirm)) && move(n)}
        >
          {n.label}
        </button>
      ))}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
