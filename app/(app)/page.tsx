import { getLocale, getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { QualityFigures } from "@/components/dashboard/quality-figures";
import { PublicPageSwitch } from "@/components/public-page/public-page-switch";
import { progressFilterFrom } from "@/lib/schemas/progress-filter";
import { requirePage } from "@/lib/server/auth";
import { issueLines } from "@/lib/server/command-error";
import { getDb } from "@/lib/server/db";
import { can } from "@/lib/server/permissions";
import { getDashboard, progressFilterChoices } from "@/lib/server/queries/progress";
import { getQualityByOperator } from "@/lib/server/queries/quality-figures";
import { publicPageEnabled } from "@/lib/server/queries/settings";

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePage("/");
  const parsed = progressFilterFrom(await searchParams);
  const filter = parsed.success ? parsed.data : {};
  const db = await getDb();
  const [data, quality, { governorates, partners }, published, t, locale] = await Promise.all([
    getDashboard(db, filter),
    getQualityByOperator(db, user, filter),
    progressFilterChoices(db),
    publicPageEnabled(db),
    getTranslations("dashboard"),
    getLocale(),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      {can(user, "publicPage:manage") && <PublicPageSwitch enabled={published} />}
      {!parsed.success && (
        <p className="error" role="alert">
          {t("badFilter", { problems: issueLines(parsed.error.issues, locale).join("; ") })}
        </p>
      )}
      <DashboardFilters filter={filter} governorates={governorates} partners={partners} action="/" />
      <DashboardView data={data} filter={filter} locale={locale} links />
      <QualityFigures rows={quality} locale={locale} taskLinks={can(user, "task:read")} />
    </>
  );
}
