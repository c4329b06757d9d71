"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";

type State = { token?: string; error?: string };

/** The lifetimes offered, in days; "" lasts until revoked. */
const LIFETIMES_DAYS = ["30", "90", "365", ""] as const;

export function ApiTokenForm({ action }: { action: (prev: State, form: FormData) => Promise<State> }) {
  const t = useTranslations("apiTokens");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="card token-form">
      <label htmlFor="token-name">{t("name")}</label>
      <input id="token-name" name="name" required minLength={2} maxLength={80} placeholder={t("namePlaceholder")} />
      <label htmlFor="token-expiry">{t("lifetime")}</label>
      <select id="token-expiry" name="expiresInDays" defaultValue="90">
        {LIFETIMES_DAYS.map((d) => (
          <option key={d} value={d}>
            {d ? t("lifetimeDays", { days: Number(d) }) : t("untilRevoked")}
          </option>
        ))}
      </select>
      <label>
        <input type="checkbox" name="readOnly" value="1" /> {t("readOnly")}
      </label>
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
          {t("created")}{" "}
          <code data-testid="new-token" dir="ltr">
            {state.token}
          </code>
        </p>
      )}
    </form>
  );
}
