import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { type ImportProgress, RegisterImportCommit } from "@/components/hazard-areas/register-import-commit";
import { ImportProblems } from "@/components/hazard-areas/register-import-problems";
import { RegisterImportUpload } from "@/components/hazard-areas/register-import-upload";
import { ReleaseRows } from "@/components/hazard-areas/release-import-rows";
import type { Areal, HazardFeature } from "@/components/map/field-map";
import { FieldMap } from "@/components/map/field-map";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { ImportProblem } from "@/lib/domain/register-import";
import type { StoredRelease } from "@/lib/domain/release-import";
import { formatCount, formatM2, formatProgrammeDay } from "@/lib/i18n/format";
import { languageOf } from "@/lib/i18n/locales";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { basemapSettings } from "@/lib/server/env";
import { releaseOperators } from "@/lib/server/queries/organisations";
import {
  getRegisterImport,
  importRows,
  listRegisterImports,
  releasePreviewTotals,
} from "@/lib/server/queries/register-imports";

/** Drawn on the review's map up to this many rows; a national file is seen on the register's map once committed. */
const MAP_ROWS = 2_000;

type Overlaps = { register: { code: string; overlapM2: number }[]; rows: { row: number; overlapM2: number }[] };

export default async function RegisterImportPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const user = await requirePage("/hazard-areas/import");
  const { id } = await searchParams;
  const [t, locale, db] = await Promise.all([getTranslations("registerImport"), getLocale(), getDb()]);
  const back = (
    <p className="breadcrumb">
      <Link href={id ? "/hazard-areas/import" : "/hazard-areas"}>{id ? t("title") : t("back")}</Link>
    </p>
  );

  if (!id) {
    const [imports, operators] = await Promise.all([
      listRegisterImports(db, user),
      // The organisations a past release can be counted to: partners, and the authority's own national teams.
      releaseOperators(db, user),
    ]);
    type Row = (typeof imports)[number];
    const columns: Column<Row>[] = [
      {
        key: "file",
        header: t("fileName"),
        cell: (i) => <Link href={`/hazard-areas/import?id=${i.id}`}>{i.fileName}</Link>,
      },
      { key: "when", header: t("when"), cell: (i) => formatProgrammeDay(i.createdAt, locale) },
      {
        key: "kind",
        header: t("kindCol"),
        cell: (i) => t(i.kind === "RELEASES" ? "kinds.releases" : "kinds.hazardAreas"),
      },
      { key: "status", header: t("status"), cell: (i) => t(`statuses.${i.status}`) },
      { key: "rows", header: t("rowsCol"), numeric: true, cell: (i) => formatCount(i.rowCount, locale) },
      { key: "accepted", header: t("acceptedCol"), numeric: true, cell: (i) => formatCount(i.acceptedCount, locale) },
    ];
    return (
      <>
        {back}
        <h1>{t("title")}</h1>
        <p className="note">{t("intro")}</p>
        <RegisterImportUpload operators={operators.map((o) => o.name)} />
        <h2>{t("imports")}</h2>
        <DataTable label={t("imports")} rows={imports} columns={columns} rowKey={(i) => i.id} empty={t("noImports")} />
      </>
    );
  }

  const found = await getRegisterImport(db, user, id);
  if (!found) notFound();
  const lang = languageOf(locale);
  const problems = (found.problems as unknown as ImportProblem[]).map((p) => ({ ...p, message: p.text[lang] }));
  const rows = found.acceptedCount <= MAP_ROWS ? await importRows(db, id) : [];
  const releases = found.kind === "releases";
  const shown = rows.filter((r) => r.status !== "SKIPPED");
  const hazards: HazardFeature[] = shown.map((r) => ({
    type: "Feature",
    properties: {
      code: releases ? (r.value as StoredRelease).hazardAreaCode : (r.value as { code: string }).code,
      name: `${t("row")} ${r.row}`,
      status: "open",
    },
    geometry: JSON.parse(r.geometry) as Areal,
  }));
  const overlapping = rows.filter((r) => {
    const o = r.overlaps as unknown as Overlaps;
    return o.register.length || o.rows.length;
  });
  return (
    <>
      {back}
      <h1>{t("reviewTitle", { name: found.fileName })}</h1>
      <p className="note">
        {releases
          ? t("releasesSummary", {
              rows: found.rowCount,
              accepted: found.acceptedCount,
              ...Object.fromEntries(
                Object.entries(await releasePreviewTotals(db, id)).map(([k, m2]) => [k, formatM2(m2, locale)]),
              ),
              problems: problems.length,
            })
          : t("summary", {
              rows: found.rowCount,
              accepted: found.acceptedCount,
              area: formatM2(
                rows.reduce((s, r) => s + r.areaM2, 0),
                locale,
              ),
              problems: problems.length,
            })}{" "}
        {t("crs", { crs: found.sourceCrs })}
      </p>
      <RegisterImportCommit id={id} overlapping={found.overlappingCount} initial={found.progress as ImportProgress} />
      {found.acceptedCount > MAP_ROWS ? (
        <p className="note">{t("mapTooMany", { count: found.acceptedCount })}</p>
      ) : (
        <FieldMap hazards={hazards} basemap={basemapSettings()} label={t("mapLabel")} />
      )}
      {releases && rows.length > 0 && <ReleaseRows rows={rows} withdrawn={found.progress.status === "withdrawn"} />}
      {overlapping.length > 0 && (
        <section className="card">
          <h2>{t("overlapsTitle")}</h2>
          <DataTable
            label={t("overlapsTitle")}
            rows={overlapping}
            rowKey={(r) => String(r.row)}
            columns={[
              { key: "row", header: t("row"), numeric: true, cell: (r) => formatCount(r.row, locale) },
              { key: "code", header: t("fields.code"), cell: (r) => (r.value as { code: string }).code },
              {
                key: "with",
                header: t("overlapsCol"),
                cell: (r) => {
                  const o = r.overlaps as unknown as Overlaps;
                  return [
                    ...o.register.map((x) => `${x.code} (${formatM2(x.overlapM2, locale)})`),
                    ...o.rows.map(
                      (x) =>
                        `${t("overlapRow", { row: formatCount(x.row, locale) })} (${formatM2(x.overlapM2, locale)})`,
                    ),
                  ].join("; ");
                },
              },
            ]}
            empty=""
          />
        </section>
      )}
      <section className="card">
        <ImportProblems problems={problems} importId={id} />
      </section>
    </>
  );
}
