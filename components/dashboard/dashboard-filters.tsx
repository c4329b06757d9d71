import { getLocale, getTranslations } from "next-intl/server";
import { FilterSelect, FiltersForm, RegionFilter } from "@/components/dashboard/filter-fields";
import { formatYear } from "@/lib/i18n/format";
import { type GovernorateNames, governorateName } from "@/lib/i18n/names";
import { CONTAMINATION_TYPES, LAND_USES } from "@/lib/schemas/hazard-area";
import type { ProgressFilter } from "@/lib/schemas/progress-filter";

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
  const [t, tCont, tLand, locale] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("contamination"),
    getTranslations("landUse"),
    getLocale(),
  ]);
  return (
    <FiltersForm action={action} label={t("filters")} apply={t("apply")} reset={t("reset")}>
      <RegionFilter value={filter.region} t={t} />
      <FilterSelect
        label={t("governorate")}
        name="governorate"
        value={filter.governorate}
        all={t("allGovernorates")}
        choices={governorates.map((g) => ({ value: g.pcode, label: governorateName(g, locale) }))}
      />
      {partners.length > 0 && (
        <FilterSelect
          label={t("partner")}
          name="partner"
          value={filter.partner}
          all={t("allPartners")}
          choices={partners.map((p) => ({ value: p.id, label: p.name }))}
        />
      )}
      {donors && donors.length > 0 && (
        <FilterSelect
          label={t("donor")}
          name="donor"
          value={donor}
          all={t("allDonors")}
          choices={donors.map((d) => ({ value: d.id, label: d.name }))}
        />
      )}
      {years ? (
        <FilterSelect
          label={t("year")}
          name="year"
          value={years.chosen}
          all={t("allYears")}
          choices={years.offered.map((y) => ({ value: y, label: formatYear(y, locale) }))}
        />
      ) : (
        <>
          <FilterSelect
            label={t("contamination")}
            name="contamination"
            value={filter.contamination}
            all={t("allContamination")}
            choices={CONTAMINATION_TYPES.map((c) => ({ value: c.toLowerCase(), label: tCont(c) }))}
          />
          <FilterSelect
            label={t("landUse")}
            name="landUse"
            value={filter.landUse}
            all={t("allLandUses")}
            choices={LAND_USES.map((l) => ({ value: l.toLowerCase(), label: tLand(l) }))}
          />
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
    </FiltersForm>
  );
}
