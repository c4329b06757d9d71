"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { WINDOW_MS } from "@/lib/domain/sign-in-throttle";
import { formatCount } from "@/lib/i18n/format";

const DEMO_EMAILS = [
  "admin@demo.test",
  "dma@demo.test",
  "ikmaa@demo.test",
  "partner@demo.test",
  "donor@demo.test",
  "ikmaa-team@demo.test",
];

/**
 * `demo`: whether the installation has demo accounts, and whether this browser
 * is on the machine running the app, the only place they sign in from.
 */
export function SignInForm({ callbackUrl, demo }: { callbackUrl: string; demo: "none" | "here" | "elsewhere" }) {
  const t = useTranslations("signIn");
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      // "SignInThrottled", "DemoAccountNotLocal", "DatabaseUnavailable": lib/server/sign-in.ts (a client component cannot import the server module).
      setError(
        result?.error === "SignInThrottled"
          ? t("throttled", { minutes: formatCount(WINDOW_MS / 60_000, locale) })
          : result?.error === "DemoAccountNotLocal"
            ? t("demoNotLocal")
            : result?.error === "DatabaseUnavailable"
              ? t("databaseDown")
              : result?.status === 401 || result?.error === "CredentialsSignin"
                ? t("wrongCredentials")
                : t("failed"),
      );
    } catch {
      setError(t("failed"));
    }
    setBusy(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h2>{t("title")}</h2>
      <label htmlFor="email">{t("email")}</label>
      <input id="email" name="email" type="email" autoComplete="username" required dir="ltr" />
      <label htmlFor="password">{t("password")}</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required dir="ltr" />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t("submitting") : t("submit")}
      </button>
      {demo === "elsewhere" && <p className="note">{t("demoLocalOnly")}</p>}
      {demo === "here" && (
        <p className="note">
          {/* The password and addresses isolated and unbroken, so a right-to-left sentence neither reorders them nor splits "demo-password" at its hyphen. */}
          {t.rich("demoHint", {
            password: () => (
              <bdi>
                <code className="nowrap">demo-password</code>
              </bdi>
            ),
          })}{" "}
          {DEMO_EMAILS.map((email) => (
            <bdi key={email} className="demo-address">
              <code>{email}</code>
            </bdi>
          ))}
        </p>
      )}
    </form>
  );
}
