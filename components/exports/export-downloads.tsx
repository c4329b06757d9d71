"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { errorLines, readApiError } from "@/components/api-client";
import { ErrorList } from "@/components/ui/error-list";
import { programmeDay } from "@/lib/domain/calendar";
import { addMonths } from "@/lib/domain/projection";
import { fileNameOf } from "@/lib/exports/content-disposition";
import { formatCount } from "@/lib/i18n/format";
import { DownloadRefused, resumableDownload, waitForConnection } from "./resumable-download";

export type ExportChoice = { file: string; dataset: string; format: string };

type Progress = { file: string; received: number; expected: number | null; unit: "rows" | "bytes"; waiting?: boolean };

/**
 * Download buttons for the view's exports. Each file is fetched as a stream
 * so the page can show how far a large export has come (rows, from the
 * server's X-Export-Rows count, for CSV; bytes otherwise), resumed where it
 * broke off when the connection drops, then saved under the name the server
 * gives it.
 */
export function ExportDownloads({
  query,
  choices,
  tabular,
}: {
  query: string;
  choices: ExportChoice[];
  tabular: boolean;
}) {
  const t = useTranslations("exports");
  const locale = useLocale();
  const [status, setStatus] = useState("approved");
  // Last month, in Iraq's calendar as the server's default.
  const [month, setMonth] = useState(() => addMonths(programmeDay().slice(0, 7), -1));
  const [hxl, setHxl] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<string[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function download(choice: ExportChoice) {
    setErrors(null);
    setSaved(null);
    const params = new URLSearchParams(query);
    params.set("status", status);
    if (hxl) params.set("hxl", "1");
    if (choice.file === "progress.pdf") params.set("month", month);
    const csv = choice.format === "csv";
    // A CSV's header (and HXL) lines are not rows.
    const headerLines = hxl ? 2 : 1;
    let lines = -headerLines;
    let received = 0;
    let expected: number | null = null;
    setProgress({ file: choice.file, received: 0, expected, unit: csv ? "rows" : "bytes" });
    let result: Awaited<ReturnType<typeof resumableDownload>>;
    try {
      result = await resumableDownload(`/api/exports/${choice.file}?${params}`, {
        onStart: (headers) => {
          expected = csv ? Number(headers.get("x-export-rows")) : Number(headers.get("content-length")) || null;
          setProgress({ file: choice.file, received: 0, expected, unit: csv ? "rows" : "bytes" });
        },
        onBytes: (chunk) => {
          if (csv) for (const byte of chunk) if (byte === 10) lines++;
          received += chunk.byteLength;
          setProgress({
            file: choice.file,
            received: csv ? Math.max(0, lines) : received,
            expected,
            unit: csv ? "rows" : "bytes",
          });
        },
        onRestart: () => {
          lines = -headerLines;
          received = 0;
        },
        waitToRetry: (attempt) => {
          setProgress((p) => p && { ...p, waiting: true });
          return waitForConnection(attempt).finally(() => setProgress((p) => p && { ...p, waiting: false }));
        },
      });
    } catch (err) {
      setProgress(null);
      if (!(err instanceof DownloadRefused)) return setErrors([t("interrupted")]);
      setErrors(errorLines(await readApiError(err.response, t("failed", { status: err.response.status }))));
      return;
    }
    const { parts, headers: res } = result;
    const rows = Number(res.get("x-export-rows"));
    const name = fileNameOf(res.get("content-disposition")) ?? choice.file;
    const url = URL.createObjectURL(
      new Blob(parts as BlobPart[], { type: res.get("content-type") ?? "application/octet-stream" }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setProgress(null);
    setSaved(t("saved", { name, rows }));
  }

  const datasets = [...new Set(choices.map((c) => c.dataset))];
  return (
    <section className="card" aria-labelledby="exports-files">
      <h2 id="exports-files">{t("files")}</h2>
      {tabular && (
        <div className="filters-form">
          <label>
            {t("status")}
            <select value={status} onChange={(e) => setStatus(e.target.value)}>
              {["approved", "submitted", "rejected", "superseded", "all"].map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {choices.some((c) => c.file === "progress.pdf") && (
            <label>
              {t("month")}
              <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
            </label>
          )}
          <label className="checkbox">
            <input type="checkbox" checked={hxl} onChange={(e) => setHxl(e.target.checked)} /> {t("hxl")}
          </label>
        </div>
      )}
      <table>
        <tbody>
          {datasets.map((d) => (
            <tr key={d}>
              <th scope="row">
                {t(`datasets.${d}`, { article: formatCount(7, locale) })}
                <br />
                <span className="note">{t(`describe.${d}`)}</span>
              </th>
              <td>
                <div className="actions">
                  {choices
                    .filter((c) => c.dataset === d)
                    .map((c) => (
                      <button
                        key={c.file}
                        type="button"
                        className="secondary"
                        disabled={!!progress}
                        onClick={() => void download(c)}
                        aria-label={`${t(`datasets.${d}`, { article: formatCount(7, locale) })}: ${t(`formats.${c.format}`)}`}
                      >
                        {t(`formats.${c.format}`)}
                      </button>
                    ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {progress && (
        <p role="status">
          <label>
            {t("preparing", { file: progress.file })}{" "}
            <progress
              max={progress.expected ?? undefined}
              value={progress.expected ? Math.min(progress.received, progress.expected) : undefined}
            />{" "}
            {progress.unit === "rows"
              ? t("rowsOf", { received: progress.received, expected: progress.expected ?? 0 })
              : t("bytes", { kb: Math.round(progress.received / 1024) })}
            {progress.waiting && ` ${t("waitingForConnection")}`}
          </label>
        </p>
      )}
      {saved && (
        <p role="status" data-testid="export-saved">
          {saved}
        </p>
      )}
      <ErrorList messages={errors} />
    </section>
  );
}
