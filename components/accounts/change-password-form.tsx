"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatCount } from "@/lib/i18n/format";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/account";
import {
  FieldProblems,
  type FormAction,
  InputField,
  NewPasswordField,
  PasswordHint,
  Submit,
  useAdminForm,
} from "./user-admin-forms";

/** The holder changes their own password; once done, every session of the account has ended, this one too. */
export function ChangePasswordForm({ action }: { action: FormAction }) {
  const t = useTranslations("account");
  const locale = useLocale();
  const { state, form, pending, problems } = useAdminForm(action);
  return (
    <form {...form} className="report-form card" aria-label={t("submit")}>
      <FieldProblems value={problems}>
        <div className="grid-fields">
          <InputField
            id="password-current"
            name="currentPassword"
            label={t("current")}
            type="password"
            required
            autoComplete="current-password"
            dir="ltr"
          />
          <NewPasswordField id="password-next" name="newPassword" label={t("next")} />
          <NewPasswordField id="password-confirm" name="confirmPassword" label={t("confirm")} hinted={false} />
        </div>
      </FieldProblems>
      <PasswordHint field="password-next">{t("hint", { min: formatCount(MIN_PASSWORD_LENGTH, locale) })}</PasswordHint>
      <Submit label={t("submit")} pending={pending} state={state} />
      {state.done && (
        <p>
          <a href="/sign-in">{t("signInAgain")}</a>
        </p>
      )}
    </form>
  );
}
