import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { type ExportChoice, ExportDownloads } from "@/components/exports/export-downloads";
import { TABULAR } from "@/lib/schemas/export-filter";
import { progressFilterFrom, progressFilterQuery } from "@/lib/schemas/progress-filter";
import { requirePage } from "@/lib/server/auth";
import { issueLines } from "@/lib/server/command-error";
import { getDb } from "@/lib/server/db";
import { DATASET_PERMISSION } from "@/lib/server/exports";
import { can } from "@/lib/server/permissions";
import { listOrganisations } from "@/lib/server/queries/organisations";
import { progressFilterChoices } from "@/lib/server/queries/progress";

const FILES: ExportChoice[] = [
  { file: "progress.pdf", dataset: "progress", format: "pdf" },
  ...TABULAR.flatMap((dataset) =>
    (["csv", "xlsx"] as const).map((format) => ({ file: `${dataset}.${format}`, dataset, format })),
  ),
  { file: "tables.xlsx", dataset: "tables", format: "xlsx" },
  { file: "iati.xml", dataset: "iati", format: "xml" },
  ...(["hazard-areas", "released"] as const).flatMap((dataset) =>
    (["geojson", "kml", "zip"] as const).map((format) => ({ file: `${dataset}.${format}`, dataset, format })),
  ),
];

/** The view's records as files: the dashboard's filters, then one button per dataset and format the caller may read. */
export default async function ExportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePage("/exports");
  const params = await searchParams;
  const parsed = progressFilterFrom(params);
  let filter = parsed.success ? parsed.data : {};
  // A partner's exports start from its own work; "all partners" (an empty partner= in the URL) widens them.
  if (user.role === "PARTNER" && !("partner" in params)) filter = { ...filter, partner: user.organisationId };
  const db = await getDb();
  const [{ governorates, partners }, donors, t] = await Promise.all([
    progressFilterChoices(db),
    // A donor sees its own grants only, so it is offered no donor filter.
    can(user, "funding:read") && user.role !== "DONOR" ? listOrganisations(db, "DONOR") : Promise.resolve([]),
    getTranslations("exports"),
  ]);
  const donor =
    typeof params.donor === "string" && donors.some((d) => d.id === params.donor) ? params.donor : undefined;
  const needs = (dataset: string) =>
    dataset === "iati" ? "funding:read" : DATASET_PERMISSION[dataset as keyof typeof DATASET_PERMISSION];
  const choices = FILES.filter(
    (c) => c.dataset === "tables" || c.dataset === "progress" || can(user, needs(c.dataset)),
  );
  const query = [progressFilterQuery(filter), donor && `donor=${encodeURIComponent(donor)}`].filter(Boolean).join("&");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="note">{t("intro")}</p>
      {!parsed.success && (
        <p className="error" role="alert">
          {issueLines(parsed.error.issues, await getLocale()).join("; ")}
        </p>
      )}
      <DashboardFilters
        filter={filter}
        governorates={governorates}
        partners={partners}
        donors={donors}
        donor={donor}
        action="/exports"
      />
      <p>
        <Link href={`/?${progressFilterQuery(filter)}`}>{t("sameView")}</Link>
      </p>
      <ExportDownloads query={query} choices={choices} tabular />
    </>
  );
}
