import Link from "next/link";
import type { ReactNode } from "react";
import { type Choice, Options } from "@/components/ui/options";

/** A view's filters as a plain GET form: the URL holds them, so a view is shared by its address; Reset is the bare address. */
export function FiltersForm({
  action,
  label,
  apply,
  reset,
  children,
}: {
  action: string;
  label: string;
  apply: string;
  reset: string;
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} className="filters-form" aria-label={label}>
      {children}
      <div className="actions">
        <button type="submit">{apply}</button>
        <Link href={action}>{reset}</Link>
      </div>
    </form>
  );
}

/** One filter: a select whose first, empty choice (`all`) leaves the view unfiltered. */
export function FilterSelect({
  label,
  name,
  value,
  all,
  choices,
}: {
  label: string;
  name: string;
  value?: string | number;
  all: string;
  choices: readonly Choice[];
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        <Options choices={choices} />
      </select>
    </label>
  );
}

/** Federal Iraq or the Kurdistan Region, in the words of the caller's catalogue. */
export function RegionFilter({
  value,
  t,
}: {
  value?: string;
  t: (key: "region" | "allRegions" | "federal" | "kurdistan") => string;
}) {
  const choices = [
    { value: "federal", label: t("federal") },
    { value: "kurdistan", label: t("kurdistan") },
  ];
  return <FilterSelect label={t("region")} name="region" value={value} all={t("allRegions")} choices={choices} />;
}
