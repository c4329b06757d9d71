"use client";
import { type FormAction, InputField, NewPasswordField, PasswordHint, Submit, useAdminForm } from "./user-admin-forms";

export type ChangePasswordLabels = {
  current: string;
  next: string;
  confirm: string;
  hint: string;
  submit: string;
  signInAgain: string;
};

/** The holder changes their own password; once done, every session of the account has ended, this one too. */
export function ChangePasswordForm({ action, labels }: { action: FormAction; labels: ChangePasswordLabels }) {
  const { state, form, pending, problems: p } = useAdminForm(action);
  return (
    <form {...form} className="report-form card" aria-label={labels.submit}>
      <div className="grid-fields">
        <InputField
          id="password-current"
          name="currentPassword"
          label={labels.current}
          problem={p.currentPassword}
          type="password"
          required
          autoComplete="current-password"
          dir="ltr"
        />
        <NewPasswordField id="password-next" name="newPassword" label={labels.next} problem={p.newPassword} />
        <NewPasswordField
          id="password-confirm"
          name="confirmPassword"
          label={labels.confirm}
          problem={p.confirmPassword}
          hinted={false}
        />
      </div>
      <PasswordHint field="password-next">{labels.hint}</PasswordHint>
      <Submit label={labels.submit} pending={pending} state={state} />
      {state.done && (
        <p>
          <a href="/sign-in">{labels.signInAgain}</a>
        </p>
      )}
    </form>
  );
}
