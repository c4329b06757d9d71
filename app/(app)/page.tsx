import { getLocale, getTranslations } from "next-intl/server";
import { HeadlineFigures } from "@/components/headline-figures";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { getNationalProgress } from "@/lib/server/queries/progress";

export default async function DashboardPage() {
  await requirePage("/");
  const [progress, t, locale] = await Promise.all([getNationalProgress(await getDb()), getTranslations("dashboard"), getLocale()]);
  return (
    <>
      <h1>{t("title")}</h1>
      <HeadlineFigures progress={progress} locale={locale} />
    </>
  );
}
