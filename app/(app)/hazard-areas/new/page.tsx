import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HazardAreaForm } from "@/components/hazard-areas/hazard-area-form";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { basemapSettings } from "@/lib/server/env";
import { governorateChoices } from "@/lib/server/queries/governorates";
import { organisationRegion } from "@/lib/server/queries/organisations";

export default async function NewHazardAreaPage() {
  const user = await requirePage("/hazard-areas/new");
  const db = await getDb();
  const [t, region, governorates] = await Promise.all([
    getTranslations("hazardForm"),
    organisationRegion(db, user.organisationId),
    governorateChoices(db),
  ]);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/hazard-areas">{t("allAreas")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <HazardAreaForm
        basemap={basemapSettings()}
        kurdistanAuthority={region === "KURDISTAN"}
        governorates={Object.fromEntries(governorates.map(({ pcode, ...names }) => [pcode, names]))}
      />
    </>
  );
}
