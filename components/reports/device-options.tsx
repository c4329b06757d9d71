import { useTranslations } from "next-intl";
import { Options } from "@/components/ui/options";
import { DEVICE_CATEGORIES } from "@/lib/schemas/land-release-report";

/** The categories of explosive device, one <option> each, in the reader's language. */
export function DeviceOptions() {
  const t = useTranslations("device");
  return <Options choices={DEVICE_CATEGORIES.map((c) => ({ value: c, label: t(c) }))} />;
}
