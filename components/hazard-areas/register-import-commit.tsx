"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { postJson } from "@/components/api-client";
import { ErrorList } from "@/components/ui/error-list";
import { formatM2 } from "@/lib/i18n/format";

export type ImportProgress = {
  kind: "hazard-areas" | "releases";
  status: "previewed" | "committing" | "committed" | "withdrawn";
  accepted: number;
  created: number;
  skipped: number;
  merged: number;
  pending: number;
  running: boolean;
  registeredM2: number;
  mergedM2: number;
  releasedM2: number;
};

/**
 * Commit an import with the decision on overlapping rows, its progress bar
 * read from the server until done, and withdrawal: of the committed areas
 * (while none is in use) or of a check never committed.
 */
export function RegisterImportCommit({
  id,
  overlapping,
  initial,
}: {
  id: string;
  overlapping: number;
  initial: ImportProgress;
}) {
  const t = useTranslations("registerImport");
  const locale = useLocale();
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [decision, setDecision] = useState<"skip" | "remainder" | "merge" | "">("");
  const [failure, setFailure] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [removed, setRemoved] = useState<number | null>(null);
  const watching = progress.status === "committing" && (busy || progress.running);
  const releases = progress.kind === "releases";

  // While it commits, its progress is read once a second; when done, the page is read again for its figures.
  useEffect(() => {
    if (!watching) return;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/imports/${id}`).catch(() => null);
      if (!res?.ok) return;
      const next = ((await res.json()) as { progress: ImportProgress }).progress;
      // Until the commit request has reached the server, the import still reads as previewed: keep reading.
      if (next.status === "previewed") return;
      setProgress(next);
      if (next.status !== "committing" || !next.running) {
        setBusy(false);
        router.refresh();
      }
    }, 1_000);
    return () => clearInterval(timer);
  }, [watching, id, router]);

  async function commit() {
    setBusy(true);
    setFailure(null);
    setProgress((p) => ({ ...p, status: "committing", running: true }));
    const res = await postJson<ImportProgress>(
      `/api/imports/${id}/commit`,
      decision ? { overlaps: decision } : {},
    ).catch(() => null);
    if (!res?.ok) {
      setBusy(false);
      setProgress(initial);
      return setFailure(res ? res.messages : [t("network")]);
    }
    setProgress(res.body);
    if (res.body.status !== "committing") {
      setBusy(false);
      router.refresh();
    }
  }

  async function withdraw() {
    if (
      progress.status === "committed" &&
      !window.confirm(t(releases ? "confirmWithdrawReleases" : "confirmWithdraw", { count: progress.created }))
    )
      return;
    setBusy(true);
    setFailure(null);
    const res = await postJson<{ removed: number }>(`/api/imports/${id}/withdraw`, {}).catch(() => null);
    setBusy(false);
    if (!res) return setFailure([t("network")]);
    if (!res.ok) return setFailure(res.messages);
    setRemoved(res.body.removed);
    setProgress((p) => ({ ...p, status: "withdrawn" }));
    router.refresh();
  }

  const done = progress.created + progress.skipped + progress.merged;
  return (
    <section className="card" data-testid="import-commit">
      {(progress.status === "previewed" || (progress.status === "committing" && !watching)) && (
        <>
          {progress.status === "committing" && <p className="warning">{t("stopped", { pending: progress.pending })}</p>}
          {overlapping > 0 && progress.status === "previewed" && (
            <fieldset>
              <legend>{t("decision")}</legend>
              {(["skip", "remainder", "merge"] as const).map((choice) => (
                <label key={choice}>
                  <input
                    type="radio"
                    name="overlaps"
                    value={choice}
                    checked={decision === choice}
                    onChange={() => setDecision(choice)}
                  />
                  {t(choice)}
                </label>
              ))}
            </fieldset>
          )}
          <button
            type="button"
            disabled={busy || (overlapping > 0 && progress.status === "previewed" && !decision)}
            onClick={() => void commit()}
          >
            {progress.status === "committing"
              ? t("resume")
              : t(releases ? "commitReleases" : "commit", { count: progress.accepted })}
          </button>{" "}
          {progress.status === "previewed" && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void withdraw()}>
              {t("withdrawPreview")}
            </button>
          )}
        </>
      )}
      {watching && (
        <>
          <progress max={progress.accepted} value={done} aria-label={t("progress")} />
          <p role="status">{t("committing", { done, total: progress.accepted })}</p>
        </>
      )}
      {progress.status === "committed" && (
        <>
          <p role="status" data-testid="import-committed">
            {t(releases ? "committedReleases" : "committed", {
              created: progress.created,
              skipped: progress.skipped,
              area: formatM2(releases ? progress.releasedM2 : progress.registeredM2, locale),
            })}
            {progress.merged > 0 &&
              ` ${t("mergedNote", { merged: progress.merged, area: formatM2(progress.mergedM2, locale) })}`}
          </p>
          <p className="actions">
            <a href="/hazard-areas/map">{t("seeMap")}</a>{" "}
            <button type="button" className="secondary" disabled={busy} onClick={() => void withdraw()}>
              {t("withdraw")}
            </button>
          </p>
        </>
      )}
      {removed !== null && <p role="status">{t(releases ? "withdrawnReleases" : "withdrawn", { removed })}</p>}
      <ErrorList messages={failure} />
    </section>
  );
}
