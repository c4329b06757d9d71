import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";
import { SignInForm } from "@/components/sign-in-form";
import { sameOriginPath } from "@/lib/domain/callback-url";
import { currentUser } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { hasDemoAccounts } from "@/lib/server/queries/users";

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  // Only same-site paths: a sign-in link must not send anyone to another site.
  const callbackUrl = sameOriginPath((await searchParams).callbackUrl);
  // With the database down the account cannot be checked: show the form, which says so on signing in.
  if (await currentUser().catch(() => null)) redirect(callbackUrl);
  // The form is shown even when the database is down: signing in then says so, which is clearer than an error page.
  const [t, showDemoHint] = await Promise.all([getTranslations("app"), getDb().then(hasDemoAccounts).catch(() => false)]);
  return (
    <div className="auth">
      <h1>{t("name")}</h1>
      <p className="note">{t("tagline")}</p>
      <SignInForm callbackUrl={callbackUrl} showDemoHint={showDemoHint} />
      <LanguageSwitch />
    </div>
  );
}
