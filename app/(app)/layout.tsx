import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { chooseLanguageAction } from "@/app/language-actions";
import { SignOutButton } from "@/components/accounts/sign-out-button";
import { SignedInAs, ViewerOfflineStatus } from "@/components/accounts/viewer";
import { LanguageSwitch } from "@/components/i18n/language-switch";
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

const NAME_SLOT = "\u2063name\u2063";

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
  // Nothing here names the user: the page is shared by everyone of this role and organisation
  // (lib/server/page-cache), and the browser puts the name in.
  const [before, after] = t("signedInAs", { name: NAME_SLOT, role: tRoles(user.role), organisation }).split(NAME_SLOT);
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
        <SignedInAs before={before ?? ""} after={after ?? ""} />
        <Link href="/account/password">{t("changePassword")}</Link>
        <SignOutButton label={t("signOut")} />
        <LanguageSwitch action={chooseLanguageAction} />
      </AppSidebar>
      <main>
        <ViewerOfflineStatus
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
