"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/components/api-client";

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
    const res = await postJson(`/api/tasks/${taskId}/status`, { to });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
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
          onClick={() => (!n.confirm || window.confirm(n.confirm)) && move(n.to)}
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
