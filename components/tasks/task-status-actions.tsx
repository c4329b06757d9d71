"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type Props = { taskId: string; next: { to: string; label: string; confirm?: string }[] };

/** The lifecycle steps the caller's side may take; the server checks again. */
export function TaskStatusActions({ taskId, next }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (next.length === 0) return null;
  async function move(to: string) {
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/tasks/${taskId}/status`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ to }) });
    setBusy(false);
    if (!res.ok) return setError(((await res.json()) as { error: { message: string } }).error.message);
    router.refresh();
  }
  return (
    <div className="actions">
      {next.map((n) => (
        <button key={n.to} type="button" className={n.confirm ? "danger" : undefined} disabled={busy} onClick={() => (!n.confirm || window.confirm(n.confirm)) && move(n.to)}>
          {n.label}
        </button>
      ))}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
