import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard";
import { LanguageSwitch } from "@/components/language-switch";
import { DashboardFilters } from "@/components/dashboard-filters";
import { progressFilterFrom } from "@/lib/schemas/progress-filter";
import { getDb } from "@/lib/server/db";
import { getDashboard, progressFilterChoices } from "@/lib/server/queries/progress";
import { publicPageEnabled } from "@/lib/server/queries/settings";

// Always rendered from the records, never a stale copy.
export const dynamic = "force-dynamic";

/**
 * National and per-governorate progress without signing in: approved figures
 * only, aggregated, no partner or user named, no link to records. An
 * authority can withdraw it; then it answers 404.
 */
export default async function PublicProgressPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const db = await getDb();
  if (!(await publicPageEnabled(db))) notFound();
  const parsed = progressFilterFrom(await searchParams);
  // Partners are not named here, so there is no filter by partner.
  const filter = parsed.success ? { ...parsed.data, partner: undefined } : {};
  const [data, { governorates }, t, locale] = await Promise.all([
    getDashboard(db, filter),
    progressFilterChoices(db),
    getTranslations("public"),
    getLocale(),
  ]);
  return (
    <main className="public">
      <header className="public-header">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        <Link href="/sign-in">{t("signIn")}</Link>
        <LanguageSwitch />
      </header>
      <DashboardFilters filter={filter} governorates={governorates} partners={[]} action="/public" />
      <DashboardView data={{ ...data, byPartner: [] }} filter={filter} locale={locale} links={false} />
    </main>
  );
}
