import { getLocale, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { listHazardAreas } from "@/lib/server/queries/field";
import { formatM2 } from "@/lib/i18n/format";

export default async function HazardAreasPage() {
  const user = await requirePage("/hazard-areas");
  const [rows, t, tLand, locale] = await Promise.all([
    listHazardAreas(await getDb(), user),
    getTranslations("hazardAreas"),
    getTranslations("landUse"),
    getLocale(),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t("code")}</th>
              <th>{t("name")}</th>
              <th>{t("kind")}</th>
              <th>{t("governorate")}</th>
              <th>{t("landUse")}</th>
              <th className="num">{t("priority")}</th>
              <th className="num">{t("area")}</th>
              <th className="num">{t("released")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.id}>
                <td>{h.code}</td>
                <td>{h.name}</td>
                <td>{h.kind}</td>
                <td>{h.governorate.nameEn}</td>
                <td>{tLand(h.landUse)}</td>
                <td className="num">{h.priorityRank}</td>
                <td className="num">{formatM2(h.areaM2, locale)}</td>
                <td className="num">{formatM2(h.releasedM2, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
