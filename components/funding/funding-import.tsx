"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { postJsonWithProgress } from "@/components/api-client";
import { ErrorList } from "@/components/ui/error-list";
import { FilePicker } from "@/components/ui/file-picker";
import { TableScroll } from "@/components/ui/table-scroll";
import { type FundingImportRow, parseFundingTable } from "@/lib/domain/funding-import";
import { formatPercent, formatUsdCents } from "@/lib/i18n/format";
import { languageOf } from "@/lib/i18n/locales";

type Result = { created: number; skipped: number; rows: number };
/** A problem as shown: where, and what in the reader's language. */
type Problem = { row: number; column: string; message: string };

async function readCells(file: File): Promise<unknown[][]> {
  if (/\.xlsx$/i.test(file.name)) {
    const { readSheet } = await import("read-excel-file/browser");
    return (await readSheet(file)) as unknown[][];
  }
  const Papa = (await import("papaparse")).default;
  return Papa.parse<unknown[]>(await file.text(), { skipEmptyLines: "greedy" }).data;
}

/**
 * Funding from a CSV or XLSX in Landmine Monitor's shape: read and checked in
 * the browser (every problem by row and column), previewed, then sent in one
 * request the server checks again and writes in one transaction.
 */
export function FundingImport() {
  const t = useTranslations("fundingImport");
  const locale = useLocale();
  const [rows, setRows] = useState<FundingImportRow[] | null>(null);
  const [errors, setErrors] = useState<Problem[]>([]);
  const [source, setSource] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<string[] | null>(null);

  async function choose(file: File | undefined) {
    setRows(null);
    setErrors([]);
    setResult(null);
    setFailure(null);
    if (!file) return;
    try {
      const parsed = parseFundingTable(await readCells(file));
      setRows(parsed.rows);
      setErrors(parsed.errors.map((e) => ({ row: e.row, column: e.column, message: e.text[languageOf(locale)] })));
    } catch (err) {
      setErrors([
        {
          row: 0,
          column: "file",
          message: t("unreadable", { reason: err instanceof Error ? err.message : String(err) }),
        },
      ]);
    }
  }

  function send() {
    if (!rows) return;
    setProgress(0);
    setFailure(null);
    postJsonWithProgress<Result>("/api/funding/import", { source, rows }, (loaded, total) =>
      setProgress(Math.round((90 * loaded) / total)),
    ).then(
      (res) => {
        setProgress(100);
        if (res.ok) setResult(res.body);
        else setFailure(res.messages);
      },
      () => setFailure([t("network")]),
    );
  }

  const total = rows?.reduce((s, r) => s + BigInt(r.usdCents), 0n) ?? 0n;
  return (
    <div className="report-form">
      <FilePicker label={t("file")} accept=".csv,.xlsx" onFile={(file) => void choose(file ?? undefined)} />
      <p className="note">{t("shape")}</p>
      {errors.length > 0 && (
        <section className="card" data-testid="import-errors">
          <h2>{t("errors", { count: errors.length })}</h2>
          <ul className="error" role="alert">
            {errors.map((e, i) => (
              <li key={i}>{e.row ? t("where", { row: e.row, column: e.column, message: e.message }) : e.message}</li>
            ))}
          </ul>
          <p className="note">{t("fixFirst")}</p>
        </section>
      )}
      {rows && rows.length > 0 && (
        <section className="card">
          <h2>{t("preview", { count: rows.length, total: formatUsdCents(total, locale) })}</h2>
          <TableScroll label={t("preview", { count: rows.length, total: formatUsdCents(total, locale) })}>
            <table data-testid="import-preview">
              <thead>
                <tr>
                  <th>{t("donor")}</th>
                  <th className="num">{t("year")}</th>
                  <th className="num">{t("amount")}</th>
                  <th>{t("currency")}</th>
                  <th className="num">{t("usd")}</th>
                  <th className="num">{t("landShare")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, 200).map((r, i) => (
                  <tr key={i}>
                    <td>{r.donor}</td>
                    <td className="num">{r.year}</td>
                    <td className="num">{(Number(r.amountMinor) / 100).toLocaleString(locale)}</td>
                    <td>{r.currency}</td>
                    <td className="num">{formatUsdCents(BigInt(r.usdCents), locale)}</td>
                    <td className="num">
                      {r.split ? formatPercent(r.split.landReleaseBp / 10_000, locale) : t("splitNotStated")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {rows.length > 200 && <p className="note">{t("more", { count: rows.length - 200 })}</p>}
          <label>
            {t("source")}
            <input
              value={source}
              onChange={(e) => setSource(e.target.value)}
              placeholder="Landmine Monitor 2019, Support for Mine Action"
              required
              minLength={3}
            />
          </label>
          <button
            type="button"
            disabled={
              errors.length > 0 || source.trim().length < 3 || (progress !== null && progress < 100 && !failure)
            }
            onClick={send}
          >
            {t("import", { count: rows.length })}
          </button>
          {progress !== null && (
            <progress max={100} value={progress} aria-label={t("progress")}>
              {progress}%
            </progress>
          )}
        </section>
      )}
      {result && (
        <p className="card" role="status" data-testid="import-result">
          {t("done", { created: result.created, skipped: result.skipped })} <Link href="/funding">{t("back")}</Link>
        </p>
      )}
      <ErrorList messages={failure} />
    </div>
  );
}
