"use client";
// Shown when a page fails on the server. A server error reaches the browser
// without its message (only a digest), so the page asks /api/health whether
// the database answers, and says plainly which it is.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

type Database = "ok" | "unreachable" | "full" | "unknown";

export default function PageError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("errors");
  const [database, setDatabase] = useState<Database | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: Asks again for each new error: `error` is the trigger, not a value read.
  useEffect(() => {
    fetch("/api/health", { cache: "no-store" })
      .then((r) => r.json() as Promise<{ database: Database }>)
      .then((b) => setDatabase(b.database))
      .catch(() => setDatabase("unknown"));
  }, [error]);
  const down = database === "unreachable" || database === "full";
  return (
    <main role="alert">
      <h1>{down ? t("databaseTitle") : t("pageFailedTitle")}</h1>
      <p>
        {database === "unreachable"
          ? t("databaseUnreachable")
          : database === "full"
            ? t("databaseFull")
            : t("pageFailed")}
      </p>
      <p>
        <button type="button" onClick={() => retry()}>
          {t("tryAgain")}
        </button>
      </p>
      {error.digest && <p className="note">{t("reference", { digest: error.digest })}</p>}
    </main>
  );
}
