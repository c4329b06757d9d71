import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { governorateName, type GovernorateNames } from "@/lib/i18n/names";
import type { ProgressFilter } from "@/lib/schemas/progress-filter";
import { CONTAMINATION_TYPES, LAND_USES } from "@/lib/schemas/hazard-area";
import { formatYear } from "@/lib/i18n/format";

type Props = {
  filter: ProgressFilter;
  governorates: (GovernorateNames & { pcode: string; region: string })[];
  partners: { id: string; name: string }[];
  /** Offered where grants are in view (exports): funding by one donor. */
  donors?: { id: string; name: string }[];
  donor?: string;
  action: string;
  /** The public page: whole years only, instead of contamination, land use and a day range (lib/domain/public-view.ts). */
  years?: { offered: number[]; chosen?: number };
};

/** The view's filters as a plain GET form: the URL holds them, so a view is shared by its address. */
export async function DashboardFilters({ filter, governorates, partners, donors, donor, action, years }: Props) {
  const [t, tCont, tLand, locale] = await Promise.all([getTranslations("dashboard"), getTranslations("contamination"), getTranslations("landUse"), getLocale()]);
  return (
    <form method="get" action={action} className="filters-form" aria-label={t("filters")}>
      <label>
        {t("region")}
        <select name="region" defaultValue={filter.region ?? ""}>
          <option value="">{t("allRegions")}</option>
          <option value="federal">{t("federal")}</option>
          <option value="kurdistan">{t("kurdistan")}</option>
        </select>
      </label>
      <label>
        {t("governorate")}
        <select name="governorate" defaultValue={filter.governorate ?? ""}>
          <option value="">{t("allGovernorates")}</option>
          {governorates.map((g) => (
            <option key={g.pcode} value={g.pcode}>
              {governorateName(g, locale)}
            </option>
          ))}
        </select>
      </label>
      {partners.length > 0 && (
        <label>
          {t("partner")}
          <select name="partner" defaultValue={filter.partner ?? ""}>
            <option value="">{t("allPartners")}</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {donors && donors.length > 0 && (
        <label>
          {t("donor")}
          <select name="donor" defaultValue={donor ?? ""}>
            <option value="">{t("allDonors")}</option>
            {donors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {years ? (
        <label>
          {t("year")}
          <select name="year" defaultValue={years.chosen ?? ""}>
            <option value="">{t("allYears")}</option>
            {years.offered.map((y) => (
              <option key={y} value={y}>
                {formatYear(y, locale)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <>
        <label>
          {t("contamination")}
          <select name="contamination" defaultValue={filter.contamination ?? ""}>
            <option value="">{t("allContamination")}</option>
            {CONTAMINATION_TYPES.map((c) => (
              <option key={c} value={c.toLowerCase()}>
                {tCont(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("landUse")}
          <select name="landUse" defaultValue={filter.landUse ?? ""}>
            <option value="">{t("allLandUses")}</option>
            {LAND_USES.map((l) => (
              <option key={l} value={l.toLowerCase()}>
                {tLand(l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("from")}
          <input type="date" name="from" defaultValue={filter.from ?? ""} />
        </label>
        <label>
          {t("to")}
          <input type="date" name="to" defaultValue={filter.to ?? ""} />
        </label>
        </>
      )}
      <div className="actions">
        <button type="submit">{t("apply")}</button>
        <Link href={action}>{t("reset")}</Link>
      </div>
    </form>
  );
}
