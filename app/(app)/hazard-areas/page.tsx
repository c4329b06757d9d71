import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { type ListPageProps, openListPage, PagedTable } from "@/app/(app)/list-page";
import type { Column } from "@/components/ui/data-table";
import { formatM2 } from "@/lib/i18n/format";
import { governorateName } from "@/lib/i18n/names";
import { getDb } from "@/lib/server/db";
import { can } from "@/lib/server/permissions";
import { hazardAreaPage } from "@/lib/server/queries/hazard-areas";

type Row = Awaited<ReturnType<typeof hazardAreaPage>>["rows"][number];

export default async function HazardAreasPage(props: ListPageProps) {
  const { user, params, page } = await openListPage("/hazard-areas", props);
  const [{ total, rows }, t, tLand, locale] = await Promise.all([
    hazardAreaPage(await getDb(), user, page),
    getTranslations("hazardAreas"),
    getTranslations("landUse"),
    getLocale(),
  ]);
  const columns: Column<Row>[] = [
    { key: "code", header: t("code"), cell: (h) => <Link href={`/hazard-areas/${h.id}`}>{h.code}</Link> },
    { key: "name", header: t("name"), cell: (h) => h.name },
    { key: "kind", header: t("kind"), cell: (h) => h.kind },
    {
      key: "status",
      header: t("status"),
      // Flagged areas say so in the list, where the authority looks for its work.
      cell: (h) =>
        h.needsInvestigation ? `${t(`statuses.${h.status}`)} · ${t("toInvestigate")}` : t(`statuses.${h.status}`),
    },
    { key: "governorate", header: t("governorate"), cell: (h) => governorateName(h.governorate, locale) },
    { key: "landUse", header: t("landUse"), cell: (h) => tLand(h.landUse) },
    { key: "priority", header: t("priority"), numeric: true, cell: (h) => h.priorityRank },
    { key: "area", header: t("area"), numeric: true, cell: (h) => formatM2(h.areaM2, locale) },
    { key: "released", header: t("released"), numeric: true, cell: (h) => formatM2(h.releasedM2, locale) },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="actions">
        {can(user, "hazardArea:write") && (
          <>
            <Link className="button" href="/hazard-areas/new">
              {t("register")}
            </Link>{" "}
          </>
        )}
        {can(user, "register:import") && <Link href="/hazard-areas/import">{t("import")}</Link>}{" "}
        <Link href="/hazard-areas/map">{t("map")}</Link>
      </p>
      <PagedTable
        path="/hazard-areas"
        params={params}
        page={page}
        total={total}
        label={t("title")}
        rows={rows}
        columns={columns}
        rowKey={(h) => h.id}
        empty={t("empty")}
      />
    </>
  );
}
