import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { chooseLanguageAction } from "@/app/language-actions";
import { SignOutButton } from "@/components/accounts/sign-out-button";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { OfflineStatus } from "@/components/offline/offline-status";
import { AppNav } from "@/components/ui/app-nav";
import { AppSidebar } from "@/components/ui/app-sidebar";
import { NoticeArea } from "@/components/ui/notice";
import { currentUser } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { serverEnv } from "@/lib/server/env";
import { can, type NavPage, pagesFor } from "@/lib/server/permissions";
import { organisationName } from "@/lib/server/queries/organisations";

const NAV_LABEL: Record<NavPage, string> = {
  "/": "dashboard",
  "/hazard-areas": "hazardAreas",
  "/tasks": "tasks",
  "/reports": "reports",
  "/risk-education": "riskEducation",
  "/casualties": "casualties",
  "/funding": "funding",
  "/exports": "exports",
  "/admin/users": "users",
  "/audit": "audit",
  "/accreditations": "accreditations",
  "/account/tokens": "apiTokens",
};

/** The pages a field team works on, kept on the device for offline use with their open tasks' pages. */
const FIELD_PAGES: readonly NavPage[] = ["/", "/tasks", "/risk-education", "/casualties"];

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // Signed out: each page's requirePage() redirects to sign-in with the page as callbackUrl,
  // which the layout cannot know.
  if (!user) return children;
  const [t, tApp, tRoles] = await Promise.all([
    getTranslations("nav"),
    getTranslations("app"),
    getTranslations("roles"),
  ]);
  const organisation = await organisationName(await getDb(), user.organisationId);
  const items = pagesFor(user).map((href) => ({
    href,
    label:
      user.role === "PARTNER" && href === "/tasks"
        ? t("myTasks")
        : user.role === "AUTHORITY" && href === "/reports"
          ? t("review")
          : t(NAV_LABEL[href]),
  }));
  return (
    <div className="shell">
      <AppSidebar
        menuLabel={t("menu")}
        brand={
          <div className="brand">
            {tApp("name")}
            <small>{tApp("tagline")}</small>
          </div>
        }
      >
        <AppNav items={items} label={t("label")} />
        <p className="who" data-testid="signed-in-as">
          {t("signedInAs", { name: user.name, role: tRoles(user.role), organisation })}
        </p>
        <Link href="/account/password">{t("changePassword")}</Link>
        <SignOutButton label={t("signOut")} />
        <LanguageSwitch action={chooseLanguageAction} />
      </AppSidebar>
      <main>
        <OfflineStatus
          userId={user.id}
          shellPages={pagesFor(user).filter((p) => FIELD_PAGES.includes(p))}
          keepTasks={can(user, "report:submit")}
          serviceWorker={!serverEnv().development}
        />
        <NoticeArea dismissLabel={t("dismiss")} />
        {children}
      </main>
    </div>
  );
}
