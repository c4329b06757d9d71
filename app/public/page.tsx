import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { chooseLanguageAction } from "@/app/language-actions";
import { DashboardView } from "@/components/dashboard/dashboard";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { programmeDay } from "@/lib/domain/calendar";
import { publicViewFilter, publicViewFrom, publicYears } from "@/lib/domain/public-view";
import { currentUser } from "@/lib/server/auth";
import { requestAddress } from "@/lib/server/client-address";
import { getDb } from "@/lib/server/db";
import { firstReleaseYear, getDashboard, progressFilterChoices } from "@/lib/server/queries/progress";
import { publicPageEnabled } from "@/lib/server/queries/settings";
import { PUBLIC_PAGE_PER_ADDRESS, takeAttempt } from "@/lib/server/rate-limits";

// Rendered from the records, never a stale copy: the pages cache (lib/server/page-cache) keeps a
// rendering only until the next write that moves the figures.
export const dynamic = "force-dynamic";

/**
 * National and per-governorate progress without signing in: approved figures
 * only, aggregated, no partner or user named, no link to records. An
 * authority can withdraw it; then it answers 404. Only the views it offers
 * (lib/domain/public-view.ts), and a reader who is not signed in gets so many
 * renderings a minute from one address: each costs the server up to seconds.
 * A view the pages cache already keeps is served without one, and uncounted.
 */
export default async function PublicProgressPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const db = await getDb();
  if (!(await publicPageEnabled(db))) notFound();
  const [t, locale, user, address] = await Promise.all([
    getTranslations("public"),
    getLocale(),
    currentUser().catch(() => null),
    headers().then((h) => requestAddress(h.get("x-forwarded-for"))),
  ]);
  const attempt = user ? { allowed: true } : await takeAttempt(db, PUBLIC_PAGE_PER_ADDRESS, address);
  const header = (
    <header className="public-header">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <Link href="/sign-in">{t("signIn")}</Link>
      <LanguageSwitch action={chooseLanguageAction} />
    </header>
  );
  if (!attempt.allowed) {
    return (
      <main className="public">
        {/* This reader's refusal, not the page: never kept for others (lib/server/page-cache/pages.ts). */}
        <meta name="page-cache" content="no-store" />
        {header}
        <p role="alert">{t("tooMany")}</p>
      </main>
    );
  }
  const [{ governorates }, firstYear] = await Promise.all([progressFilterChoices(db), firstReleaseYear(db)]);
  const years = publicYears(firstYear, Number(programmeDay().slice(0, 4)));
  const view = publicViewFrom(await searchParams, { governorates: governorates.map((g) => g.pcode), years });
  // Partners are not named here, so there is no filter by partner.
  const filter = publicViewFilter(view);
  const data = await getDashboard(db, filter);
  return (
    <main className="public">
      {header}
      <DashboardFilters
        filter={filter}
        governorates={governorates}
        partners={[]}
        action="/public"
        years={{ offered: years, chosen: view.year }}
      />
      <DashboardView data={{ ...data, byPartner: [] }} filter={filter} locale={locale} links={false} />
    </main>
  );
}
