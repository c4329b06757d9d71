import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RegisterMapView } from "@/components/hazard-areas/register-map-view";
import { requirePage } from "@/lib/server/auth";
import { basemapSettings } from "@/lib/server/env";

export default async function RegisterMapPage() {
  await requirePage("/hazard-areas/map");
  const t = await getTranslations("registerMap");
  return (
    <>
      <p className="breadcrumb">
        <Link href="/hazard-areas">{t("allAreas")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="note">{t("intro")}</p>
      <RegisterMapView basemap={basemapSettings()} />
    </>
  );
}
