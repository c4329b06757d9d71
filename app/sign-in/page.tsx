import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { chooseLanguageAction } from "@/app/language-actions";
import { SignInForm } from "@/components/accounts/sign-in-form";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { sameOriginPath } from "@/lib/domain/callback-url";
import { isLoopback } from "@/lib/domain/client-address";
import { currentUser } from "@/lib/server/auth";
import { requestAddress } from "@/lib/server/client-address";
import { getDb } from "@/lib/server/db";
import { hasDemoAccounts } from "@/lib/server/queries/users";

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  // Only same-site paths: a sign-in link must not send anyone to another site.
  const callbackUrl = sameOriginPath((await searchParams).callbackUrl);
  // With the database down the account cannot be checked: show the form, which says so on signing in.
  if (await currentUser().catch(() => null)) redirect(callbackUrl);
  // The form is shown even when the database is down: signing in then says so, which is clearer than an error page.
  const [t, hasDemo, address] = await Promise.all([
    getTranslations("app"),
    getDb()
      .then(hasDemoAccounts)
      .catch(() => false),
    headers().then((h) => requestAddress(h.get("x-forwarded-for"))),
  ]);
  // Demo accounts sign in only from the machine running the app (lib/server/sign-in.ts): elsewhere the page says so instead of listing them.
  const demo = !hasDemo ? "none" : isLoopback(address) ? "here" : "elsewhere";
  return (
    <div className="auth">
      <h1>{t("name")}</h1>
      <p className="note">{t("tagline")}</p>
      <SignInForm callbackUrl={callbackUrl} demo={demo} />
      <LanguageSwitch action={chooseLanguageAction} />
    </div>
  );
}
