"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";

type State = { token?: string; error?: string };

export function ApiTokenForm({ action }: { action: (prev: State, form: FormData) => Promise<State> }) {
  const t = useTranslations("apiTokens");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="card token-form">
      <label htmlFor="token-name">{t("name")}</label>
      <input id="token-name" name="name" required minLength={2} maxLength={80} placeholder={t("namePlaceholder")} />
      <button type="submit" disabled={pending}>
        {t("create")}
      </button>
      {state.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state.token && (
        <p role="status">
          {t("created")} <code data-testid="new-token" dir="ltr">{state.token}</code>
        </p>
      )}
    </form>
  );
}
