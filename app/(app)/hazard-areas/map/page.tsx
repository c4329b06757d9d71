import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RegisterMapView } from "@/components/hazard-areas/register-map-view";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { basemapSettings } from "@/lib/server/env";
import { listOrganisations } from "@/lib/server/queries/organisations";

export default async function RegisterMapPage() {
  await requirePage("/hazard-areas/map");
  const [t, partners] = await Promise.all([
    getTranslations("registerMap"),
    listOrganisations(await getDb(), "OPERATOR"),
  ]);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/hazard-areas">{t("allAreas")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="note">{t("intro")}</p>
      <RegisterMapView basemap={basemapSettings()} partners={partners} />
    </>
  );
}
